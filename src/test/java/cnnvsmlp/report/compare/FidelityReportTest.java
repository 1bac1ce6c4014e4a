package cnnvsmlp.report.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.FixableProblem;

class FidelityReportTest {

    @TempDir
    Path dir;

    @Test
    void readsTheTestAccuracyOfEachEpochFromATorchLog() throws Exception {
        Path log = Files.writeString(dir.resolve("torch-mlp-seed42.log"), """
                load 0.31s
                model=mlp params=335114 batch=2048 opt=sgd
                RESULT fw=torch model=mlp batch=2048 opt=sgd epoch=1 train_s=2.5 eval_s=0.1 test_acc=0.1135 loss=0.09
                RESULT fw=torch model=mlp batch=2048 opt=sgd epoch=2 train_s=2.5 eval_s=0.1 test_acc=0.2040 loss=0.09
                """);
        assertArrayEquals(new double[] {0.1135, 0.2040}, FidelityReport.readTorchLog(log, 2), 0);
        FixableProblem e = assertThrows(FixableProblem.class, () -> FidelityReport.readTorchLog(log, 3));
        assertTrue(e.getMessage().contains("has 2 of 3 epochs"), e.getMessage());
    }

    @Test
    void aDjlLogIsReadByItsOwnLinesAndTheVerdictNamesDjl() throws Exception {
        Path log = Files.writeString(dir.resolve("djl-mlp-seed42.log"), """
                djl 0.36.0 engine PyTorch 2.7.1 threads 2
                RESULT fw=djl model=mlp batch=128 opt=modern epoch=1 train_s=2.0 eval_s=0.1 test_acc=0.9606 peak_rss_mb=1
                RESULT fw=torch model=mlp batch=128 opt=modern epoch=2 train_s=2.0 eval_s=0.1 test_acc=0.1 loss=0.1
                RESULT fw=djl model=mlp batch=128 opt=modern epoch=2 train_s=2.0 eval_s=0.1 test_acc=0.9757 peak_rss_mb=1
                """);
        assertArrayEquals(new double[] {0.9606, 0.9757}, FidelityReport.readLog(log, 2, "djl"), 0,
                "only the fw=djl lines");
        assertThrows(FixableProblem.class, () -> FidelityReport.readTorchLog(log, 2), "one torch line, of 2 epochs");
        FidelityReport.ModelFidelity v = FidelityReport.compare("MLP", curves("DL4J", SAME, 0),
                curves("DJL", TORCH, 0));
        assertTrue(v.verdict().contains(", DJL ") && v.verdict().endsWith("no epoch differs from DJL's."),
                v.verdict());
        String md = FidelityReport.markdown(java.util.List.of(v), "c", "d", "x", "DJL", "`scripts/djl`");
        assertTrue(md.startsWith("# Learning dynamics: this project against DJL\n") && md.contains("trained by"
                + " `scripts/djl` and by this project"), md);
    }

    /** Five seeds a side, 3 epochs: accuracies around 0.50, 0.70, 0.80 with a spread of about 0.005. */
    private static final double[][] TORCH = {
            {0.501, 0.702, 0.801}, {0.497, 0.695, 0.796}, {0.505, 0.699, 0.804}, {0.493, 0.706, 0.799},
            {0.500, 0.703, 0.797}};
    private static final double[][] SAME = {
            {0.499, 0.700, 0.803}, {0.504, 0.697, 0.798}, {0.496, 0.704, 0.800}, {0.502, 0.701, 0.795},
            {0.498, 0.698, 0.802}};

    private static FidelityReport.Curves curves(String name, double[][] seeds, double shiftAtEpoch2) {
        Map<Long, double[]> bySeed = new java.util.LinkedHashMap<>();
        for (int s = 0; s < seeds.length; s++) {
            double[] c = seeds[s].clone();
            c[1] += shiftAtEpoch2;
            bySeed.put(42L + s, c);
        }
        return FidelityReport.curves(name, bySeed);
    }

    @Test
    void curvesDrawnLikePyTorchsPassAndAShiftAtOneEpochFailsThere() {
        FidelityReport.ModelFidelity same = FidelityReport.compare("MLP", curves("DL4J", SAME, 0),
                curves("PyTorch", TORCH, 0));
        assertTrue(same.withinSpread(), same.verdict());
        assertEquals(0.05 / 3, same.threshold(), 1e-15, "Bonferroni over 3 epochs");
        assertTrue(same.worstP() > 0.3, same.verdict());
        assertEquals(0.7996, same.projectFinalMean(), 1e-12);
        assertTrue(same.verdict().endsWith("no epoch differs from PyTorch's."), same.verdict());
        // the seed spreads (sd about 0.003 and 0.004) let the last epoch's test find about 1 point
        assertTrue(same.detectable() > 0.005 && same.detectable() < 0.02, same.verdict());

        // 1.5 points at epoch 2 alone, about four of its seed spreads: found there
        FidelityReport.ModelFidelity shifted = FidelityReport.compare("MLP", curves("DL4J", SAME, 0.015),
                curves("PyTorch", TORCH, 0));
        assertFalse(shifted.withinSpread(), shifted.verdict());
        assertEquals(2, shifted.worstEpoch());
        assertTrue(shifted.verdict().endsWith("DIFFERS from PyTorch's at epoch 2."), shifted.verdict());
        // a shift well below the detectable difference passes: the check says no more than its power allows
        FidelityReport.ModelFidelity small = FidelityReport.compare("MLP", curves("DL4J", SAME, 0.002),
                curves("PyTorch", TORCH, 0));
        assertTrue(small.withinSpread(), small.verdict());
    }

    @Test
    void fewerThanFiveSeedsASideAreRefused() {
        double[][] three = java.util.Arrays.copyOf(SAME, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FidelityReport.compare("MLP", curves("DL4J", three, 0), curves("PyTorch", TORCH, 0)));
        assertTrue(e.getMessage().contains("the check needs 5 a side"), e.getMessage());
    }

    @Test
    void welchsTestAndItsDetectableDifferenceAreTheTextbooks() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {3, 4, 5, 6, 7};
        // t = -2 / sqrt(2.5/5 + 2.5/5) = -2, df 8: two-sided p 0.0805
        assertEquals(0.0805, FidelityReport.welchP(a, b), 5e-4);
        assertEquals(1.0, FidelityReport.welchP(new double[] {2, 2, 2}, new double[] {2, 2, 2}));
        assertEquals(0.0, FidelityReport.welchP(new double[] {2, 2, 2}, new double[] {3, 3, 3}));
        // (t(0.975, 8) + t(0.8, 8)) x 1 = 2.306 + 0.889
        assertEquals(3.195, FidelityReport.detectable(a, b, 0.05), 2e-3);
    }
}
