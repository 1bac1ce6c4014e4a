package cnnvsmlp.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import cnnvsmlp.data.Mnist;

/**
 * MNIST images as the post shows them ({@code plt.imshow(X_train[0])}): each pixel a grey square, 0 white,
 * 255 black. {@link #firstImage} is the first training image with its label; {@link #firstOfEachClass} the
 * first image of each digit 0..9 side by side.
 */
public final class DigitPictures {

    /** Grey levels drawn: pixels are grouped into this many shades. */
    static final int SHADES = 16;
    static final int GAP = 4;

    private DigitPictures() {
    }

    public static XYChart firstImage(Mnist.Split split) {
        XYChart chart = base("MNIST " + split.name() + " image 0, label " + split.label(0), 560, 600, 19);
        draw(chart, split, List.of(0), 1);
        return chart;
    }

    /** The index of the first image of each digit, in digit order. */
    public static List<Integer> firstOfEachClassIndices(Mnist.Split split) {
        List<Integer> indices = new ArrayList<>();
        for (int digit = 0; digit < Mnist.CLASSES; digit++) {
            for (int i = 0; i < split.count(); i++) {
                if (split.label(i) == digit) {
                    indices.add(i);
                    break;
                }
            }
        }
        return indices;
    }

    public static XYChart firstOfEachClass(Mnist.Split split) {
        List<Integer> indices = firstOfEachClassIndices(split);
        XYChart chart = base("MNIST " + split.name() + ": the first image of each digit 0-9 (index " + indices + ")",
                1000, 440, 6);
        draw(chart, split, indices, 5);
        return chart;
    }

    /**
     * Images {@code indices} of {@code split}, {@code perRow} to a row, each with its caption above it (the
     * misclassified digits: "true 4, predicted 9").
     */
    public static XYChart grid(Mnist.Split split, List<Integer> indices, List<String> captions, int perRow,
            String title) {
        int rows = Math.max(1, (indices.size() + perRow - 1) / perRow);
        XYChart chart = base(title, 110 * perRow + 40, 125 * rows + 90, 3);
        draw(chart, split, indices, perRow);
        for (int k = 0; k < indices.size(); k++) {
            chart.addAnnotation(new AnnotationText(captions.get(k), (k % perRow) * (Mnist.COLUMNS + GAP)
                    + Mnist.COLUMNS / 2.0, Mnist.ROWS + 1.5 - (k / perRow) * (Mnist.ROWS + GAP), false));
        }
        chart.getStyler().setAnnotationTextFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        return chart;
    }

    /** Pixel (row, column) of the {@code k}-th image drawn at x = k (28 + GAP) + column, y = 27 - row. */
    private static void draw(XYChart chart, Mnist.Split split, List<Integer> images, int perRow) {
        List<List<double[]>> byShade = new ArrayList<>();
        for (int s = 0; s < SHADES; s++) {
            byShade.add(new ArrayList<>());
        }
        for (int k = 0; k < images.size(); k++) {
            for (int row = 0; row < Mnist.ROWS; row++) {
                for (int column = 0; column < Mnist.COLUMNS; column++) {
                    int grey = split.pixel(images.get(k), row, column);
                    byShade.get(shade(grey)).add(new double[] {(k % perRow) * (Mnist.COLUMNS + GAP) + column,
                            Mnist.ROWS - 1 - row - (k / perRow) * (Mnist.ROWS + GAP)});
                }
            }
        }
        for (int s = 0; s < SHADES; s++) {
            List<double[]> points = byShade.get(s);
            if (!points.isEmpty()) {
                XYSeries series = chart.addSeries("shade " + s, points.stream().mapToDouble(p -> p[0]).toArray(),
                        points.stream().mapToDouble(p -> p[1]).toArray());
                series.setMarker(SeriesMarkers.SQUARE).setMarkerColor(colour(s));
                series.setShowInLegend(false);
            }
        }
    }

    /** The shade of grey level {@code grey} (0..255). */
    static int shade(int grey) {
        return Math.min(SHADES - 1, grey * SHADES / 256);
    }

    static Color colour(int shade) {
        int level = 255 - shade * 255 / (SHADES - 1);
        return new Color(level, level, level);
    }

    private static XYChart base(String title, int width, int height, int markerSize) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(markerSize);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        return chart;
    }
}
