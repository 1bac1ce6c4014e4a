package cnnvsmlp.report.compare;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import cnnvsmlp.report.chart.Palette;

/** The comparison's difference chart ({@code difference.png}): how far the second model is ahead, epoch by epoch. */
final class DifferenceChart {

    private DifferenceChart() {
    }

    /**
     * The second model's test accuracy minus the first's per epoch, in points: the mean over the seeds with its 95 %
     * interval (dashed; none with one seed), each seed as a thin line, and the zero line: above it the second model
     * is ahead. As {@link Panel}s: the whole run, and for a long budget the second half zoomed.
     */
    static List<XYChart> panels(CompareCharts.Labels labels, List<CompareReport.ModelRun> mlp,
            List<CompareReport.ModelRun> cnn) {
        int epochs = Math.min(mlp.stream().mapToInt(r -> r.epochs().size()).min().orElse(0),
                cnn.stream().mapToInt(r -> r.epochs().size()).min().orElse(0));
        Curves c = new Curves(epochs, mlp.size());
        for (int e = 1; e <= epochs; e++) {
            int epoch = e;
            PairedDifference d = PairedDifference.of(e, mlp.stream().mapToDouble(r -> r.epochs().get(epoch - 1)
                    .testAccuracy()).toArray(), cnn.stream().mapToDouble(r -> r.epochs().get(epoch - 1).testAccuracy())
                    .toArray());
            c.x[e - 1] = e;
            c.mean[e - 1] = 100 * d.mean();
            c.low[e - 1] = 100 * (d.hasInterval() ? d.low() : d.mean());
            c.high[e - 1] = 100 * (d.hasInterval() ? d.high() : d.mean());
            for (int i = 0; i < mlp.size(); i++) {
                c.seeds.get(i)[e - 1] = 100 * (cnn.get(i).epochs().get(e - 1).testAccuracy()
                        - mlp.get(i).epochs().get(e - 1).testAccuracy());
            }
        }
        String what = String.format(Locale.ROOT, "%s minus %s, %s", CompareCharts.shortName(cnn),
                CompareCharts.shortName(mlp), mlp.size() > 1 ? mlp.size() + " seeds: mean, 95 % interval" : "1 seed");
        List<XYChart> charts = new ArrayList<>();
        for (Panel panel : Panel.of(epochs)) {
            XYChart chart = CompareCharts.lines(panel.title(what, labels), "epoch" + panel.axisNote(),
                    "test accuracy difference, points");
            chart.getStyler().setYAxisDecimalPattern("0.0#");
            if (epochs > 0) {
                draw(chart, panel, c, mlp, Palette.ofModel(cnn.get(0).model()));
            }
            charts.add(chart);
        }
        return charts;
    }

    /** The curves of every epoch, in points. */
    private static final class Curves {
        final double[] x;
        final double[] mean;
        final double[] low;
        final double[] high;
        final List<double[]> seeds = new ArrayList<>();

        Curves(int epochs, int seedCount) {
            x = new double[epochs];
            mean = new double[epochs];
            low = new double[epochs];
            high = new double[epochs];
            for (int i = 0; i < seedCount; i++) {
                seeds.add(new double[epochs]);
            }
        }
    }

    private static void draw(XYChart chart, Panel panel, Curves c, List<CompareReport.ModelRun> mlp, Color colour) {
        double[] px = panel.slice(c.x);
        chart.addSeries("zero: no difference", new double[] {px[0], px[px.length - 1]}, new double[] {0, 0})
                .setMarker(SeriesMarkers.NONE).setLineColor(Palette.GREY);
        List<double[]> drawn = new ArrayList<>(List.of(panel.slice(c.mean)));
        if (mlp.size() > 1) {
            for (int i = 0; i < mlp.size(); i++) {
                XYSeries s = chart.addSeries(i == 0 ? "each seed" : "seed " + mlp.get(i).seed(), px,
                        panel.slice(c.seeds.get(i)));
                s.setMarker(SeriesMarkers.NONE).setLineColor(new Color(185, 185, 185)).setLineWidth(0.8f);
                s.setShowInLegend(i == 0);
            }
            CompareCharts.add(chart, "95 % interval of the mean", px, panel.slice(c.low), colour, true);
            CompareCharts.add(chart, "95 % interval, upper end", px, panel.slice(c.high), colour, true);
            chart.getSeries("95 % interval, upper end").setShowInLegend(false);
            drawn.add(panel.slice(c.low));
            drawn.add(panel.slice(c.high));
        }
        CompareCharts.add(chart, "mean difference", px, panel.slice(c.mean), Palette.INK, false);
        panel.axes(chart, c.x.length, panel.zoomed() ? Panel.range(drawn, 0.0) : null);
    }
}
