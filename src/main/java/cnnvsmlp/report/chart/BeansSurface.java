package cnnvsmlp.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.data.BeansData;

/**
 * The post's {@code show_scatter_surface} in 2-D: the model's probability of label 1 over the post's grid (step 0.1
 * from the minimum to the maximum of each input) widened by a few steps on each side ({@link #margin}), drawn by
 * {@link SurfacePicture} as a colour field centred at 0.5 (blue 0, white 0.5, red 1) with the 0.5 decision
 * boundary in black and the points on top. {@link #scatter} is the post's {@code show_scatter}.
 *
 * @param x1 the grid's x1 values, ascending
 * @param x2 the grid's x2 values, ascending
 * @param probability {@code probability[i][j]}: the model's output at {@code (x1[i], x2[j])}
 */
public record BeansSurface(double[] x1, double[] x2, double[][] probability) {

    /** The post samples its grid every 0.1. */
    public static final double STEP = 0.1;

    /**
     * The grid step for {@code data}: the post's 0.1 where that gives at least 50 cells across the wider input
     * (the spiral spans about 10), else a hundredth of that input's range, so small shapes are drawn as finely.
     */
    public static double stepFor(BeansData data) {
        double range = Math.max(range(data, 0), range(data, 1));
        double step = range / STEP >= 50 ? STEP : range / 100;
        return Math.max(step, range / (MAX_POINTS - 1)); // bounded by size: a wide span gets a coarser grid
    }

    /** The most grid points along one axis: 201 x 201 model outputs at most, whatever the data's span. */
    static final int MAX_POINTS = 201;

    private static double range(BeansData data, int feature) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < data.size(); i++) {
            min = Math.min(min, data.x(i, feature));
            max = Math.max(max, data.x(i, feature));
        }
        return max - min;
    }

    /** Evaluates {@code model} on the grid spanning {@code data}. */
    public static BeansSurface of(MultiLayerNetwork model, BeansData data, double step) {
        double[] x1 = axis(data, 0, step);
        double[] x2 = axis(data, 1, step);
        float[][] points = new float[x1.length * x2.length][];
        for (int i = 0; i < x1.length; i++) {
            for (int j = 0; j < x2.length; j++) {
                points[i * x2.length + j] = new float[] {(float) x1[i], (float) x2[j]};
            }
        }
        INDArray out = model.output(Nd4j.create(points).castTo(DataType.FLOAT), false);
        double[][] p = new double[x1.length][x2.length];
        for (int i = 0; i < x1.length; i++) {
            for (int j = 0; j < x2.length; j++) {
                p[i][j] = out.getDouble(i * x2.length + j, 0);
            }
        }
        return new BeansSurface(x1, x2, p);
    }

    private static double[] axis(BeansData data, int feature, double step) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < data.size(); i++) {
            min = Math.min(min, data.x(i, feature));
            max = Math.max(max, data.x(i, feature));
        }
        double steps = Math.floor((max - min) / step + 1e-9);
        int inside = Double.isFinite(steps) ? (int) Math.min(MAX_POINTS - 1, Math.max(0, steps)) + 1 : 1;
        int margin = margin(inside);
        double[] values = new double[inside + 2 * margin];
        for (int k = 0; k < values.length; k++) {
            values[k] = min + (k - margin) * step;
        }
        return values;
    }

    /**
     * Grid steps added on each side of the data's span, about 5 % of it and at least one, so no point lies on the
     * picture's edge. The post's grid (min to max) is the middle of this one, at the same points.
     */
    static int margin(int pointsAcrossTheData) {
        return Math.max(1, (int) Math.round(0.05 * (pointsAcrossTheData - 1)));
    }

    /** The epochs drawn in the training picture: 0, 1 %, 10 % and all of {@code epochs} (0, 50, 500, 5000). */
    public static List<Integer> snapshotEpochs(int epochs) {
        return java.util.stream.IntStream.of(0, Math.round(epochs / 100f), Math.round(epochs / 10f), epochs)
                .distinct().boxed().toList();
    }

    /** Colour of probability {@code p}: blue (0) through white (0.5) to red (1). */
    static Color colour(double p) {
        double t = Math.max(0, Math.min(1, p));
        // pastel ends, so that the dark points stay visible on top
        if (t < 0.5) {
            double s = t / 0.5;
            return new Color((int) (130 + 125 * s), (int) (170 + 85 * s), 255);
        }
        double s = (t - 0.5) / 0.5;
        return new Color(255, (int) (255 - 125 * s), (int) (255 - 135 * s));
    }

    /** The P(label 1) = 0.5 decision boundary: segments {x1, x2, x1', x2'} by marching squares on the grid. */
    public List<double[]> boundary() {
        return Contour.segments(x1, x2, probability, 0.5);
    }

    /**
     * The post's {@code show_scatter_surface} in 2-D: the probability as a raster field with a titled colour bar, the
     * 0.5 boundary as a smooth line, the points on top.
     */
    public Picture picture(BeansData data, String title) {
        return SurfacePicture.of(this, data, title);
    }

    /** Surfaces during training, each titled, two to a row, with one legend and one colour bar. */
    public static Picture panel(java.util.Map<String, BeansSurface> titled, BeansData data) {
        return SurfacePicture.panel(titled, data, 2, 0.7);
    }

    /** The post's {@code show_scatter}: the points coloured by label. */
    public static XYChart scatter(BeansData data) {
        XYChart chart = base("beans: " + data.size() + " points, " + data.source());
        chart.getStyler().setMarkerSize(9);
        addPoints(chart, data);
        return chart;
    }

    static XYChart base(String title) {
        XYChart chart = new XYChartBuilder().width(700).height(640).title(title).xAxisTitle("x1").yAxisTitle("x2")
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setPlotGridLinesVisible(false);
        return chart;
    }

    static void addPoints(XYChart chart, BeansData data) {
        for (int label = 1; label >= 0; label--) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (data.label(i) == label) {
                    points.add(new double[] {data.x(i, 0), data.x(i, 1)});
                }
            }
            chart.addSeries("label " + label, column(points, 0), column(points, 1))
                    .setMarker(label == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND)
                    .setMarkerColor(label == 1 ? new Color(120, 0, 0) : new Color(0, 0, 110));
        }
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }
}
