package cnnvsmlp.bench;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.report.chart.Palette;

/**
 * The bench against its anchors as a picture ({@code speed.png}): training seconds per epoch of each MNIST model
 * and batch size, each anchor's bar beside the project's, and under each group the project's time over the faster
 * anchor's (below 1x: the project is faster than both). The beans' time is a whole run's, another unit: bench.md
 * has it, the chart does not. Programs, not models, so greys ({@link Palette}).
 */
public final class SpeedChart {

    static final Color PROJECT = Palette.PROGRAMS[0];

    private SpeedChart() {
    }

    public static CategoryChart chart(List<Measurement> project, List<AnchorLog> anchors, String title) {
        List<String> labels = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        List<List<Double>> theirs = new ArrayList<>();
        anchors.forEach(a -> theirs.add(new ArrayList<>()));
        for (Measurement m : project) {
            ExperimentId experiment = ExperimentId.byId(m.model());
            if (!experiment.usesMnist()) {
                continue;
            }
            String key = AnchorLog.key(m.model(), m.batchSize());
            Double faster = null;
            for (int i = 0; i < anchors.size(); i++) {
                Double t = anchors.get(i).seconds().get(key);
                theirs.get(i).add(t);
                if (t != null && (faster == null || t < faster)) {
                    faster = t;
                }
            }
            labels.add(String.format(Locale.ROOT, "%s, %d%s", experiment.shortName(), m.batchSize(),
                    faster == null ? "" : String.format(Locale.ROOT, ": %.2fx", m.trainSecondsPerEpoch() / faster)));
            ours.add(m.trainSecondsPerEpoch());
        }
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560).title(title)
                .xAxisTitle("model, batch size: this project's seconds / the faster anchor's (the beans' whole run:"
                        + " bench.md)")
                .yAxisTitle("training seconds per epoch").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisDecimalPattern("0.#");
        for (int i = 0; i < anchors.size(); i++) {
            chart.addSeries(anchors.get(i).anchor().title(), labels, Arrays.asList(theirs.get(i).toArray(
                    Double[]::new))).setFillColor(Palette.PROGRAMS[1 + i]);
        }
        chart.addSeries("this project (DL4J)", labels, ours).setFillColor(PROJECT);
        return chart;
    }
}
