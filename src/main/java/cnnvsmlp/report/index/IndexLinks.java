package cnnvsmlp.report.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import cnnvsmlp.run.RunFolders;
import cnnvsmlp.report.compare.CompareReport;

/** What the index's sections share: links and pictures relative to the results folder, accuracies as written. */
final class IndexLinks {

    private IndexLinks() {
    }

    /** "97.40 % ± 0.12" over seeds, "97.40 %" for one. */
    static String accuracy(CompareReport.ModelSummary m) {
        return m.seeds().size() > 1 ? String.format(Locale.ROOT, "%.2f %% ± %.2f", 100 * m.meanAccuracy(),
                100 * m.sdAccuracy()) : String.format(Locale.ROOT, "%.2f %%", 100 * m.meanAccuracy());
    }

    static void image(StringBuilder md, Path dir, Path folder, String png) {
        image(md, dir, folder, png, png.replace(".png", "").replace('-', ' '));
    }

    static void image(StringBuilder md, Path dir, Path folder, String png, String alt) {
        if (Files.exists(folder.resolve(png))) {
            md.append("![").append(alt).append("](").append(relative(dir, folder)).append('/').append(png).append(")\n");
        }
    }

    /** The comparison folders that have a summary; one with only its plan is in progress, not damaged. */
    static List<Path> finishedComparisons(Path dir) {
        return RunFolders.folders(dir.resolve("compare")).stream()
                .filter(f -> Files.exists(f.resolve(CompareReport.SUMMARY_JSON))
                        || !Files.exists(f.resolve(cnnvsmlp.run.ComparePlan.FILE)))
                .toList();
    }

    /**
     * Whether a comparison is of the post's pair, the MNIST MLP against LeNet-5: neither side is another experiment's
     * model (the 6-layer MLP of the post's second claim).
     */
    static boolean postsPair(CompareReport.Summary s) {
        return java.util.Arrays.stream(cnnvsmlp.model.ExperimentId.values())
                .filter(e -> e != cnnvsmlp.model.ExperimentId.MNIST_MLP && e != cnnvsmlp.model.ExperimentId.LENET5)
                .noneMatch(e -> e.model().equals(s.mlp().model()) || e.model().equals(s.cnn().model()));
    }

    /** {@code folder} relative to the results folder {@code dir}, with forward slashes. */
    static String relative(Path dir, Path folder) {
        return dir.relativize(folder).toString().replace('\\', '/');
    }
}
