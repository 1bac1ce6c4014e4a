package cnnvsmlp.report.compare;

import static cnnvsmlp.Fixtures.modelRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;

import cnnvsmlp.report.compare.CompareReport.ModelRun;

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
        // differences 6, 6, 7 points: sd 0.577, t(0.975, 2) = 4.303, half-width 4.303 * 0.577 / sqrt(3) = 1.434
        assertEquals(0.048991, s.ciLow(), 1e-6);
        assertEquals(0.077676, s.ciHigh(), 1e-6);
        assertEquals("LeNet-5 is ahead after 2 of the post's 5000 epochs (batch 2048, 3 seeds): +6.33 points of test"
                + " accuracy for LeNet-5 (mean of the paired differences), 95 % interval [+4.90, +7.77]. Crossover"
                + " (LeNet-5 ahead from then to the end): reached by 3 of 3 seeds, at epoch 1 on average (range 1-1).",
                s.verdict());
        assertEquals(java.util.Arrays.asList(2, 2, 2), s.mlp().epochsToReach().get("90%"));
        assertEquals(java.util.Arrays.asList(null, null, 2), s.cnn().epochsToReach().get("98%"));
        assertEquals(5.0, s.mlp().meanSeconds(), 1e-12);

        String md = CompareReport.markdown(s);
        assertTrue(md.contains("| MLP | 3 | 91.00 % ± 1.00 | 90.00 %, 91.00 %, 92.00 % | 5 |"), md);
        assertTrue(md.contains("| 3 | 92.00 % | 99.00 % | +7.00 points | epoch 1 |"), md);
        assertTrue(md.contains("| 2 | +6.33 points | [+4.90, +7.77] | LeNet-5 ahead |"), md);
        assertTrue(md.contains("| LeNet-5 | 1, 1, 1 | 2, 2, 2 | –, –, 2 |"), md);
    }

    @Test
    void anIntervalThatIncludesZeroNamesNoWinner() {
        List<ModelRun> mlp = List.of(modelRun("MLP", 1, 0.90), modelRun("MLP", 2, 0.95), modelRun("MLP", 3, 0.85));
        List<ModelRun> cnn = List.of(modelRun("LeNet-5", 1, 0.91), modelRun("LeNet-5", 2, 0.94),
                modelRun("LeNet-5", 3, 0.87));
        CompareReport.Summary s = CompareReport.summarize(mlp, cnn, 1, 5000, 2048, "c", "d");
        assertNull(s.winner());
        assertTrue(s.ciLow() < 0 && s.ciHigh() > 0, s.ciLow() + " " + s.ciHigh());
        assertTrue(s.verdict().startsWith("No clear difference after 1 of the post's 5000 epochs (batch 2048, 3 seeds):"
                + " +0.67 points of test accuracy for LeNet-5 (mean of the paired differences), 95 % interval [-3.13,"
                + " +4.46] includes 0."), s.verdict());
        assertTrue(s.verdict().endsWith("reached by 2 of 3 seeds, at epoch 1 on average (range 1-1)."), s.verdict());
    }

    @Test
    void aConsistentPairedLeadIsAWinnerEvenWhenTheSeedsSpreadMore() {
        // each seed: LeNet-5 one point ahead of the MLP; the seeds themselves spread by 5 points
        List<ModelRun> mlp = List.of(modelRun("MLP", 1, 0.90), modelRun("MLP", 2, 0.95), modelRun("MLP", 3, 0.85));
        List<ModelRun> cnn = List.of(modelRun("LeNet-5", 1, 0.91), modelRun("LeNet-5", 2, 0.96),
                modelRun("LeNet-5", 3, 0.86));
        CompareReport.Summary s = CompareReport.summarize(mlp, cnn, 1, 5000, 2048, "c", "d");
        assertEquals("LeNet-5", s.winner());
        assertEquals(0.01, s.ciLow(), 1e-9);
    }

    @Test
    void anMlpLeadIsNamedForTheMlp() {
        List<ModelRun> mlp = List.of(modelRun("MLP", 1, 0.70), modelRun("MLP", 2, 0.72), modelRun("MLP", 3, 0.69));
        List<ModelRun> cnn = List.of(modelRun("LeNet-5", 1, 0.40), modelRun("LeNet-5", 2, 0.45),
                modelRun("LeNet-5", 3, 0.41));
        CompareReport.Summary s = CompareReport.summarize(mlp, cnn, 1, 5000, 2048, "c", "d");
        assertEquals("MLP", s.winner());
        assertTrue(s.verdict().startsWith("MLP is ahead after 1 of the post's 5000 epochs (batch 2048, 3 seeds):"
                + " -28.33 points"), s.verdict());
        assertTrue(s.verdict().endsWith("reached by none of the 3 seeds."), s.verdict());
    }

    @Test
    void oneSeedGivesNoIntervalAndNoWinner() {
        CompareReport.Summary s = CompareReport.summarize(List.of(modelRun("MLP", 42, 0.6, 0.5)),
                List.of(modelRun("LeNet-5", 42, 0.5, 0.9)), 2, 5000, 2048, "c", "d");
        assertNull(s.winner());
        assertNull(s.ciLow());
        assertEquals("LeNet-5 90.00 % against MLP 50.00 % after 2 of the post's 5000 epochs (batch 2048, 1 seed): one"
                + " seed gives no interval, so no winner is named. LeNet-5 is ahead from epoch 2 to the end (the"
                + " crossover).", s.verdict());
        String md = CompareReport.markdown(s);
        assertFalse(md.contains("±"), md);
        assertTrue(md.contains("| 2 | +40.00 points | none (one seed) | no winner named (one seed) |"), md);
        assertNull(CompareCharts.bars(s).getSeries("MLP").getExtraValues(), "no error bars");
    }

    @Test
    void theCrossoverIsWhereLeNet5TakesTheLeadForGood() {
        assertNull(PairedDifference.crossover(modelRun("MLP", 1, 0.5, 0.6, 0.7).epochs(),
                modelRun("LeNet-5", 1, 0.4, 0.5, 0.6).epochs()), "never reached");
        assertNull(PairedDifference.crossover(modelRun("MLP", 1, 0.5, 0.6, 0.7).epochs(),
                modelRun("LeNet-5", 1, 0.4, 0.7, 0.7).epochs()), "reached, then lost (a tie is not a lead)");
        assertEquals(3, PairedDifference.crossover(modelRun("MLP", 1, 0.5, 0.6, 0.7, 0.8).epochs(),
                modelRun("LeNet-5", 1, 0.6, 0.5, 0.8, 0.9).epochs()), "ahead, behind, then ahead to the end");
        assertEquals(1, PairedDifference.crossover(modelRun("MLP", 1, 0.1, 0.2).epochs(),
                modelRun("LeNet-5", 1, 0.3, 0.4).epochs()));
    }

    @Test
    void studentsTQuantilesAreTheTabulatedOnes() {
        assertEquals(12.706, PairedDifference.tQuantile(1), 1e-3);
        assertEquals(4.303, PairedDifference.tQuantile(2), 1e-3);
        assertEquals(2.776, PairedDifference.tQuantile(4), 1e-3);
        assertEquals(1.984, PairedDifference.tQuantile(100), 1e-3);
        assertEquals(List.of(5, 10, 15, 20, 25, 30, 35, 40, 45, 50), PairedDifference.reportedEpochs(50));
        assertEquals(List.of(1, 2, 3), PairedDifference.reportedEpochs(3));
    }

    @Test
    void theChartsHoldTheNumbers() {
        List<ModelRun> mlp = List.of(modelRun("MLP", 1, 0.80, 0.90), modelRun("MLP", 2, 0.82, 0.92));
        List<ModelRun> cnn = List.of(modelRun("LeNet-5", 1, 0.90, 0.96), modelRun("LeNet-5", 2, 0.92, 0.98));
        CompareReport.Summary s = CompareReport.summarize(mlp, cnn, 2, 5000, 2048, "c", "d");

        CategoryChart bars = CompareCharts.bars(s);
        assertEquals(0.91, bars.getSeries("MLP mean ± sd").getYData()[0], 1e-12);
        assertEquals(0.97, bars.getSeries("LeNet-5 mean ± sd").getYData()[1], 1e-12);
        assertEquals(Math.sqrt(0.0002), bars.getSeries("LeNet-5 mean ± sd").getExtraValues()[1], 1e-12);
        CategorySeries secondSeed = bars.getSeries("seed 2");
        assertArrayEquals(new double[] {0.92, 0.98}, secondSeed.getYData(), 1e-12);

        XYChart curves = CompareCharts.accuracyCurves(mlp, cnn);
        assertArrayEquals(new double[] {0.92, 0.98}, curves.getSeries("LeNet-5 seed 2").getYData(), 1e-12);
        XYChart time = CompareCharts.timeToAccuracy(mlp, cnn);
        assertArrayEquals(new double[] {2.5, 5.0}, time.getSeries("MLP seed 1").getXData(), 1e-12);
        XYChart loss = CompareCharts.lossCurves(mlp, cnn);
        assertArrayEquals(new double[] {0.1, 0.09}, loss.getSeries("MLP training seed 1").getYData(), 1e-12);
        assertEquals(2 * (2 * 3 + 1) + 1, loss.getSeriesCollection().size(), "per model: training (2 seeds, mean),"
                + " test (2 seeds, mean, band); and the epoch axis");
        assertArrayEquals(new double[] {0.91, 0.97}, curves.getSeries("LeNet-5 mean of 2 seeds").getYData(), 1e-12);
        List<XYChart> panels = CompareCharts.difference(CompareCharts.Labels.POST, mlp, cnn);
        assertEquals(1, panels.size(), "2 epochs: one panel, no zoom");
        XYChart difference = panels.get(0);
        assertArrayEquals(new double[] {10, 6}, difference.getSeries("mean difference").getYData(), 1e-9, "points");
        assertArrayEquals(new double[] {0, 0}, difference.getSeries("zero: no difference").getYData(), 0);
    }

    @Test
    void aListedRunIsReadBackAsItsFolder() {
        assertEquals("results/mnist-mlp/20261130-044046-seed42", CompareReport.runFolderOf(
                "results/mnist-mlp/20261130-044046-seed42 (first 300 of its 5000 epochs) (reused)"));
        assertEquals("runs/a (1)", CompareReport.runFolderOf("runs/a (1) (reused)"), "only the summary's own notes");
    }
}
