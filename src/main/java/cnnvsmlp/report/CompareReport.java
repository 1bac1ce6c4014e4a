package cnnvsmlp.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.Json;

/**
 * The MLP against LeNet-5 over several seeds at one budget: accuracy as mean and standard deviation, the
 * per-seed difference, the epochs each needed to reach 90 / 95 / 98 % test accuracy, a verdict that names a
 * winner only when the difference is larger than the seed spread, and the charts. Written to
 * {@code results/compare/<run-id>/} by {@code compare} and by the main job ({@code all}).
 */
public final class CompareReport {

    public static final double[] THRESHOLDS = {0.90, 0.95, 0.98};
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_MD = "summary.md";
    public static final String BARS_PNG = "accuracy-bars.png";
    public static final String ACCURACY_PNG = "test-accuracy.png";
    public static final String LOSS_PNG = "loss.png";
    public static final String TIME_PNG = "accuracy-vs-time.png";

    public static final String VERDICT_RULE = "A winner is named only when, over at least two seeds, the mean"
            + " difference is larger than every standard deviation (each model's accuracy and the per-seed"
            + " difference) and every seed's difference has the same sign.";

    /** One finished training run of one model and seed, as the comparison sees it. */
    public record ModelRun(String model, long seed, List<EpochResult> epochs, double accuracy, String folder,
            boolean reused) {

        double seconds() {
            return epochs.stream().mapToDouble(e -> e.trainSeconds() + e.evalSeconds()).sum();
        }
    }

    /** One model over all seeds. */
    public record ModelSummary(String model, List<Long> seeds, List<Double> accuracies, double meanAccuracy,
            double sdAccuracy, Map<String, List<Integer>> epochsToReach, double meanSeconds, List<String> runs) {
    }

    /** Both models' test accuracy for one seed, and the CNN's lead. */
    public record SeedDifference(long seed, double mlp, double cnn, double difference) {
    }

    /**
     * @param epochs the budget every run had
     * @param postEpochs the post's budget
     * @param winner the model that won, or null when the difference is within the seed spread
     */
    public record Summary(String date, String command, int epochs, int postEpochs, int batchSize, ModelSummary mlp,
            ModelSummary cnn, List<SeedDifference> differences, double meanDifference, double sdDifference,
            String winner, String verdict, String verdictRule) {
    }

    private CompareReport() {
    }

    /** The summary.json of the comparison folder {@code folder}; a damaged file is a problem that names it. */
    public static Summary readSummary(Path folder) {
        Path file = folder.resolve(SUMMARY_JSON);
        try {
            Summary s = Json.MAPPER.readerFor(Summary.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile());
            if (s.mlp() == null || s.cnn() == null || s.verdict() == null || s.mlp().seeds() == null) {
                throw new FixableProblem(file + " is damaged (missing mlp, cnn or verdict); run the comparison again");
            }
            return s;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FixableProblem(file + " is damaged (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); run the comparison again", e);
        } catch (java.io.IOException e) {
            throw new FixableProblem(file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public static Summary summarize(List<ModelRun> mlp, List<ModelRun> cnn, int epochs, int postEpochs, int batchSize,
            String command, String date) {
        if (mlp.size() != cnn.size() || mlp.isEmpty()) {
            throw new IllegalArgumentException("need one run of each model per seed, got " + mlp.size() + " and "
                    + cnn.size());
        }
        List<SeedDifference> differences = new ArrayList<>();
        for (int i = 0; i < mlp.size(); i++) {
            if (mlp.get(i).seed() != cnn.get(i).seed()) {
                throw new IllegalArgumentException("runs " + i + " have seeds " + mlp.get(i).seed() + " and "
                        + cnn.get(i).seed());
            }
            differences.add(new SeedDifference(mlp.get(i).seed(), mlp.get(i).accuracy(), cnn.get(i).accuracy(),
                    cnn.get(i).accuracy() - mlp.get(i).accuracy()));
        }
        ModelSummary m = model(mlp);
        ModelSummary c = model(cnn);
        double[] d = differences.stream().mapToDouble(SeedDifference::difference).toArray();
        double meanDifference = mean(d);
        double sdDifference = sd(d);
        String winner = null;
        String budget = String.format(Locale.ROOT, "after %d of the post's %d epochs (batch %d)", epochs, postEpochs,
                batchSize);
        String verdict;
        double spread = Math.max(Math.max(m.sdAccuracy(), c.sdAccuracy()), sdDifference);
        boolean sameSign = java.util.Arrays.stream(d).allMatch(x -> x > 0) || java.util.Arrays.stream(d).allMatch(x -> x < 0);
        if (d.length < 2) {
            verdict = String.format(Locale.ROOT, "%s %.2f %% against %s %.2f %% %s, one seed: without a seed spread to"
                    + " measure the difference against, no winner is named.", c.model(), 100 * c.meanAccuracy(),
                    m.model(), 100 * m.meanAccuracy(), budget);
        } else if (sameSign && Math.abs(meanDifference) > spread) {
            boolean cnnWins = meanDifference > 0;
            winner = cnnWins ? c.model() : m.model();
            verdict = String.format(Locale.ROOT, "%s wins %s: %.2f points of test accuracy ahead (mean over %d seeds),"
                    + " more than the seed spread (largest standard deviation %.2f points).", winner, budget,
                    100 * Math.abs(meanDifference), d.length, 100 * spread);
        } else {
            verdict = String.format(Locale.ROOT, "No winner %s: the mean difference (%s%.2f points for %s) is within"
                    + " the seed spread (largest standard deviation %.2f points)%s.", budget,
                    meanDifference >= 0 ? "+" : "", 100 * meanDifference, c.model(), 100 * spread,
                    sameSign ? "" : " and the seeds disagree on the sign");
        }
        return new Summary(date, command, epochs, postEpochs, batchSize, m, c, differences, meanDifference,
                sdDifference, winner, verdict, VERDICT_RULE);
    }

    private static ModelSummary model(List<ModelRun> runs) {
        List<Double> accuracies = runs.stream().map(ModelRun::accuracy).toList();
        double[] a = accuracies.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, List<Integer>> reach = new LinkedHashMap<>();
        for (double t : THRESHOLDS) {
            reach.put(percent(t), runs.stream().map(r -> epochToReach(r.epochs(), t)).toList());
        }
        return new ModelSummary(runs.get(0).model(), runs.stream().map(ModelRun::seed).toList(), accuracies, mean(a),
                sd(a), reach, runs.stream().mapToDouble(ModelRun::seconds).average().orElse(0),
                runs.stream().map(r -> r.folder() + (r.reused() ? " (reused)" : "")).toList());
    }

    /** The first epoch whose test accuracy is at least {@code threshold}, or null when none is. */
    public static Integer epochToReach(List<EpochResult> epochs, double threshold) {
        return epochs.stream().filter(e -> e.testAccuracy() >= threshold).map(EpochResult::epoch).findFirst()
                .orElse(null);
    }

    public static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** The sample standard deviation (n - 1); 0 for a single value. */
    public static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1));
    }

    static String percent(double threshold) {
        return Math.round(threshold * 100) + "%";
    }

    public static String markdown(Summary s) {
        StringBuilder md = new StringBuilder("# MLP against LeNet-5 on MNIST\n\n");
        md.append("**").append(s.verdict()).append("**\n\n");
        md.append(String.format(Locale.ROOT, "Budget: %d of the post's %d epochs, batch %d, the post's exact"
                + " training (SGD 0.05, mean squared error); test accuracy on the 10,000 MNIST test images.%n%n",
                s.epochs(), s.postEpochs(), s.batchSize()));
        md.append("| model | seeds | test accuracy, mean ± sd | per seed | seconds per run |\n|---|---|---|---|---|\n");
        for (ModelSummary m : List.of(s.mlp(), s.cnn())) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f %% ± %.2f | %s | %.0f |%n", m.model(),
                    m.seeds().size(), 100 * m.meanAccuracy(), 100 * m.sdAccuracy(),
                    String.join(", ", m.accuracies().stream().map(a -> String.format(Locale.ROOT, "%.2f %%", 100 * a))
                            .toList()), m.meanSeconds()));
        }
        md.append("\n| seed | MLP | LeNet-5 | LeNet-5 − MLP |\n|---|---|---|---|\n");
        for (SeedDifference d : s.differences()) {
            md.append(String.format(Locale.ROOT, "| %d | %.2f %% | %.2f %% | %+.2f points |%n", d.seed(), 100 * d.mlp(),
                    100 * d.cnn(), 100 * d.difference()));
        }
        md.append(String.format(Locale.ROOT, "| mean ± sd | | | %+.2f ± %.2f points |%n", 100 * s.meanDifference(),
                100 * s.sdDifference()));
        md.append("\nEpochs to reach a test accuracy (per seed; – : not reached within the budget)\n\n");
        md.append("| model |");
        for (double t : THRESHOLDS) {
            md.append(' ').append(percent(t)).append(" |");
        }
        md.append("\n|---|---|---|---|\n");
        for (ModelSummary m : List.of(s.mlp(), s.cnn())) {
            md.append("| ").append(m.model()).append(" |");
            for (double t : THRESHOLDS) {
                md.append(' ').append(String.join(", ", m.epochsToReach().get(percent(t)).stream()
                        .map(e -> e == null ? "–" : String.valueOf(e)).toList())).append(" |");
            }
            md.append('\n');
        }
        md.append("\n").append(s.verdictRule()).append("\n\nRuns: ");
        md.append(String.join("; ", s.mlp().runs())).append("; ").append(String.join("; ", s.cnn().runs()));
        md.append("\n\nCommand: `").append(s.command()).append("`, ").append(s.date()).append('\n');
        return md.toString();
    }
}
