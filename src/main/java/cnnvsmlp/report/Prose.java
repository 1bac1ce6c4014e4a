package cnnvsmlp.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prose kept out of the code: a resource under {@code /prose/} (one file per language and document) holding named
 * sections, each starting at a line {@code <!-- name -->} and running to the next; its {@code {{key}}} placeholders
 * are filled from a map. A section's last line break belongs to the file, not to the text.
 */
public final class Prose {

    private static final Pattern SECTION = Pattern.compile("(?m)^<!-- ([\\w.-]+) -->\\n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String resource;
    private final Map<String, String> sections;

    private Prose(String resource, Map<String, String> sections) {
        this.resource = resource;
        this.sections = sections;
    }

    /** The sections of {@code /prose/<language>/<document>.md}. */
    public static Prose load(String language, String document) {
        String resource = "/prose/" + language + "/" + document + ".md";
        try (InputStream in = Prose.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " in the build");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    static Prose parse(String resource, String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(text);
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                sections.put(name, withoutLastLineBreak(text.substring(start, m.start())));
            }
            name = m.group(1);
            start = m.end();
        }
        if (name != null) {
            sections.put(name, withoutLastLineBreak(text.substring(start)));
        }
        return new Prose(resource, sections);
    }

    private static String withoutLastLineBreak(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** The names of the sections, in the order of the file. */
    public java.util.List<String> names() {
        return java.util.List.copyOf(sections.keySet());
    }

    /** Section {@code name}, which has no placeholders. */
    public String get(String name) {
        return get(name, Map.of());
    }

    /** Section {@code name} with every {@code {{key}}} replaced by {@code values.get(key)}; a missing key throws. */
    public String get(String name, Map<String, ?> values) {
        String text = sections.get(name);
        if (text == null) {
            throw new IllegalArgumentException(resource + " has no section " + name);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(resource + ", section " + name + ": no value for {{" + m.group(1)
                        + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
