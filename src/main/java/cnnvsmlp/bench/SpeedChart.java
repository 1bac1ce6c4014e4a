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

/**
 * The bench against PyTorch as a picture ({@code speed.png}): training seconds of each model and batch size, the
 * project's bar beside PyTorch's, the ratio written under each pair.
 */
public final class SpeedChart {

    static final Color PROJECT = new Color(40, 90, 200);
    static final Color TORCH = new Color(150, 150, 150);

    private SpeedChart() {
    }

    public static CategoryChart chart(List<Measurement> project, Map<String, Double> torch, String title) {
        List<String> labels = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (Measurement m : project) {
            Double t = torch.get(TorchLog.key(m.model(), m.batchSize()));
            String unit = cnnvsmlp.model.ExperimentId.byId(m.model()).usesMnist() ? "per epoch" : "all epochs";
            labels.add(String.format(Locale.ROOT, "%s, batch %d (%s)%s", m.model(), m.batchSize(), unit,
                    t == null ? "" : String.format(Locale.ROOT, ": %.2fx", m.trainSecondsPerEpoch() / t)));
            ours.add(m.trainSecondsPerEpoch());
            theirs.add(t);
        }
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560).title(title)
                .xAxisTitle("model, batch size (train seconds, project / PyTorch)").yAxisTitle("training seconds")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisDecimalPattern("0.#");
        chart.getStyler().setXAxisLabelRotation(12);
        chart.addSeries("PyTorch (../shared/bench/torch_reference.py)", labels, Arrays.asList(theirs.toArray(
                Double[]::new))).setFillColor(TORCH);
        chart.addSeries("this project (DL4J)", labels, ours).setFillColor(PROJECT);
        return chart;
    }
}
