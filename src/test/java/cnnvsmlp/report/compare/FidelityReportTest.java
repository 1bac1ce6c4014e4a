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
    void curvesAmongPyTorchsAreInsideItsSpreadAndShiftedOnesAreNot() {
        FidelityReport.Curves torch = FidelityReport.curves("PyTorch", Map.of(
                1L, new double[] {0.10, 0.30, 0.50}, 2L, new double[] {0.12, 0.34, 0.54}, 3L,
                new double[] {0.11, 0.32, 0.52}));
        FidelityReport.Curves close = FidelityReport.curves("DL4J", Map.of(
                1L, new double[] {0.11, 0.31, 0.51}, 2L, new double[] {0.12, 0.33, 0.53}, 3L,
                new double[] {0.10, 0.35, 0.52}));
        FidelityReport.ModelFidelity inside = FidelityReport.compare("MLP", close, torch);
        assertTrue(inside.withinSpread(), inside.verdict());
        assertEquals(8 / 9.0, inside.insideEnvelope(), 1e-12, "one point (0.35 at epoch 2) is above PyTorch's 0.34");
        assertEquals(0.52, inside.projectFinalMean(), 1e-12);
        assertEquals(0.52, inside.torchFinalMean(), 1e-12);
        assertTrue(inside.verdict().endsWith("inside PyTorch's spread."), inside.verdict());

        FidelityReport.Curves far = FidelityReport.curves("DL4J", Map.of(
                1L, new double[] {0.20, 0.50, 0.70}, 2L, new double[] {0.21, 0.52, 0.72}, 3L,
                new double[] {0.22, 0.51, 0.71}));
        FidelityReport.ModelFidelity outside = FidelityReport.compare("MLP", far, torch);
        assertFalse(outside.withinSpread(), outside.verdict());
        assertTrue(outside.verdict().endsWith("NOT inside PyTorch's spread."), outside.verdict());
        assertEquals(0.0, outside.insideEnvelope());
    }
}
