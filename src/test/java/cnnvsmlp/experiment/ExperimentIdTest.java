package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How each model's threads are split between OpenBLAS and the other ops (docs/performance.md has the measurements). */
class ExperimentIdTest {

    @Test
    void leNet5SharesItsOpsOnlyAtLargeBatchesAndKeepsOpenBlasToOneThread() {
        ExperimentId lenet = ExperimentId.LENET5;
        assertEquals(1, lenet.opThreads(2, 64), "batch 64: waking a second thread per small op costs more");
        assertEquals(1, lenet.opThreads(2, 1023));
        assertEquals(2, lenet.opThreads(2, 1024));
        assertEquals(2, lenet.opThreads(2, 2048), "the post's batch: both cores for the convolutions");
        assertEquals(1, lenet.blasThreads(2));
    }

    @Test
    void theMlpGivesOpenBlasEveryThreadAndItsOtherOpsOne() {
        assertEquals(2, ExperimentId.MNIST_MLP.blasThreads(2));
        assertEquals(1, ExperimentId.MNIST_MLP.opThreads(2, 2048));
        assertEquals(1, ExperimentId.MNIST_MLP.opThreads(2, 64));
        assertEquals(4, ExperimentId.BEANS.opThreads(4, 10), "the beans: as asked (one by default)");
    }
}
