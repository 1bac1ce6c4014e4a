package cnnvsmlp.report.chart;

import java.awt.Color;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An epoch axis from 0 to the last epoch, with round ticks (0, 1000, ..., 5000; 0, 10, ..., 100) instead of the
 * ticks XChart puts on every k-th data point when the x values are equally spaced (1, 296, ..., 4721: no 5000).
 */
public final class EpochAxis {

    /** The name of the invisible series that makes the axis span 0 to the last epoch. */
    static final String ANCHOR = "epoch axis";

    private EpochAxis() {
    }

    /**
     * Makes the x axis of {@code chart} (its series already added) run from 0 to {@code lastEpoch}. XChart places
     * ticks on data points when all x values (sorted, all series together) are equally spaced; an invisible series
     * at 0, 0.5 and the last epoch breaks that spacing, so XChart's round-number ticks apply, and the last of them
     * is the last epoch whenever that is a round number (every budget this project runs).
     */
    public static void endAt(XYChart chart, int lastEpoch) {
        span(chart, 0, lastEpoch);
    }

    /** As {@link #endAt}, the axis running from {@code firstEpoch} (a zoomed panel's) to {@code lastEpoch}. */
    public static void span(XYChart chart, int firstEpoch, int lastEpoch) {
        if (lastEpoch < 1 || chart.getSeriesCollection().isEmpty()) {
            return;
        }
        double y = chart.getSeriesCollection().iterator().next().getYData()[0];
        XYSeries anchor = chart.addSeries(ANCHOR, new double[] {firstEpoch, firstEpoch + 0.5, lastEpoch},
                new double[] {y, y, y});
        anchor.setMarker(SeriesMarkers.NONE).setLineColor(new Color(0, 0, 0, 0)).setShowInLegend(false);
        anchor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisMin((double) firstEpoch).setXAxisMax((double) lastEpoch);
        chart.getStyler().setXAxisDecimalPattern("0"); // 1181, not 1,181
    }
}
