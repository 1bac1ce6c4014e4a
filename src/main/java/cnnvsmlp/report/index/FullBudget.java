package cnnvsmlp.report.index;

import java.nio.file.Path;
import java.util.Map;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.report.Prose;
import cnnvsmlp.report.compare.CompareReport;

/**
 * The results index's first section: the post's own experiment carried to its end, the newest comparison of the two
 * MNIST models under the post's exact training (batch 2048) for the post's whole budget (5000 epochs), when there
 * is one. Nothing when there is none.
 */
final class FullBudget {

    /** The post's batch_size for both MNIST models. */
    private static final int POST_MNIST_BATCH = 2048;

    private FullBudget() {
    }

    static void write(StringBuilder md, Path dir, Prose prose) {
        for (Path folder : IndexLinks.finishedComparisons(dir)) { // the newest first
            CompareReport.Summary s;
            try {
                s = CompareReport.readSummary(folder);
            } catch (FixableProblem e) {
                continue; // listed as skipped by the comparisons' section
            }
            if (s.epochs() < s.postEpochs() || s.training() != null || s.dataset() != null
                    || s.batchSize() != POST_MNIST_BATCH || !IndexLinks.postsPair(s)) {
                continue;
            }
            String rel = IndexLinks.relative(dir, folder);
            md.append(prose.get("full-budget", Map.of("verdict", s.verdict(), "mlp", IndexLinks.accuracy(s.mlp()),
                    "cnn", IndexLinks.accuracy(s.cnn()), "seeds", String.valueOf(s.mlp().seeds().size()),
                    "summary", rel + "/summary.md")));
            IndexLinks.image(md, dir, folder, CompareReport.ACCURACY_PNG);
            IndexLinks.image(md, dir, folder, CompareReport.DIFFERENCE_PNG);
            md.append('\n');
            return;
        }
    }
}
