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
        String budget = prose.get("budget", Map.of("postEpochs", s.postEpochs(), "epochs", s.epochs(),
                "batchSize", s.batchSize()));
        double spread = Math.max(Math.max(s.mlp().sdAccuracy(), s.cnn().sdAccuracy()), s.sdDifference());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("budget", budget);
        values.put("seeds", seeds);
        values.put("mlp", s.mlp().model());
        values.put("cnn", s.cnn().model());
        values.put("mlpAccuracy", percent(s.mlp().meanAccuracy()));
        values.put("cnnAccuracy", percent(s.cnn().meanAccuracy()));
        values.put("difference", percent(Math.abs(s.meanDifference())));
        values.put("signedDifference", String.format(Locale.ROOT, "%+.2f", 100 * s.meanDifference()));
        values.put("spread", percent(spread));
        if (seeds < 2) {
            return prose.get("verdict-one-seed", values);
        }
        if (s.winner() != null) {
            values.put("winner", s.winner());
            return prose.get("verdict-winner", values);
        }
        return prose.get("verdict-none", values);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }
}
