package cnnvsmlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

import cnnvsmlp.Fixtures;
import cnnvsmlp.report.CompareReport.ModelRun;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;

/** Legends never over the data, losses on a log scale, numbers with their leading zero (issue 20's defects). */
class ChartLayoutTest {

    private static History history(int epochs) {
        History h = new History();
        for (int e = 1; e <= epochs; e++) {
            h.add(new EpochResult(e, 0.25 / e, 0.5 + e * 0.001, 0.24 / e, 0.5 + e * 0.001, 0.01, 0.01));
        }
        return h;
    }

    @Test
    void learningCurvesKeepTheirLegendBelowThePlotAndTheLossOnALogScale() {
        XYChart accuracy = LearningCurves.accuracy(history(5000), "beans MLP", "the 100 training points");
        XYChart loss = LearningCurves.loss(history(5000), "beans MLP", "the 100 training points");
        for (XYChart chart : List.of(accuracy, loss)) {
            assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        }
        assertTrue(loss.getStyler().isYAxisLogarithmic(), "0.25 down to 0.00005: four decades");
        History narrow = new History();
        for (int e = 1; e <= 100; e++) {
            narrow.add(new EpochResult(e, 0.09 - e * 0.0007, 0.5, 0.09 - e * 0.0007, 0.5, 0.01, 0.01));
        }
        assertTrue(!LearningCurves.loss(narrow, "LeNet-5", "test").getStyler().isYAxisLogarithmic(),
                "0.09 to 0.02: linear, where its ticks are labelled");
        assertEquals("0.0#", accuracy.getStyler().getYAxisDecimalPattern(), "0.25, not .25");
    }

    @Test
    void comparisonCurvesWithASeriesPerSeedKeepTheirLegendBesideThePlot() {
        List<ModelRun> mlp = List.of(Fixtures.modelRun("MLP", 1, 0.5, 0.6), Fixtures.modelRun("MLP", 2, 0.5, 0.7));
        List<ModelRun> cnn = List.of(Fixtures.modelRun("LeNet-5", 1, 0.4, 0.8),
                Fixtures.modelRun("LeNet-5", 2, 0.4, 0.9));
        for (XYChart chart : List.of(CompareCharts.accuracyCurves(mlp, cnn), CompareCharts.lossCurves(mlp, cnn),
                CompareCharts.timeToAccuracy(mlp, cnn))) {
            assertEquals(Styler.LegendPosition.OutsideE, chart.getStyler().getLegendPosition(), chart.getTitle());
        }
    }
}
