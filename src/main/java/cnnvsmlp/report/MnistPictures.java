package cnnvsmlp.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;

import cnnvsmlp.data.Mnist;

/**
 * What a trained MNIST model gets wrong: its confusion matrix as a heat map, and the first misclassified test
 * digits with their true and predicted labels.
 */
public final class MnistPictures {

    /** Misclassified digits drawn at most. */
    public static final int MISCLASSIFIED_SHOWN = 40;
    static final int PER_ROW = 10;

    private MnistPictures() {
    }

    /**
     * The confusion matrix {@code matrix[actual][predicted]} as a heat map: predicted digit across, true digit
     * up, each cell showing its count; the colour scale is logarithmic-looking by capping at the largest
     * off-diagonal count, so the mistakes stand out next to the diagonal.
     */
    public static HeatMapChart confusion(int[][] matrix, String title) {
        int k = matrix.length;
        List<Integer> axis = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            axis.add(c);
        }
        List<Number[]> cells = new ArrayList<>();
        int largestMistake = 1;
        for (int actual = 0; actual < k; actual++) {
            for (int predicted = 0; predicted < k; predicted++) {
                cells.add(new Number[] {predicted, actual, matrix[actual][predicted]});
                if (actual != predicted) {
                    largestMistake = Math.max(largestMistake, matrix[actual][predicted]);
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(760).height(700).title(title)
                .xAxisTitle("predicted digit").yAxisTitle("true digit").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(largestMistake);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(255, 200, 150), new Color(200, 40, 30)});
        chart.getStyler().setPlotContentSize(1.0);
        chart.addSeries("count (colour capped at the largest mistake, " + largestMistake + ")", axis, axis, cells);
        return chart;
    }

    /** Indices of the test images whose prediction differs from the label, in order. */
    public static List<Integer> misclassified(Mnist.Split split, int[] predicted) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < split.count(); i++) {
            if (predicted[i] != split.label(i)) {
                wrong.add(i);
            }
        }
        return wrong;
    }

    /** The first {@link #MISCLASSIFIED_SHOWN} misclassified images, each captioned "true t -> predicted p". */
    public static XYChart misclassifiedGrid(Mnist.Split split, int[] predicted, String model) {
        List<Integer> wrong = misclassified(split, predicted);
        List<Integer> shown = wrong.subList(0, Math.min(MISCLASSIFIED_SHOWN, wrong.size()));
        List<String> captions = captions(split, predicted, shown);
        return DigitPictures.grid(split, shown, captions, PER_ROW, String.format(java.util.Locale.ROOT,
                "%s: the first %d of %,d misclassified %s images (true label -> predicted)", model,
                shown.size(), wrong.size(), split.name()));
    }

    /** "true 9 -> 4" for each of {@code shown}. */
    static List<String> captions(Mnist.Split split, int[] predicted, List<Integer> shown) {
        return shown.stream().map(i -> "true " + split.label(i) + " -> " + predicted[i]).toList();
    }
}
