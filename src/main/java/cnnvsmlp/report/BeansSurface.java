package cnnvsmlp.report;

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
 * The post's {@code show_scatter_surface} in 2-D: the model's probability of label 1 over a grid from the
 * minimum to the maximum of each input, as a colour field centred at 0.5 (blue 0, white 0.5, red 1), the
 * 0.5 decision boundary in black, and the points on top. {@link #scatter} is the post's {@code show_scatter}.
 *
 * @param x1 the grid's x1 values, ascending
 * @param x2 the grid's x2 values, ascending
 * @param probability {@code probability[i][j]}: the model's output at {@code (x1[i], x2[j])}
 */
public record BeansSurface(double[] x1, double[] x2, double[][] probability) {

    /** The post samples its grid every 0.1. */
    public static final double STEP = 0.1;
    static final int BANDS = 10;

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
        int n = Double.isFinite(steps) ? (int) Math.min(MAX_POINTS - 1, Math.max(0, steps)) + 1 : 1;
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = min + k * step;
        }
        return values;
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

    /** Grid points where the probability crosses 0.5 between a cell and its right or upper neighbour. */
    public List<double[]> boundary() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x1.length; i++) {
            for (int j = 0; j < x2.length; j++) {
                boolean above = probability[i][j] > 0.5;
                if (i + 1 < x1.length && above != probability[i + 1][j] > 0.5) {
                    points.add(new double[] {(x1[i] + x1[i + 1]) / 2, x2[j]});
                }
                if (j + 1 < x2.length && above != probability[i][j + 1] > 0.5) {
                    points.add(new double[] {x1[i], (x2[j] + x2[j + 1]) / 2});
                }
            }
        }
        return points;
    }

    public XYChart chart(BeansData data, String title) {
        XYChart chart = base(title);
        chart.getStyler().setMarkerSize(Math.max(3, (int) Math.ceil(560.0 / Math.max(x1.length, x2.length))));
        for (int band = 0; band < BANDS; band++) {
            List<double[]> cells = new ArrayList<>();
            for (int i = 0; i < x1.length; i++) {
                for (int j = 0; j < x2.length; j++) {
                    int b = Math.min(BANDS - 1, (int) (probability[i][j] * BANDS));
                    if (b == band) {
                        cells.add(new double[] {x1[i], x2[j]});
                    }
                }
            }
            if (!cells.isEmpty()) {
                XYSeries s = chart.addSeries(String.format(java.util.Locale.ROOT, "P(1) %.1f-%.1f", band / (double) BANDS,
                        (band + 1) / (double) BANDS), column(cells, 0), column(cells, 1));
                s.setMarker(SeriesMarkers.SQUARE).setMarkerColor(colour((band + 0.5) / BANDS));
                s.setShowInLegend(false);
            }
        }
        List<double[]> edge = boundary();
        if (!edge.isEmpty()) {
            chart.addSeries("P(1) = 0.5", column(edge, 0), column(edge, 1)).setMarker(SeriesMarkers.SQUARE)
                    .setMarkerColor(Color.BLACK);
        }
        addPoints(chart, data);
        return chart;
    }

    /** The post's {@code show_scatter}: the points coloured by label. */
    public static XYChart scatter(BeansData data) {
        XYChart chart = base("beans: " + data.size() + " points, " + data.source());
        chart.getStyler().setMarkerSize(9);
        addPoints(chart, data);
        return chart;
    }

    private static XYChart base(String title) {
        XYChart chart = new XYChartBuilder().width(700).height(640).title(title).xAxisTitle("x1").yAxisTitle("x2")
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setPlotGridLinesVisible(false);
        return chart;
    }

    private static void addPoints(XYChart chart, BeansData data) {
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
