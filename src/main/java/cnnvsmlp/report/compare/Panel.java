package cnnvsmlp.report.compare;

import java.util.List;

import org.knowm.xchart.XYChart;

import cnnvsmlp.report.chart.EpochAxis;

/**
 * One panel of a long comparison's chart: the whole run on log-scaled epochs, or the second half zoomed; a short
 * one has one panel, the whole run on linear epochs.
 */
record Panel(boolean log, boolean zoomed, int from) {

    static List<Panel> of(int epochs) {
        if (epochs < CompareCharts.PANELS_FROM) {
            return List.of(new Panel(false, false, 1));
        }
        return List.of(new Panel(true, false, 1), new Panel(false, true, epochs / 2));
    }

    String title(String what, CompareCharts.Labels labels) {
        return zoomed ? "the second half, zoomed: " + what : what + " (" + labels.line() + ")";
    }

    String axisNote() {
        return log ? " (log scale)" : "";
    }

    double[] slice(double[] values) {
        return from <= 1 ? values : java.util.Arrays.copyOfRange(values, Math.min(from - 1, values.length),
                values.length);
    }

    /** The x axis (log from 1, or round ticks over the panel's epochs), and y over {@code yRange} when given. */
    void axes(XYChart chart, int lastEpoch, double[] yRange) {
        if (log) {
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setXAxisMin(1.0).setXAxisMax((double) lastEpoch);
            chart.getStyler().setXAxisDecimalPattern("0");
        } else {
            EpochAxis.span(chart, from <= 1 ? 0 : from, lastEpoch);
        }
        if (yRange != null) {
            chart.getStyler().setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
            if (zoomed && yRange[1] - yRange[0] < 0.05) { // a zoomed accuracy: 0.975, not 0.98 twice
                chart.getStyler().setYAxisDecimalPattern("0.000");
            }
        }
    }

        /** The range {@code values} span, widened by a tenth each way, and to include {@code include}. */
        static double[] range(List<double[]> values, double include) {
            double lo = include;
            double hi = include;
            for (double[] v : values) {
                for (double y : v) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
            double pad = Math.max(hi - lo, 1e-6) / 10;
            return new double[] {lo - pad, hi + pad};
        }
}
