package cnnvsmlp.report.compare;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import cnnvsmlp.report.compare.CompareReport.ModelSummary;

/** The sentences of a comparison's verdict: each names the budget, the batch size and the number of seeds. */
final class Verdicts {

    private Verdicts() {
    }

    /**
     * "after 50 of the post's 5000 epochs (batch 2048, 3 seeds)"; with another training than the post's, "after 20
     * epochs (batch 128, 5 seeds; categorical_crossentropy, adam(lr=0.001), not the post's training)"; on another
     * data set than MNIST, "on Fashion-MNIST after ...".
     */
    static String budget(int epochs, int postEpochs, int batchSize, int seeds, String training, String dataset) {
        String on = dataset == null ? "" : "on " + dataset + " ";
        if (training != null) {
            return String.format(Locale.ROOT, "%safter %d epochs (batch %d, %d seed%s; %s, not the post's training)",
                    on, epochs, batchSize, seeds, seeds == 1 ? "" : "s", training);
        }
        return String.format(Locale.ROOT, "%safter %d of the post's %d epochs (batch %d, %d seed%s)", on, epochs,
                postEpochs, batchSize, seeds, seeds == 1 ? "" : "s");
    }

    static String verdict(ModelSummary mlp, ModelSummary cnn, PairedDifference last, String winner, int epochs,
            int postEpochs, int batchSize, String training, String dataset) {
        String budget = budget(epochs, postEpochs, batchSize, last.seeds(), training, dataset);
        if (!last.hasInterval()) {
            return String.format(Locale.ROOT, "%s %.2f %% against %s %.2f %% %s: one seed gives no interval, so no"
                    + " winner is named.", cnn.model(), 100 * cnn.meanAccuracy(), mlp.model(), 100 * mlp.meanAccuracy(),
                    budget);
        }
        String interval = String.format(Locale.ROOT, "%+.2f points of test accuracy for %s (mean of the paired"
                + " differences), 95 %% interval [%+.2f, %+.2f]", 100 * last.mean(), cnn.model(), 100 * last.low(),
                100 * last.high());
        if (winner != null) {
            return String.format(Locale.ROOT, "%s is ahead %s: %s.", winner, budget, interval);
        }
        return String.format(Locale.ROOT, "No clear difference %s: %s includes 0.", budget, interval);
    }

    /** Where LeNet-5 took the lead for good, per seed. */
    static String crossover(String cnn, List<Integer> crossovers) {
        List<Integer> reached = crossovers.stream().filter(Objects::nonNull).toList();
        if (crossovers.size() == 1) {
            return reached.isEmpty() ? cnn + " is not ahead at the end (no crossover)."
                    : cnn + " is ahead from epoch " + reached.get(0) + " to the end (the crossover).";
        }
        if (reached.isEmpty()) {
            return "Crossover (" + cnn + " ahead from then to the end): reached by none of the " + crossovers.size()
                    + " seeds.";
        }
        double mean = reached.stream().mapToInt(Integer::intValue).average().orElse(0);
        int min = reached.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = reached.stream().mapToInt(Integer::intValue).max().orElse(0);
        return String.format(Locale.ROOT, "Crossover (%s ahead from then to the end): reached by %d of %d seeds, at"
                + " epoch %.0f on average (range %d-%d).", cnn, reached.size(), crossovers.size(), mean, min, max);
    }
}
