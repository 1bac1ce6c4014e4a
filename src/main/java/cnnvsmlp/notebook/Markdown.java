package cnnvsmlp.notebook;

/**
 * Markdown that a notebook shows formatted, e.g. a comparison's summary.md with its table: a cell whose value is a
 * {@code Markdown} is exported as {@code text/markdown} (its text also as plain text); a live kernel shows its text.
 *
 * @param text the Markdown
 */
public record Markdown(String text) {

    @Override
    public String toString() {
        return text;
    }
}
