package cnnvsmlp.bench;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.report.chart.Palette;

/**
 * The bench against PyTorch as a picture ({@code speed.png}): training seconds per epoch of each MNIST model and
 * batch size, the project's bar beside PyTorch's, the ratio written under each pair. The beans' time is a whole
 * run's, another unit: bench.md has it, the chart does not. Programs, not models, so greys ({@link Palette}).
 */
public final class SpeedChart {

    static final Color PROJECT = Palette.PROGRAMS[0];
    static final Color TORCH = Palette.PROGRAMS[1];

    private SpeedChart() {
    }

    public static CategoryChart chart(List<Measurement> project, Map<String, Double> torch, String title) {
        List<String> labels = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (Measurement m : project) {
            ExperimentId experiment = ExperimentId.byId(m.model());
            if (!experiment.usesMnist()) {
                continue;
            }
            Double t = torch.get(TorchLog.key(m.model(), m.batchSize()));
            labels.add(String.format(Locale.ROOT, "%s, %d%s", experiment.shortName(), m.batchSize(),
                    t == null ? "" : String.format(Locale.ROOT, ": %.2fx", m.trainSecondsPerEpoch() / t)));
            ours.add(m.trainSecondsPerEpoch());
            theirs.add(t);
        }
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560).title(title)
                .xAxisTitle("model, batch size: this project's seconds / PyTorch's (the beans' whole run: bench.md)")
                .yAxisTitle("training seconds per epoch").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisDecimalPattern("0.#");
        chart.addSeries("PyTorch 1.13 (scripts/torch_reference.py)", labels, Arrays.asList(theirs.toArray(
                Double[]::new))).setFillColor(TORCH);
        chart.addSeries("this project (DL4J)", labels, ours).setFillColor(PROJECT);
        return chart;
    }
}
