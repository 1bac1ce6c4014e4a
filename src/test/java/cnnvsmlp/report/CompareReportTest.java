package cnnvsmlp.report;

import static cnnvsmlp.Fixtures.modelRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;

import cnnvsmlp.report.CompareReport.ModelRun;

class CompareReportTest {

    @Test
    void meanAndSampleStandardDeviation() {
        assertEquals(5.0, CompareReport.mean(new double[] {2, 4, 4, 4, 5, 5, 7, 9}), 1e-12);
        // sum of squares 32 over n - 1 = 7
        assertEquals(Math.sqrt(32.0 / 7), CompareReport.sd(new double[] {2, 4, 4, 4, 5, 5, 7, 9}), 1e-12);
        assertEquals(0.0, CompareReport.sd(new double[] {0.7}));
    }

    @Test
    void epochsToReachAThresholdOrNull() {
        ModelRun r = modelRun("m", 1, 0.5, 0.91, 0.94, 0.96, 0.95);
        assertEquals(2, CompareReport.epochToReach(r.epochs(), 0.90));
        assertEquals(4, CompareReport.epochToReach(r.epochs(), 0.95));
        assertNull(CompareReport.epochToReach(r.epochs(), 0.98));
    }

    @Test
    void aClearLeadOverThreeSeedsNamesTheWinner() {
        List<ModelRun> mlp = List.of(modelRun("MLP", 1, 0.80, 0.90), modelRun("MLP", 2, 0.80, 0.91), modelRun("MLP", 3, 0.80, 0.92));
        List<ModelRun> cnn = List.of(modelRun("LeNet-5", 1, 0.90, 0.96), modelRun("LeNet-5", 2, 0.90, 0.97),
                modelRun("LeNet-5", 3, 0.90, 0.99));
        CompareReport.Summary s = CompareReport.summarize(mlp, cnn, 2, 5000, 2048, "c", "d");
        assertEquals(0.91, s.mlp().meanAccuracy(), 1e-12);
        assertEquals(0.01, s.mlp().sdAccuracy(), 1e-12);
        assertEquals(List.of(0.06, 0.06, 0.07), s.differences().stream().map(d -> Math.round(d.difference() * 100)
                / 100.0).toList());
        assertEquals(0.19 / 3, s.meanDifference(), 1e-12);
        assertEquals("LeNet-5", s.winner());
        assertTrue(s.verdict().startsWith("LeNet-5 wins after 2 of the post's 5000 epochs (batch 2048): 6.33 points"),
                s.verdict());
        assertEquals(java.util.Arrays.asList(2, 2, 2), s.mlp().epochsToReach().get("90%"));
        assertEquals(java.util.Arrays.asList(null, null, 2), s.cnn().epochsToReach().get("98%"));
        assertEquals(5.0, s.mlp().meanSeconds(), 1e-12);

        String md = CompareReport.markdown(s);
        assertTrue(md.contains("| MLP | 3 | 91.00 % ± 1.00 | 90.00 %, 91.00 %, 92.00 % | 5 |"), md);
        assertTrue(md.contains("| 3 | 92.00 % | 99.00 % | +7.00 points |"), md);
        assertTrue(md.contains("| LeNet-5 | 1, 1, 1 | 2, 2, 2 | –, –, 2 |"), md);
    }

    @Test
    void aDifferenceWithinTheSeedSpreadNamesNoWinner() {
        List<ModelRun> mlp = List.of(modelRun("MLP", 1, 0.90), modelRun("MLP", 2, 0.95), modelRun("MLP", 3, 0.85));
        List<ModelRun> cnn = List.of(modelRun("LeNet-5", 1, 0.91), modelRun("LeNet-5", 2, 0.96), modelRun("LeNet-5", 3, 0.86));
        CompareReport.Summary s = CompareReport.summarize(mlp, cnn, 1, 5000, 2048, "c", "d");
        assertNull(s.winner());
        assertTrue(s.verdict().startsWith("No winner after 1 of the post's 5000 epochs"), s.verdict());

        List<ModelRun> mixed = List.of(modelRun("LeNet-5", 1, 0.95), modelRun("LeNet-5", 2, 0.94), modelRun("LeNet-5", 3, 0.84));
        CompareReport.Summary disagree = CompareReport.summarize(mlp, mixed, 1, 5000, 2048, "c", "d");
        assertNull(disagree.winner());
        assertTrue(disagree.verdict().endsWith("and the seeds disagree on the sign."), disagree.verdict());
    }

    @Test
    void oneSeedNeverNamesAWinner() {
        CompareReport.Summary s = CompareReport.summarize(List.of(modelRun("MLP", 42, 0.5)),
                List.of(modelRun("LeNet-5", 42, 0.9)), 25, 5000, 2048, "c", "d");
        assertNull(s.winner());
        assertTrue(s.verdict().contains("one seed: without a seed spread"), s.verdict());
    }

    @Test
    void theChartsHoldTheNumbers() {
        List<ModelRun> mlp = List.of(modelRun("MLP", 1, 0.80, 0.90), modelRun("MLP", 2, 0.82, 0.92));
        List<ModelRun> cnn = List.of(modelRun("LeNet-5", 1, 0.90, 0.96), modelRun("LeNet-5", 2, 0.92, 0.98));
        CompareReport.Summary s = CompareReport.summarize(mlp, cnn, 2, 5000, 2048, "c", "d");

        CategoryChart bars = CompareCharts.bars(s);
        CategorySeries series = bars.getSeries("test accuracy");
        assertArrayEquals(new double[] {0.91, 0.97}, series.getYData(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(0.0002), Math.sqrt(0.0002)}, series.getExtraValues(), 1e-12);

        XYChart curves = CompareCharts.accuracyCurves(mlp, cnn);
        assertArrayEquals(new double[] {0.92, 0.98}, curves.getSeries("LeNet-5 seed 2").getYData(), 1e-12);
        XYChart time = CompareCharts.timeToAccuracy(mlp, cnn);
        assertArrayEquals(new double[] {2.5, 5.0}, time.getSeries("MLP seed 1").getXData(), 1e-12);
        XYChart loss = CompareCharts.lossCurves(mlp, cnn);
        assertArrayEquals(new double[] {0.1, 0.09}, loss.getSeries("MLP seed 1 training").getYData(), 1e-12);
        assertEquals(8, loss.getSeriesCollection().size());
    }
}
