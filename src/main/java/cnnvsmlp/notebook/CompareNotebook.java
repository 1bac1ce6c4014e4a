package cnnvsmlp.notebook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cnnvsmlp.report.compare.CompareReport.Summary;
import cnnvsmlp.report.Prose;

/** The comparison's verdict in the notebooks' languages: the English the program prints, and Chinese. */
public final class CompareNotebook {

    private CompareNotebook() {
    }

    /**
     * The verdict of the comparison {@code s} in {@code language}: "en" the program's own sentence, "zh" the same
     * numbers in Chinese (what the comparison notebook prints).
     */
    public static String verdict(Summary s, String language) {
        return switch (language) {
            case "en" -> s.verdict();
            case "zh" -> localVerdict(NotebookExport.Lang.ZH, s);
            default -> throw new IllegalArgumentException("language must be en or zh, got '" + language + "'");
        };
    }

    /** The comparison's verdict in {@code lang}, from the numbers of its summary (the program prints English). */
    static String localVerdict(NotebookExport.Lang lang, Summary s) {
        Prose prose = Prose.load(lang.folder, "4-compare");
        int seeds = s.mlp().seeds().size();
        Map<String, Object> values = new LinkedHashMap<>();
        String budget = s.training() == null ? prose.get("budget", Map.of("postEpochs", s.postEpochs(), "epochs",
                s.epochs(), "batchSize", s.batchSize(), "seeds", seeds)) : prose.get("budget-other", Map.of("epochs",
                s.epochs(), "batchSize", s.batchSize(), "seeds", seeds, "training", s.training()));
        values.put("budget", (s.dataset() == null ? "" : prose.get("on-dataset", Map.of("dataset", s.dataset())))
                + budget);
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
