package cnnvsmlp.report;

import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;

/** A run's accuracy and loss per epoch, as the charts {@code accuracy.png} and {@code loss.png}. */
public final class LearningCurves {

    private LearningCurves() {
    }

    public static XYChart accuracy(History history, String model, String evaluatedOn) {
        XYChart chart = chart(model + ": accuracy per epoch", "accuracy");
        line(chart, "training (Keras: mean over the epoch's batches)", epochs(history),
                values(history.epochs(), EpochResult::trainAccuracy));
        line(chart, "evaluation: " + evaluatedOn, epochs(history), values(history.epochs(), EpochResult::testAccuracy));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }

    public static XYChart loss(History history, String model, String evaluatedOn) {
        XYChart chart = chart(model + ": mean squared error per epoch", "loss");
        line(chart, "training", epochs(history), values(history.epochs(), EpochResult::trainLoss));
        line(chart, "evaluation: " + evaluatedOn, epochs(history), values(history.epochs(), EpochResult::testLoss));
        chart.getStyler().setYAxisLogarithmic(true); // thousands of flat epochs read on a log scale
        chart.getStyler().setYAxisDecimalPattern("0.####");
        return chart;
    }

    private static XYChart chart(String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("epoch")
                .yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // below the plot: it hides no data
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisDecimalPattern("0.0#"); // 0.25, not .25
        chart.getStyler().setXAxisDecimalPattern("0"); // epochs as 1181, not 1,181: shorter labels that do not collide
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y) {
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
    }

    static double[] epochs(History history) {
        return history.epochs().stream().mapToDouble(EpochResult::epoch).toArray();
    }

    static double[] values(List<EpochResult> epochs, java.util.function.ToDoubleFunction<EpochResult> f) {
        return epochs.stream().mapToDouble(f).toArray();
    }
}
