package cnnvsmlp.report.chart;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;

/**
 * A run's accuracy and loss per epoch, as the charts {@code accuracy.png} and {@code loss.png}: in the model's colour
 * ({@link Palette}), training dashed, evaluation solid.
 */
public final class LearningCurves {

    public static final String ACCURACY_PNG = "accuracy.png";
    public static final String LOSS_PNG = "loss.png";

    private LearningCurves() {
    }

    /**
     * Draws {@link #accuracy} and {@link #loss} of a run into {@code folder} as {@code accuracy.png} and
     * {@code loss.png}: what a run draws as it ends or stops, and {@code index --redraw} again.
     *
     * @param dataset the data set's title when it is not the post's MNIST ("Fashion-MNIST"), else null
     */
    public static void draw(Path folder, History history, String model, String dataset, String evaluatedOn,
            String lossName) {
        PngFiles.savePng(accuracy(history, model, dataset, evaluatedOn), folder.resolve(ACCURACY_PNG));
        PngFiles.savePng(loss(history, model, dataset, evaluatedOn, lossName), folder.resolve(LOSS_PNG));
    }

    /** {@code dataset}: as in {@link #draw}. */
    public static XYChart accuracy(History history, String model, String dataset, String evaluatedOn) {
        XYChart chart = chart(subject(model, dataset) + ": accuracy per epoch", "accuracy");
        line(chart, "training (Keras: mean over the epoch's batches)", epochs(history),
                values(history.epochs(), EpochResult::trainAccuracy), model, true);
        line(chart, "evaluation: " + evaluatedOn, epochs(history), values(history.epochs(), EpochResult::testAccuracy),
                model, false);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        EpochAxis.endAt(chart, lastEpoch(history));
        return chart;
    }

    /**
     * The losses per epoch, named by Keras' name of the loss ({@code lossName}, e.g. {@code mean_squared_error}); on a
     * log scale when they span two decades or more, where it has labelled ticks.
     */
    public static XYChart loss(History history, String model, String dataset, String evaluatedOn,
            String lossName) {
        XYChart chart = chart(subject(model, dataset) + ": " + lossName.replace('_', ' ') + " per epoch",
                "loss (" + lossName + ")");
        line(chart, "training", epochs(history), values(history.epochs(), EpochResult::trainLoss), model, true);
        line(chart, "evaluation: " + evaluatedOn, epochs(history), values(history.epochs(), EpochResult::testLoss),
                model, false);
        double[] all = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(values(history.epochs(),
                EpochResult::trainLoss)), java.util.Arrays.stream(values(history.epochs(), EpochResult::testLoss)))
                .filter(v -> v > 0).toArray();
        double min = java.util.Arrays.stream(all).min().orElse(1);
        double max = java.util.Arrays.stream(all).max().orElse(1);
        if (max / min >= 100) { // a loss that falls by two decades or more (the beans' 5000 epochs) reads on a log
            chart.getStyler().setYAxisLogarithmic(true); // scale; a narrower one would get one labelled tick on it
            chart.getStyler().setYAxisDecimalPattern("0.####");
        }
        EpochAxis.endAt(chart, lastEpoch(history));
        return chart;
    }

    /**
     * What the title calls the model: its name, and for a run on another data set than the post's MNIST, e.g. "MLP
     * 784-256-256-256-10 on Fashion-MNIST" (the registry's name says MNIST, the data set of the post).
     */
    static String subject(String model, String dataset) {
        return dataset == null || dataset.equals("MNIST") ? model
                : model.replaceFirst("^MNIST ", "") + " on " + dataset;
    }

    private static XYChart chart(String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("epoch")
                .yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // below the plot: it hides no data
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisDecimalPattern("0.0#"); // 0.25, not .25
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, String model, boolean training) {
        XYSeries series = chart.addSeries(name, x, y);
        Color colour = Palette.ofModel(model); // training lighter, so that the evaluation shows where they overlap
        series.setMarker(SeriesMarkers.NONE).setLineColor(training ? Palette.translucent(colour, 130) : colour)
                .setLineWidth(training ? 1.6f : 2f);
        series.setLineStyle(training ? Palette.dashed(1.6f) : Palette.solid(2f));
    }

    private static int lastEpoch(History history) {
        return history.epochs().isEmpty() ? 0 : history.epochs().get(history.epochs().size() - 1).epoch();
    }

    static double[] epochs(History history) {
        return history.epochs().stream().mapToDouble(EpochResult::epoch).toArray();
    }

    static double[] values(List<EpochResult> epochs, java.util.function.ToDoubleFunction<EpochResult> f) {
        return epochs.stream().mapToDouble(f).toArray();
    }
}
