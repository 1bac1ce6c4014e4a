package cnnvsmlp.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import cnnvsmlp.run.EpochResult;

/** The comparison's charts: mean accuracy with error bars, and accuracy, loss and time curves per seed. */
public final class CompareCharts {

    static final Color MLP_COLOUR = new Color(40, 90, 200);
    static final Color CNN_COLOUR = new Color(200, 50, 40);

    private CompareCharts() {
    }

    /** Mean test accuracy of each model with its standard deviation as an error bar. */
    public static CategoryChart bars(CompareReport.Summary s) {
        CategoryChart chart = new CategoryChartBuilder().width(600).height(500)
                .title(String.format(Locale.ROOT, "test accuracy after %d of %d epochs, %d seed(s)", s.epochs(),
                        s.postEpochs(), s.mlp().seeds().size()))
                .xAxisTitle("model").yAxisTitle("test accuracy (mean ± sd)").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setSeriesColors(new Color[] {MLP_COLOUR});
        if (s.mlp().seeds().size() > 1) {
            chart.addSeries("test accuracy", List.of(s.mlp().model(), s.cnn().model()),
                    List.of(s.mlp().meanAccuracy(), s.cnn().meanAccuracy()),
                    List.of(s.mlp().sdAccuracy(), s.cnn().sdAccuracy()));
        } else { // one seed: no spread to draw
            chart.addSeries("test accuracy", List.of(s.mlp().model(), s.cnn().model()),
                    List.of(s.mlp().meanAccuracy(), s.cnn().meanAccuracy()));
        }
        return chart;
    }

    /**
     * LeNet-5's test accuracy minus the MLP's per epoch: the mean over the seeds with its 95 % interval (dashed;
     * none with one seed), each seed as a thin line, and the zero line: above it LeNet-5 is ahead.
     */
    public static XYChart difference(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        int epochs = mlp.stream().mapToInt(r -> r.epochs().size()).min().orElse(0);
        epochs = Math.min(epochs, cnn.stream().mapToInt(r -> r.epochs().size()).min().orElse(0));
        XYChart chart = lines(String.format(Locale.ROOT, "LeNet-5 minus MLP, test accuracy, %d seed(s): mean and 95 %%"
                + " interval", mlp.size()), "epoch", "difference in test accuracy");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        double[] x = new double[epochs];
        double[] mean = new double[epochs];
        double[] low = new double[epochs];
        double[] high = new double[epochs];
        for (int e = 1; e <= epochs; e++) {
            int epoch = e;
            PairedDifference d = PairedDifference.of(e, mlp.stream().mapToDouble(r -> r.epochs().get(epoch - 1)
                    .testAccuracy()).toArray(), cnn.stream().mapToDouble(r -> r.epochs().get(epoch - 1).testAccuracy())
                    .toArray());
            x[e - 1] = e;
            mean[e - 1] = d.mean();
            low[e - 1] = d.hasInterval() ? d.low() : d.mean();
            high[e - 1] = d.hasInterval() ? d.high() : d.mean();
        }
        if (epochs == 0) {
            return chart;
        }
        chart.addSeries("zero: no difference", new double[] {1, epochs}, new double[] {0, 0})
                .setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
        if (mlp.size() > 1) {
            for (int i = 0; i < mlp.size(); i++) {
                double[] seed = new double[epochs];
                for (int e = 0; e < epochs; e++) {
                    seed[e] = cnn.get(i).epochs().get(e).testAccuracy() - mlp.get(i).epochs().get(e).testAccuracy();
                }
                XYSeries s = chart.addSeries(i == 0 ? "each seed" : "seed " + mlp.get(i).seed(), x, seed);
                s.setMarker(SeriesMarkers.NONE).setLineColor(new Color(170, 170, 170)).setLineWidth(0.8f);
                s.setShowInLegend(i == 0);
            }
            add(chart, "95 % interval of the mean", x, low, CNN_COLOUR, true);
            add(chart, "95 % interval, upper end", x, high, CNN_COLOUR, true);
            chart.getSeries("95 % interval, upper end").setShowInLegend(false);
        }
        add(chart, "mean difference", x, mean, Color.BLACK, false);
        return chart;
    }

    /** Test accuracy per epoch, one line per model and seed. */
    public static XYChart accuracyCurves(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        XYChart chart = lines("test accuracy per epoch, every seed", "epoch", "test accuracy");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE); // one entry per seed: beside the plot
        for (List<CompareReport.ModelRun> runs : List.of(mlp, cnn)) {
            for (CompareReport.ModelRun r : runs) {
                add(chart, r.model() + " seed " + r.seed(), epochAxis(r), values(r, EpochResult::testAccuracy),
                        colour(runs == mlp), false);
            }
        }
        return chart;
    }

    /** Training loss (dashed) and test loss (solid) per epoch, one pair per model and seed. */
    public static XYChart lossCurves(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        XYChart chart = lines("mean squared error per epoch: training dashed, test solid", "epoch", "loss");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (List<CompareReport.ModelRun> runs : List.of(mlp, cnn)) {
            for (CompareReport.ModelRun r : runs) {
                add(chart, r.model() + " seed " + r.seed() + " training", epochAxis(r), values(r, EpochResult::trainLoss),
                        colour(runs == mlp), true);
                add(chart, r.model() + " seed " + r.seed() + " test", epochAxis(r), values(r, EpochResult::testLoss),
                        colour(runs == mlp), false);
            }
        }
        return chart;
    }

    /** Test accuracy against wall-clock seconds of training and evaluation (time to accuracy). */
    public static XYChart timeToAccuracy(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        XYChart chart = lines("test accuracy against wall-clock time (training + evaluation)", "seconds",
                "test accuracy");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (List<CompareReport.ModelRun> runs : List.of(mlp, cnn)) {
            for (CompareReport.ModelRun r : runs) {
                add(chart, r.model() + " seed " + r.seed(), elapsed(r), values(r, EpochResult::testAccuracy),
                        colour(runs == mlp), false);
            }
        }
        return chart;
    }

    /** Seconds since the start of training at the end of each epoch (its evaluation included). */
    static double[] elapsed(CompareReport.ModelRun run) {
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
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisDecimalPattern("0.0#");
        chart.getStyler().setXAxisDecimalPattern("0"); // epochs as 1181, not 1,181: shorter labels that do not collide
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

    static double[] epochAxis(CompareReport.ModelRun run) {
        return run.epochs().stream().mapToDouble(EpochResult::epoch).toArray();
    }

    static double[] values(CompareReport.ModelRun run, ToDoubleFunction<EpochResult> f) {
        return run.epochs().stream().mapToDouble(f).toArray();
    }
}
