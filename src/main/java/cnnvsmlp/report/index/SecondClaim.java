package cnnvsmlp.report.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.report.Prose;
import cnnvsmlp.report.compare.CompareReport;

/**
 * The post's second claim: LeNet-5 against the 6-layer MLP of LeCun's table. The table's rows (prose, cited), then
 * every comparison of the two models in the folder (the newest of each recipe, budget and seed count) with its test
 * error beside the table's, and each comparison's verdict. Nothing when no such comparison has finished.
 */
final class SecondClaim {

    private SecondClaim() {
    }

    static void write(StringBuilder md, Path dir, Prose prose) {
        Map<String, Path> newest = new LinkedHashMap<>();
        Map<Path, CompareReport.Summary> summaries = new LinkedHashMap<>();
        for (Path folder : IndexLinks.finishedComparisons(dir)) { // the newest first
            try {
                CompareReport.Summary s = CompareReport.readSummary(folder);
                if (s.dataset() == null && sixLayer(s) != null && lenet(s) != null) {
                    summaries.put(folder, s);
                    newest.putIfAbsent(s.training() + "/" + s.batchSize() + "/" + s.epochs() + "/"
                            + s.mlp().seeds().size(), folder);
                }
            } catch (FixableProblem e) {
                // listed as skipped by the comparisons' section
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        md.append(prose.get("second-claim"));
        List<Path> shown = new ArrayList<>(newest.values());
        shown.sort(java.util.Comparator.comparing((Path f) -> summaries.get(f).training() != null)
                .thenComparing(f -> summaries.get(f).mlp().seeds().size())
                .thenComparing(f -> summaries.get(f).epochs()));
        for (Path folder : shown) {
            CompareReport.Summary s = summaries.get(folder);
            String training = s.training() == null ? "the post's (MSE, SGD 0.05), batch " + s.batchSize()
                    : ResultsIndex.recipeLabel(s.training()) + ", batch " + s.batchSize();
            double sign = lenet(s) == s.cnn() ? 1 : -1; // the summary's B minus A, turned into LeNet-5 minus
            String interval = s.ciLow() == null ? "none (one seed)" : String.format(Locale.ROOT, "[%+.2f, %+.2f]",
                    100 * Math.min(sign * s.ciLow(), sign * s.ciHigh()), 100 * Math.max(sign * s.ciLow(),
                    sign * s.ciHigh()));
            String rel = IndexLinks.relative(dir, folder);
            md.append(String.format(Locale.ROOT, "| this project | %s | %d of %d | %d | %s | %s | %+.2f points, %s |"
                    + " [summary](%s/%s) |%n", training, s.epochs(), s.postEpochs(), s.mlp().seeds().size(),
                    error(sixLayer(s)), error(lenet(s)), 100 * sign * s.meanDifference(), interval, rel, CompareReport.SUMMARY_MD));
        }
        md.append('\n');
        for (Path folder : shown) {
            md.append("- ").append(summaries.get(folder).verdict()).append('\n');
        }
        md.append('\n');
    }

    /** "8.49 %" (one seed) or "1.60 % ± 0.05" of test error. */
    private static String error(CompareReport.ModelSummary m) {
        return m.seeds().size() > 1 ? String.format(Locale.ROOT, "%.2f %% ± %.2f", 100 - 100 * m.meanAccuracy(),
                100 * m.sdAccuracy()) : String.format(Locale.ROOT, "%.2f %%", 100 - 100 * m.meanAccuracy());
    }

    private static CompareReport.ModelSummary sixLayer(CompareReport.Summary s) {
        return of(s, ExperimentId.MNIST_MLP6);
    }

    private static CompareReport.ModelSummary lenet(CompareReport.Summary s) {
        return of(s, ExperimentId.LENET5);
    }

    private static CompareReport.ModelSummary of(CompareReport.Summary s, ExperimentId experiment) {
        return s.mlp().model().equals(experiment.model()) ? s.mlp()
                : s.cnn().model().equals(experiment.model()) ? s.cnn() : null;
    }
}
