package cnnvsmlp.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cnnvsmlp.experiment.Comparison;
import cnnvsmlp.report.CompareReport.Summary;
import cnnvsmlp.report.CompareReport;
import cnnvsmlp.report.Prose;

/** The comparison's notebook: the verdict (in the notebook's language), the summary table and the curves. */
final class CompareNotebook {

    private CompareNotebook() {
    }

    static Notebook compare(NotebookExport.Lang lang, Path folder) throws IOException {
        Summary s = CompareReport.readSummary(folder);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("command", s.command());
        meta.put("date", s.date());
        meta.put("budget", s.epochs() + " of " + s.postEpochs() + " epochs");
        meta.put("folder", folder.getFileName().toString());
        meta.put("runs", List.of(s.mlp().runs(), s.cnn().runs()));
        Notebook nb = new Notebook(lang.folder, meta);
        Prose prose = Prose.load(lang.folder, "4-compare");
        nb.markdown(prose.get("title", Map.of("epochs", s.epochs(), "postEpochs", s.postEpochs(),
                "seeds", s.mlp().seeds().size(), "folder", "results/compare/" + folder.getFileName())));
        nb.markdown(prose.get("verdict", Map.of("verdict", s.verdict(), "verdictRule", s.verdictRule(),
                "localVerdict", lang == NotebookExport.Lang.EN ? s.verdict() : localVerdict(lang, s))));
        nb.code(JavaSource.quote(Comparison.class, "public static Path run(RunSpec mlp, RunSpec cnn,"),
                List.of(Notebook.stream(Files.readString(folder.resolve(CompareReport.SUMMARY_MD))),
                        Notebook.png(folder.resolve(CompareReport.BARS_PNG), "mean test accuracy with standard deviation")));
        nb.markdown(prose.get("curves"));
        nb.code(JavaSource.quote(CompareReport.class, "public static Summary summarize("), List.of(
                Notebook.png(folder.resolve(CompareReport.ACCURACY_PNG), "test accuracy per epoch"),
                Notebook.png(folder.resolve(CompareReport.TIME_PNG), "test accuracy against time"),
                Notebook.png(folder.resolve(CompareReport.LOSS_PNG), "loss per epoch")));
        nb.markdown(prose.get("post"));
        return nb;
    }

    /** The comparison's verdict in {@code lang}, from the numbers of its summary (the program prints English). */
    static String localVerdict(NotebookExport.Lang lang, Summary s) {
        Prose prose = Prose.load(lang.folder, "4-compare");
        int seeds = s.mlp().seeds().size();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("budget", prose.get("budget", Map.of("postEpochs", s.postEpochs(), "epochs", s.epochs(),
                "batchSize", s.batchSize(), "seeds", seeds)));
        values.put("seeds", seeds);
        values.put("mlp", s.mlp().model());
        values.put("cnn", s.cnn().model());
        values.put("mlpAccuracy", percent(s.mlp().meanAccuracy()));
        values.put("cnnAccuracy", percent(s.cnn().meanAccuracy()));
        values.put("signedDifference", signed(s.meanDifference()));
        String verdict;
        if (s.ciLow() == null) {
            verdict = prose.get("verdict-one-seed", values);
        } else {
            values.put("low", signed(s.ciLow()));
            values.put("high", signed(s.ciHigh()));
            if (s.winner() != null) {
                values.put("winner", s.winner());
            }
            verdict = prose.get(s.winner() != null ? "verdict-winner" : "verdict-none", values);
        }
        return verdict + crossover(prose, s, values);
    }

    private static String crossover(Prose prose, Summary s, Map<String, Object> values) {
        if (s.crossovers() == null) {
            return ""; // a summary written before crossovers were recorded
        }
        List<Integer> reached = s.crossovers().stream().filter(java.util.Objects::nonNull).toList();
        if (s.crossovers().size() == 1) {
            return reached.isEmpty() ? prose.get("crossover-one-none", values)
                    : prose.get("crossover-one-reached", with(values, "epoch", reached.get(0)));
        }
        if (reached.isEmpty()) {
            return prose.get("crossover-none", values);
        }
        var stats = reached.stream().mapToInt(Integer::intValue).summaryStatistics();
        Map<String, Object> more = with(values, "reached", reached.size());
        more.put("mean", String.format(Locale.ROOT, "%.0f", stats.getAverage()));
        more.put("min", stats.getMin());
        more.put("max", stats.getMax());
        return prose.get("crossover-some", more);
    }

    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return copy;
    }

    private static String signed(double fraction) {
        return String.format(Locale.ROOT, "%+.2f", 100 * fraction);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }
}
