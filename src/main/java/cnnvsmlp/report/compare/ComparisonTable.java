package cnnvsmlp.report.compare;

import java.util.List;
import java.util.Locale;

/** The table the main job ends with: one row per model. */
public final class ComparisonTable {

    /** One finished run. */
    public record Row(String model, long parameters, int epochsRun, int postEpochs, double accuracy,
            String evaluatedOn, double seconds) {
    }

    private ComparisonTable() {
    }

    public static String render(List<Row> rows) {
        StringBuilder table = new StringBuilder();
        String format = "| %-28s | %10s | %-16s | %9s | %8s |%n";
        table.append(String.format(Locale.ROOT, format, "model", "parameters", "epochs of post's", "accuracy",
                "seconds"));
        table.append(String.format(Locale.ROOT, format, "-".repeat(28), "-".repeat(10), "-".repeat(16), "-".repeat(9),
                "-".repeat(8)));
        for (Row r : rows) {
            table.append(String.format(Locale.ROOT, format, r.model(), String.format(Locale.ROOT, "%,d",
                            r.parameters()), r.epochsRun() + " of " + r.postEpochs(),
                    String.format(Locale.ROOT, "%.2f %%", 100 * r.accuracy()),
                    String.format(Locale.ROOT, "%.0f", r.seconds())));
        }
        table.append("accuracy: beans on its 100 training points (the post has no test set), MNIST models on the"
                + " 10,000 test images.\n");
        boolean shortened = rows.stream().anyMatch(r -> r.epochsRun() < r.postEpochs());
        if (shortened) {
            table.append("Some models ran fewer epochs than the post's 5000: compare them only at equal budgets;"
                    + " the post's exact training needs ~100+ epochs before the MNIST models say much.\n");
        }
        return table.toString();
    }
}
