package cnnvsmlp.report.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.Json;

/**
 * The MLP against LeNet-5 over several seeds at one budget: accuracy as mean and standard deviation, the paired
 * per-seed difference with its 95 % interval along the budget ({@link PairedDifference}), each seed's crossover, the
 * epochs each needed to reach 90 / 95 / 98 % test accuracy, and a verdict ({@link Verdicts}) that names a winner only
 * when the interval excludes 0. Written to
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
    public static final String DIFFERENCE_PNG = "difference.png";

    public static final String VERDICT_RULE = verdictRule("MNIST MLP 784-256-256-256-10", "LeNet-5");

    /** How the verdict of {@code first} against {@code second} is reached (display names). */
    public static String verdictRule(String first, String second) {
        String a = ExperimentId.shortName(first);
        String b = ExperimentId.shortName(second);
        return "A winner is named only when the 95 % confidence interval of the mean paired difference (" + b
                + " minus " + a + ", seed by seed; Student's t with n - 1 degrees of freedom, n >= 2 seeds) excludes 0."
                + " The crossover of a seed is the first epoch from which " + b + " stays ahead to the end.";
    }

    /** One finished training run of one model and seed, as the comparison sees it. */
    public record ModelRun(String model, long seed, List<EpochResult> epochs, double accuracy, String folder,
            boolean reused, String timeNotComparable) {

        public ModelRun(String model, long seed, List<EpochResult> epochs, double accuracy, String folder,
                boolean reused) {
            this(model, seed, epochs, accuracy, folder, reused, null);
        }

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
     * @param meanDifference LeNet-5 minus MLP after the last epoch, mean over the seeds
     * @param sdDifference its sample standard deviation (0 with one seed)
     * @param ciLow the 95 % interval's lower end of {@code meanDifference}, null with one seed
     * @param ciHigh its upper end, null with one seed
     * @param atEpochs the paired difference at about ten epochs of the budget, the last included
     * @param crossovers per seed, the first epoch from which LeNet-5 stays ahead to the end, or null
     * @param winner the model ahead when the interval excludes 0, else null
     * @param training the loss and optimizer when not the post's (e.g. "categorical_crossentropy, adam(lr=0.001)"),
     *     null for the post's (and in summaries written before there was a choice)
     * @param dataset the data set when not the post's MNIST ("Fashion-MNIST"), null for MNIST
     */
    public record Summary(String date, String command, int epochs, int postEpochs, int batchSize, ModelSummary mlp,
            ModelSummary cnn, List<SeedDifference> differences, double meanDifference, double sdDifference,
            Double ciLow, Double ciHigh, List<PairedDifference> atEpochs, List<Integer> crossovers, String winner,
            String verdict, String verdictRule, String training, String dataset, String timeNote) {

        /** The data set's name, "MNIST" when none is recorded. */
        public String datasetTitle() {
            return dataset == null ? "MNIST" : dataset;
        }
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
        return summarize(mlp, cnn, epochs, postEpochs, batchSize, command, date, null, null);
    }

    /** The same for runs trained with {@code training} (null: the post's) on {@code dataset} (null: MNIST). */
    public static Summary summarize(List<ModelRun> mlp, List<ModelRun> cnn, int epochs, int postEpochs, int batchSize,
            String command, String date, String training, String dataset) {
        if (mlp.size() != cnn.size() || mlp.isEmpty()) {
            throw new IllegalArgumentException("need one run of each model per seed, got " + mlp.size() + " and "
                    + cnn.size());
        }
        List<SeedDifference> differences = new ArrayList<>();
        List<Integer> crossovers = new ArrayList<>();
        for (int i = 0; i < mlp.size(); i++) {
            if (mlp.get(i).seed() != cnn.get(i).seed()) {
                throw new IllegalArgumentException("runs " + i + " have seeds " + mlp.get(i).seed() + " and "
                        + cnn.get(i).seed());
            }
            differences.add(new SeedDifference(mlp.get(i).seed(), mlp.get(i).accuracy(), cnn.get(i).accuracy(),
                    cnn.get(i).accuracy() - mlp.get(i).accuracy()));
            crossovers.add(PairedDifference.crossover(mlp.get(i).epochs(), cnn.get(i).epochs()));
        }
        ModelSummary m = model(mlp);
        ModelSummary c = model(cnn);
        PairedDifference last = PairedDifference.of(epochs, m.accuracies().stream().mapToDouble(x -> x).toArray(),
                c.accuracies().stream().mapToDouble(x -> x).toArray());
        String winner = !last.excludesZero() ? null : last.mean() > 0 ? c.model() : m.model();
        String verdict = Verdicts.verdict(m, c, last, winner, epochs, postEpochs, batchSize, training, dataset) + " "
                + Verdicts.crossover(c.model(), crossovers);
        return new Summary(date, command, epochs, postEpochs, batchSize, m, c, differences, last.mean(), last.sd(),
                last.low(), last.high(), atEpochs(mlp, cnn, epochs), crossovers, winner, verdict,
                verdictRule(m.model(), c.model()),
                training, dataset, timeNote(mlp, cnn));
    }

    /**
     * Whether the runs' seconds compare: "" when every run trained in one sitting, not niced, alone on the machine;
     * else a sentence naming each run that did not and why.
     */
    static String timeNote(List<ModelRun> mlp, List<ModelRun> cnn) {
        List<String> not = new ArrayList<>();
        for (ModelRun run : java.util.stream.Stream.concat(mlp.stream(), cnn.stream()).toList()) {
            if (run.timeNotComparable() != null) {
                not.add(run.model() + " seed " + run.seed() + " (" + run.timeNotComparable() + ")");
            }
        }
        return not.isEmpty() ? "" : "Seconds are wall-clock training and evaluation time (history.csv), which compares"
                + " across runs only for runs trained in one sitting, not niced, alone on the machine; not so for "
                + String.join(", ", not) + ". The CPU seconds of each sitting are in its run's config.json from"
                + " 2026-12-03 on.";
    }

    /** The paired difference at the epochs of {@link PairedDifference#reportedEpochs} that every run reached. */
    static List<PairedDifference> atEpochs(List<ModelRun> mlp, List<ModelRun> cnn, int epochs) {
        List<PairedDifference> at = new ArrayList<>();
        for (int e : PairedDifference.reportedEpochs(epochs)) {
            int epoch = e;
            boolean all = java.util.stream.Stream.concat(mlp.stream(), cnn.stream())
                    .allMatch(r -> r.epochs().size() >= epoch);
            if (all) {
                at.add(PairedDifference.of(epoch, accuracyAt(mlp, epoch), accuracyAt(cnn, epoch)));
            }
        }
        return at;
    }

    private static double[] accuracyAt(List<ModelRun> runs, int epoch) {
        return runs.stream().mapToDouble(r -> r.epochs().get(epoch - 1).testAccuracy()).toArray();
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

    /**
     * The run folder of an entry of {@link ModelSummary#runs}, which says more for a reader: "RUN (first 300 of its
     * 5000 epochs)" for a longer run reused, and " (reused)" for any run reused.
     */
    public static String runFolderOf(String listed) {
        return listed.replaceAll("( \\((first \\d+ of its \\d+ epochs|reused)\\))+$", "");
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

    /** Each model's accuracy over the seeds and its seconds per run. */
    private static void modelTable(StringBuilder md, Summary s) {
        boolean spread = s.mlp().seeds().size() > 1;
        md.append(spread ? "| model | seeds | test accuracy, mean ± sd | per seed | seconds per run |\n|---|---|---|---|---|\n"
                : "| model | seeds | test accuracy | seconds per run |\n|---|---|---|---|\n");
        for (ModelSummary m : List.of(s.mlp(), s.cnn())) {
            md.append(spread ? String.format(Locale.ROOT, "| %s | %d | %.2f %% ± %.2f | %s | %.0f |%n", m.model(),
                    m.seeds().size(), 100 * m.meanAccuracy(), 100 * m.sdAccuracy(),
                    String.join(", ", m.accuracies().stream().map(a -> String.format(Locale.ROOT, "%.2f %%", 100 * a))
                            .toList()), m.meanSeconds())
                    : String.format(Locale.ROOT, "| %s | 1 | %.2f %% | %.0f |%n", m.model(), 100 * m.meanAccuracy(),
                            m.meanSeconds()));
        }
    }

    public static String markdown(Summary s) {
        String a = ExperimentId.shortName(s.mlp().model());
        String b = ExperimentId.shortName(s.cnn().model());
        StringBuilder md = new StringBuilder("# " + a + " against " + b + " on " + s.datasetTitle() + "\n\n");
        md.append("**").append(s.verdict()).append("**\n\n");
        md.append(s.training() == null ? String.format(Locale.ROOT, "Budget: %d of the post's %d epochs, batch %d, the"
                + " post's exact training (SGD 0.05, mean squared error); test accuracy on the 10,000 %s test"
                + " images.%n%n", s.epochs(), s.postEpochs(), s.batchSize(), s.datasetTitle())
                : String.format(Locale.ROOT, "Budget: %d epochs, batch %d; training: %s, not the post's (mean squared"
                + " error, SGD 0.05); test accuracy on the 10,000 %s test images.%n%n", s.epochs(), s.batchSize(),
                s.training(), s.datasetTitle()));
        modelTable(md, s);
        if (s.timeNote() != null && !s.timeNote().isEmpty()) {
            md.append('\n').append(s.timeNote()).append('\n');
        }
        md.append("\n| seed | " + a + " | " + b + " | " + b + " − " + a + " | crossover |\n|---|---|---|---|---|\n");
        for (int i = 0; i < s.differences().size(); i++) {
            SeedDifference d = s.differences().get(i);
            Integer crossover = s.crossovers() == null ? null : s.crossovers().get(i);
            md.append(String.format(Locale.ROOT, "| %d | %.2f %% | %.2f %% | %+.2f points | %s |%n", d.seed(),
                    100 * d.mlp(), 100 * d.cnn(), 100 * d.difference(), crossover == null ? "not reached"
                            : "epoch " + crossover));
        }
        if (s.atEpochs() != null && !s.atEpochs().isEmpty()) {
            md.append("\nThe paired difference (" + b + " − " + a + ", test accuracy) along the budget\n\n"
                    + "| epoch | mean | 95 % interval | at this epoch |\n|---|---|---|---|\n");
            for (PairedDifference p : s.atEpochs()) {
                md.append(String.format(Locale.ROOT, "| %d | %+.2f points | %s | %s |%n", p.epoch(), 100 * p.mean(),
                        p.hasInterval() ? String.format(Locale.ROOT, "[%+.2f, %+.2f]", 100 * p.low(), 100 * p.high())
                                : "none (one seed)", !p.hasInterval() ? "no winner named (one seed)"
                                : !p.excludesZero() ? "no clear difference" : p.mean() > 0 ? s.cnn().model() + " ahead"
                                : s.mlp().model() + " ahead"));
            }
        }
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
