package cnnvsmlp.report.compare;

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

import cnnvsmlp.model.Recipe;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.report.chart.EpochAxis;
import cnnvsmlp.report.chart.Palette;

/**
 * The comparison's charts: mean accuracy with error bars, and accuracy, loss, time and difference curves per seed,
 * each model in its colour ({@link Palette}), training dashed and test solid. The accuracy and the difference come as
 * two panels when the budget is long (100 epochs or more): the whole run on log-scaled epochs, where the early
 * crossovers show, and the second half zoomed on the range the curves are in, where the verdict is read.
 */
public final class CompareCharts {

    /** From this many epochs on, the accuracy and difference charts get a log-scaled panel and a zoomed one. */
    static final int PANELS_FROM = 100;

    /**
     * What the charts' titles say of the comparison besides the models.
     *
     * @param dataset "MNIST" or "Fashion-MNIST"
     * @param recipe "the post's training" or, e.g., "categorical_crossentropy, adam"
     * @param loss Keras' name of the loss, e.g. {@code mean_squared_error}
     */
    public record Labels(String dataset, String recipe, String loss) {

        /** The post's: MNIST, mean squared error, SGD 0.05. */
        public static final Labels POST = new Labels("MNIST", "the post's training", "mean_squared_error");

        /** The labels of the comparison {@code s}. */
        public static Labels of(CompareReport.Summary s) {
            if (s.training() == null) {
                return new Labels(s.datasetTitle(), POST.recipe(), POST.loss());
            }
            return new Labels(s.datasetTitle(), Recipe.brief(s.training()), Recipe.lossOf(s.training()));
        }

        String line() {
            return dataset + ", " + recipe;
        }
    }

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
                .title(String.format(Locale.ROOT, "test accuracy after %s, %s", s.training() == null
                        ? s.epochs() + " of " + s.postEpochs() + " epochs" : s.epochs() + " epochs", seeds(seeds)))
                .xAxisTitle(Labels.of(s).line()).yAxisTitle(String.format(Locale.ROOT, "test accuracy (axis from %.2f)", yMin))
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setMarkerSize(6); // small dots: the sd bar shows past them
        List<String> models = List.of(name(s.mlp().model()), name(s.cnn().model()));
        bar(chart, s.mlp(), models, Arrays.asList(s.mlp().meanAccuracy(), null), seeds);
        bar(chart, s.cnn(), models, Arrays.asList(null, s.cnn().meanAccuracy()), seeds);
        for (int i = 0; i < seeds; i++) {
            CategorySeries dots = chart.addSeries(i == 0 ? "each seed" : "seed " + s.mlp().seeds().get(i), models,
                    List.of(s.mlp().accuracies().get(i), s.cnn().accuracies().get(i)));
            dots.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Palette.GREY);
            dots.setShowInLegend(i == 0);
        }
        return chart;
    }

    private static void bar(CategoryChart chart, CompareReport.ModelSummary m, List<String> models, List<Double> y,
            int seeds) {
        String name = name(m.model()) + (seeds > 1 ? " mean ± sd" : "");
        CategorySeries bar = seeds > 1
                ? chart.addSeries(name, models, y, Arrays.asList(m.sdAccuracy(), m.sdAccuracy()))
                : chart.addSeries(name, models, y); // one seed: no spread to draw
        bar.setFillColor(Palette.ofModel(m.model()));
    }

    /** The difference per epoch, in points: see {@link DifferenceChart}. */
    public static List<XYChart> difference(Labels labels, List<CompareReport.ModelRun> mlp,
            List<CompareReport.ModelRun> cnn) {
        return DifferenceChart.panels(labels, mlp, cnn);
    }

    /** Test accuracy per epoch, the whole run in one panel (see {@link #accuracyPanels}). */
    public static XYChart accuracyCurves(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        return accuracyPanels(Labels.POST, mlp, cnn).get(0);
    }

    /**
     * Test accuracy per epoch: each model's seeds, their mean and a ± sd band; for a long budget a second panel,
     * the second half zoomed on the range the curves are in.
     */
    public static List<XYChart> accuracyPanels(Labels labels, List<CompareReport.ModelRun> mlp,
            List<CompareReport.ModelRun> cnn) {
        int last = lastEpoch(mlp, cnn);
        List<XYChart> charts = new java.util.ArrayList<>();
        for (Panel panel : Panel.of(last)) {
            XYChart chart = lines(panel.title("test accuracy" + spread(mlp), labels), "epoch" + panel.axisNote(),
                    "test accuracy");
            List<double[]> drawn = new java.util.ArrayList<>();
            for (List<CompareReport.ModelRun> runs : List.of(mlp, cnn)) {
                List<double[]> ys = runs.stream().map(r -> panel.slice(values(r, EpochResult::testAccuracy))).toList();
                drawn.addAll(ys);
                SeedSpread.add(chart, model(runs), seeds(runs), runs.stream().map(r -> panel.slice(epochAxis(r)))
                        .toList(), ys, colour(runs), false);
            }
            double[] y = panel.zoomed() ? Panel.range(drawn, drawn.get(0)[drawn.get(0).length - 1])
                    : new double[] {accuracyAxisMin(mlp, cnn), 1.0};
            panel.axes(chart, last, new double[] {Math.max(0, y[0]), Math.min(1.0, y[1])});
            charts.add(chart);
        }
        return charts;
    }

    /** Training loss (dashed) and test loss (solid) per epoch: each model's mean over the seeds. */
    public static XYChart lossCurves(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        return lossCurves(Labels.POST, mlp, cnn);
    }

    /** As {@link #lossCurves(List, List)}, named by the comparison's loss and data set. */
    public static XYChart lossCurves(Labels labels, List<CompareReport.ModelRun> mlp,
            List<CompareReport.ModelRun> cnn) {
        XYChart chart = lines(labels.loss().replace('_', ' ') + ", training dashed, test solid" + spread(mlp) + " ("
                + labels.dataset() + ")", "epoch", "loss (" + labels.loss() + ")");
        for (List<CompareReport.ModelRun> runs : List.of(mlp, cnn)) {
            List<double[]> x = runs.stream().map(CompareCharts::epochAxis).toList();
            SeedSpread.add(chart, model(runs) + " training", seeds(runs), x,
                    runs.stream().map(r -> values(r, EpochResult::trainLoss)).toList(), colour(runs), true);
            SeedSpread.add(chart, model(runs) + " test", seeds(runs), x,
                    runs.stream().map(r -> values(r, EpochResult::testLoss)).toList(), colour(runs), false);
        }
        EpochAxis.endAt(chart, lastEpoch(mlp, cnn));
        return chart;
    }

    static String shortName(List<CompareReport.ModelRun> runs) {
        return cnnvsmlp.model.ExperimentId.shortName(runs.get(0).model());
    }

    /** Test accuracy against wall-clock seconds of training and evaluation (time to accuracy). */
    public static XYChart timeToAccuracy(List<CompareReport.ModelRun> mlp, List<CompareReport.ModelRun> cnn) {
        return timeToAccuracy(Labels.POST, mlp, cnn);
    }

    /** As {@link #timeToAccuracy(List, List)}, naming the data set and recipe. */
    public static XYChart timeToAccuracy(Labels labels, List<CompareReport.ModelRun> mlp,
            List<CompareReport.ModelRun> cnn) {
        boolean comparable = java.util.stream.Stream.concat(mlp.stream(), cnn.stream())
                .allMatch(r -> r.timeNotComparable() == null);
        XYChart chart = lines("test accuracy against seconds of training and evaluation" + spread(mlp),
                (comparable ? "seconds" : "seconds: NOT comparable across these runs (summary.md says why)") + "; "
                        + labels.line(), "test accuracy");
        chart.getStyler().setYAxisMin(accuracyAxisMin(mlp, cnn)).setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0");
        for (List<CompareReport.ModelRun> runs : List.of(mlp, cnn)) {
            SeedSpread.add(chart, model(runs), seeds(runs), runs.stream().map(CompareCharts::elapsed).toList(),
                    runs.stream().map(r -> values(r, EpochResult::testAccuracy)).toList(), colour(runs), false);
        }
        return chart;
    }

    /** ": seed 42" for one seed, ": mean of 3 seeds, ± sd band, each seed thin" for several. */
    private static String spread(List<CompareReport.ModelRun> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        return runs.size() == 1 ? ", seed " + runs.get(0).seed()
                : ", mean and ± sd of " + runs.size() + " seeds";
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
        return runs.isEmpty() ? "" : name(runs.get(0).model());
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

    private static Color colour(List<CompareReport.ModelRun> runs) {
        return runs.isEmpty() ? Palette.GREY : Palette.ofModel(runs.get(0).model());
    }

    /** What a chart calls a model: its short name ("MLP", "LeNet-5"), so that no data set is implied. */
    private static String name(String model) {
        return cnnvsmlp.model.ExperimentId.shortName(model);
    }

    static XYChart lines(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(900).height(660).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // below the plot: it hides no data
        chart.getStyler().setYAxisDecimalPattern("0.0#");
        return chart;
    }

    static void add(XYChart chart, String name, double[] x, double[] y, Color colour, boolean dashed) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(x.length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE).setMarkerColor(colour)
                .setLineColor(colour);
        series.setLineStyle(dashed ? Palette.dashed(1.5f) : Palette.solid(2f));
    }

    static double[] epochAxis(CompareReport.ModelRun run) {
        return run.epochs().stream().mapToDouble(EpochResult::epoch).toArray();
    }

    static double[] values(CompareReport.ModelRun run, ToDoubleFunction<EpochResult> f) {
        return run.epochs().stream().mapToDouble(f).toArray();
    }
}
