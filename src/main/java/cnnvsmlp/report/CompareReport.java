package cnnvsmlp.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import cnnvsmlp.run.EpochResult;

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

    static final Color MLP_COLOUR = new Color(40, 90, 200);
    static final Color CNN_COLOUR = new Color(200, 50, 40);
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

    /** Mean test accuracy of each model with its standard deviation as an error bar. */
    public static CategoryChart bars(Summary s) {
        CategoryChart chart = new CategoryChartBuilder().width(600).height(500)
                .title(String.format(Locale.ROOT, "test accuracy after %d of %d epochs, %d seed(s)", s.epochs(),
                        s.postEpochs(), s.mlp().seeds().size()))
                .xAxisTitle("model").yAxisTitle("test accuracy (mean ± sd)").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setSeriesColors(new Color[] {MLP_COLOUR});
        chart.addSeries("test accuracy", List.of(s.mlp().model(), s.cnn().model()),
                List.of(s.mlp().meanAccuracy(), s.cnn().meanAccuracy()),
                List.of(s.mlp().sdAccuracy(), s.cnn().sdAccuracy()));
        return chart;
    }

    /** Test accuracy per epoch, one line per model and seed. */
    public static XYChart accuracyCurves(List<ModelRun> mlp, List<ModelRun> cnn) {
        XYChart chart = lines("test accuracy per epoch, every seed", "epoch", "test accuracy");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW); // the curves rise to the right
        for (List<ModelRun> runs : List.of(mlp, cnn)) {
            for (ModelRun r : runs) {
                add(chart, r.model() + " seed " + r.seed(), epochAxis(r), values(r, EpochResult::testAccuracy),
                        colour(runs == mlp), false);
            }
        }
        return chart;
    }

    /** Training loss (dashed) and test loss (solid) per epoch, one pair per model and seed. */
    public static XYChart lossCurves(List<ModelRun> mlp, List<ModelRun> cnn) {
        XYChart chart = lines("mean squared error per epoch: training dashed, test solid", "epoch", "loss");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (List<ModelRun> runs : List.of(mlp, cnn)) {
            for (ModelRun r : runs) {
                add(chart, r.model() + " seed " + r.seed() + " training", epochAxis(r), values(r, EpochResult::trainLoss),
                        colour(runs == mlp), true);
                add(chart, r.model() + " seed " + r.seed() + " test", epochAxis(r), values(r, EpochResult::testLoss),
                        colour(runs == mlp), false);
            }
        }
        return chart;
    }

    /** Test accuracy against wall-clock seconds of training and evaluation (time to accuracy). */
    public static XYChart timeToAccuracy(List<ModelRun> mlp, List<ModelRun> cnn) {
        XYChart chart = lines("test accuracy against wall-clock time (training + evaluation)", "seconds",
                "test accuracy");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        for (List<ModelRun> runs : List.of(mlp, cnn)) {
            for (ModelRun r : runs) {
                add(chart, r.model() + " seed " + r.seed(), elapsed(r), values(r, EpochResult::testAccuracy),
                        colour(runs == mlp), false);
            }
        }
        return chart;
    }

    /** Seconds since the start of training at the end of each epoch (its evaluation included). */
    static double[] elapsed(ModelRun run) {
        double[] t = new double[run.epochs().size()];
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            sum += run.epochs().get(i).trainSeconds() + run.epochs().get(i).evalSeconds();
            t[i] = sum;
        }
        return t;
    }

    private static Color colour(boolean mlp) {
        return mlp ? MLP_COLOUR : CNN_COLOUR;
    }

    private static XYChart lines(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, Color colour, boolean dashed) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(x.length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE).setMarkerColor(colour)
                .setLineColor(colour);
        if (dashed) {
            series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {6f, 4f}, 0f));
        }
    }

    static double[] epochAxis(ModelRun run) {
        return run.epochs().stream().mapToDouble(EpochResult::epoch).toArray();
    }

    static double[] values(ModelRun run, ToDoubleFunction<EpochResult> f) {
        return run.epochs().stream().mapToDouble(f).toArray();
    }
}
