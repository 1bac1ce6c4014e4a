package cnnvsmlp.report.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One model's curves over several seeds on a chart: each seed a thin pale line, the mean over the seeds a bold
 * line, and mean ± one standard deviation a translucent band, all in the model's colour, with two legend entries
 * (the mean, the band) however many seeds there are. One seed is one line.
 */
final class SeedSpread {

    private SeedSpread() {
    }

    /**
     * Where an accuracy axis starts for curves whose lowest value is {@code lowest}: 0, unless every accuracy drawn
     * is above one half (a converged training); then a multiple of 0.02 below the lowest, so the curves' last points
     * and their gap are seen, not squeezed against 1.
     */
    static double accuracyAxisMin(double lowest) {
        return lowest > 0.5 ? Math.floor(lowest * 50) / 50 - 0.02 : 0.0;
    }

    /**
     * Adds {@code ys} (one array per seed of {@code seeds}, plotted against {@code xs} of the same index) as
     * {@code label}. The mean
     * and band cover the epochs every seed has; their x is the mean of the seeds' x (the epoch itself, or the mean
     * elapsed time).
     */
    static void add(XYChart chart, String label, List<Long> seeds, List<double[]> xs, List<double[]> ys, Color colour,
            boolean dashed) {
        if (ys.isEmpty()) {
            return;
        }
        if (ys.size() == 1) {
            line(chart, label, xs.get(0), ys.get(0), colour, dashed ? 1.6f : 2f, dashed);
            return;
        }
        Color pale = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 70);
        for (int s = 0; s < ys.size(); s++) {
            XYSeries seed = line(chart, label + " seed " + seeds.get(s), xs.get(s), ys.get(s), pale, 0.8f, dashed);
            seed.setShowInLegend(false);
        }
        int n = ys.stream().mapToInt(y -> y.length).min().orElse(0);
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (int e = 0; e < n; e++) {
            double[] at = new double[ys.size()];
            double xSum = 0;
            for (int s = 0; s < ys.size(); s++) {
                at[s] = ys.get(s)[e];
                xSum += xs.get(s)[e];
            }
            x[e] = xSum / ys.size();
            mean[e] = CompareReport.mean(at);
            sd[e] = CompareReport.sd(at);
        }
        if (!dashed) { // a band per loss pair would hide the other; the test loss carries it
            band(chart, String.format(Locale.ROOT, "%s mean ± sd (%d seeds)", label, ys.size()), x, mean, sd, colour);
        }
        line(chart, label + " mean of " + ys.size() + " seeds", x, mean, colour, dashed ? 1.6f : 2f, dashed);
    }

    private static void band(XYChart chart, String name, double[] x, double[] mean, double[] sd, Color colour) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int e = 0; e < n; e++) {
            px[e] = x[e];
            py[e] = mean[e] + sd[e];
            px[2 * n - 1 - e] = x[e];
            py[2 * n - 1 - e] = mean[e] - sd[e];
        }
        XYSeries band = chart.addSeries(name, px, py);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
        band.setLineColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
        band.setLineWidth(0.5f);
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, float width,
            boolean dashed) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE).setLineColor(colour).setLineWidth(width);
        series.setLineStyle(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(width)); // solid: XChart would cycle dash patterns
        return series;
    }
}
