package cnnvsmlp.report.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import cnnvsmlp.run.EpochResult;
import cnnvsmlp.report.chart.EpochAxis;

/** The comparison's charts: mean accuracy with error bars, and accuracy, loss and time curves per seed. */
public final class CompareCharts {

    static final Color MLP_COLOUR = new Color(40, 90, 200);
    static final Color CNN_COLOUR = new Color(200, 50, 40);

    private CompareCharts() {
    }

    /**
     * Mean test accuracy of each model as a bar in its colour, each seed's accuracy as a dot, the standard deviation
     * as an error bar (with two seeds or more); the y axis starts below the lowest seed, so the difference shows.
     */
    public static CategoryChart bars(CompareReport.Summary s) {
        int seeds = s.mlp().seeds().size();
        List<Double> all = new java.util.ArrayList<>(s.mlp().accuracies());
        all.addAll(s.cnn().accuracies());
        double low = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double spread = all.stream().mapToDouble(Double::doubleValue).max().orElse(1) - low;
        double yMin = Math.max(0, Math.floor((low - Math.max(0.02, spread)) * 50) / 50); // a multiple of 0.02
        CategoryChart chart = new CategoryChartBuilder().width(640).height(500)
                .title(String.format(Locale.ROOT, "test accuracy after %d of %d epochs, %s", s.epochs(),
                        s.postEpochs(), seeds(seeds)))
                .xAxisTitle("model").yAxisTitle(String.format(Locale.ROOT, "test accuracy (axis from %.2f)", yMin))
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        List<String> models = List.of(s.mlp().model(), s.cnn().model());
        bar(chart, s.mlp(), models, Arrays.asList(s.mlp().meanAccuracy(), null), MLP_COLOUR, seeds);
        bar(chart, s.cnn(), models, Arrays.asList(null, s.cnn().meanAccuracy()), CNN_COLOUR, seeds);
        for (int i = 0; i < seeds; i++) {
            CategorySeries dots = chart.addSeries(i == 0 ? "each seed" : "seed " + s.mlp().seeds().get(i), models,
                    List.of(s.mlp().accuracies().get(i), s.cnn().accuracies().get(i)));
            dots.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Color.BLACK);
            dots.setShowInLegend(i == 0);
        }
        return chart;
    }

    private static void bar(CategoryChart chart, CompareReport.ModelSummary m, List<String> models, List<Double> y,
            Color colour, int seeds) {
        String name = m.model() + (seeds > 1 ? " mean ± sd" : "");
        CategorySeries bar = seeds > 1
                ? chart.addSeries(name, models, y, Arrays.asList(m.sdAccuracy(), m.sdAccuracy()))
                : chart.addSeries(name, models, y); // one seed: no spread to draw
        bar.setFillColor(colour);
    }

    /**
     * LeNet-5's test accuracy minus the MLP's per epoch: the mean over the seeds with its 95 % interval (dashed;
     * none with one seed), each seed as a thin line, and the zero line: above it LeNet-5 is ahead.
     */
    public static XYChart difference(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        int epochs = mlp.stream().mapToInt(r -> r.epochs().size()).min().orElse(0);
        epochs = Math.min(epochs, cnn.stream().mapToInt(r -> r.epochs().size()).min().orElse(0));
        XYChart chart = lines(String.format(Locale.ROOT, "%s minus %s, test accuracy, %s", shortName(cnn),
                shortName(mlp), mlp.size() > 1
                ? mlp.size() + " seeds: mean and 95 % interval" : "1 seed"), "epoch", "difference in test accuracy");
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
        EpochAxis.endAt(chart, epochs);
        return chart;
    }

    /** Test accuracy per epoch: each model's seeds, their mean and a ± sd band. */
    public static XYChart accuracyCurves(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        XYChart chart = lines("test accuracy per epoch" + spread(mlp), "epoch", "test accuracy");
        chart.getStyler().setYAxisMin(accuracyAxisMin(mlp, cnn)).setYAxisMax(1.0);
        for (List<CompareReport.ModelRun> runs : List.of(mlp, cnn)) {
            SeedSpread.add(chart, model(runs), seeds(runs), runs.stream().map(CompareCharts::epochAxis).toList(),
                    runs.stream().map(r -> values(r, EpochResult::testAccuracy)).toList(), colour(runs == mlp), false);
        }
        EpochAxis.endAt(chart, lastEpoch(mlp, cnn));
        return chart;
    }

    /** Training loss (dashed) and test loss (solid) per epoch: each model's mean over the seeds. */
    public static XYChart lossCurves(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        XYChart chart = lines("mean squared error per epoch, training dashed, test solid" + spread(mlp), "epoch",
                "loss");
        for (List<CompareReport.ModelRun> runs : List.of(mlp, cnn)) {
            List<double[]> x = runs.stream().map(CompareCharts::epochAxis).toList();
            SeedSpread.add(chart, model(runs) + " training", seeds(runs), x,
                    runs.stream().map(r -> values(r, EpochResult::trainLoss)).toList(), colour(runs == mlp), true);
            SeedSpread.add(chart, model(runs) + " test", seeds(runs), x,
                    runs.stream().map(r -> values(r, EpochResult::testLoss)).toList(), colour(runs == mlp), false);
        }
        EpochAxis.endAt(chart, lastEpoch(mlp, cnn));
        return chart;
    }

    private static String shortName(List<CompareReport.ModelRun> runs) {
        return cnnvsmlp.model.ExperimentId.shortName(runs.get(0).model());
    }

    /** Test accuracy against wall-clock seconds of training and evaluation (time to accuracy). */
    public static XYChart timeToAccuracy(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        boolean comparable = java.util.stream.Stream.concat(mlp.stream(), cnn.stream())
                .allMatch(r -> r.timeNotComparable() == null);
        XYChart chart = lines("test accuracy against wall-clock seconds (training + evaluation)" + spread(mlp),
                comparable ? "seconds" : "seconds: NOT comparable across these runs (sittings, nice or other load;"
                        + " summary.md says which)", "test accuracy");
        chart.getStyler().setYAxisMin(accuracyAxisMin(mlp, cnn)).setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0");
        for (List<CompareReport.ModelRun> runs : List.of(mlp, cnn)) {
            SeedSpread.add(chart, model(runs), seeds(runs), runs.stream().map(CompareCharts::elapsed).toList(),
                    runs.stream().map(r -> values(r, EpochResult::testAccuracy)).toList(), colour(runs == mlp), false);
        }
        return chart;
    }

    /** ": seed 42" for one seed, ": mean of 3 seeds, ± sd band, each seed thin" for several. */
    private static String spread(List<CompareReport.ModelRun> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        return runs.size() == 1 ? ": seed " + runs.get(0).seed()
                : ": mean of " + runs.size() + " seeds, ± sd band, each seed thin";
    }

    private static String seeds(int n) {
        return n == 1 ? "1 seed" : n + " seeds";
    }

    /** {@link SeedSpread#accuracyAxisMin} of every test accuracy of both models. */
    static double accuracyAxisMin(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        return SeedSpread.accuracyAxisMin(java.util.stream.Stream.concat(mlp.stream(), cnn.stream())
                .flatMap(r -> r.epochs().stream()).mapToDouble(EpochResult::testAccuracy).min().orElse(0));
    }

    private static List<Long> seeds(List<CompareReport.ModelRun> runs) {
        return runs.stream().map(CompareReport.ModelRun::seed).toList();
    }

    private static String model(List<CompareReport.ModelRun> runs) {
        return runs.isEmpty() ? "" : runs.get(0).model();
    }

    private static int lastEpoch(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        return java.util.stream.Stream.concat(mlp.stream(), cnn.stream())
                .mapToInt(r -> r.epochs().isEmpty() ? 0 : r.epochs().get(r.epochs().size() - 1).epoch()).max()
                .orElse(0);
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
        XYChart chart = new XYChartBuilder().width(900).height(660).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // below the plot: it hides no data
        chart.getStyler().setYAxisDecimalPattern("0.0#");
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
