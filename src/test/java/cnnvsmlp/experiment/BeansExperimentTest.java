package cnnvsmlp.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.report.chart.BeansSurface;
import cnnvsmlp.train.Trainer;

class BeansExperimentTest {

    @Test
    void thePostsBudgetIsDrawnAtEpochs0_50_500And5000() {
        assertEquals(List.of(0, 50, 500, 5000), BeansSurface.snapshotEpochs(5000));
        assertEquals(List.of(0, 3), BeansSurface.snapshotEpochs(3));
    }

    @Test
    void snapshotsAreTheModelsSurfaceBeforeTrainingAndAtTheChosenEpochs() {
        BeansData beans = BeansData.generate(100, 4);
        MultiLayerNetwork model = network();
        BeansExperiment.SurfaceSnapshots snapshots = new BeansExperiment.SurfaceSnapshots(model, beans, 0.5,
                List.of(0, 2, 6), 6, null);
        new Trainer(new Trainer.Settings(6, 10, 4)).fit(model, beans.toDataSet(), beans.toDataSet(), snapshots);

        assertEquals(List.of(0, 2, 6), List.copyOf(snapshots.surfaces().keySet()));
        BeansSurface initial = BeansSurface.of(network(), beans, 0.5);
        BeansSurface last = BeansSurface.of(model, beans, 0.5);
        for (int i = 0; i < initial.x1().length; i++) {
            assertArrayEquals(initial.probability()[i], snapshots.surfaces().get(0).probability()[i], 1e-7);
            assertArrayEquals(last.probability()[i], snapshots.surfaces().get(6).probability()[i], 1e-7);
        }
        assertFalse(java.util.Arrays.deepEquals(snapshots.surfaces().get(0).probability(),
                snapshots.surfaces().get(2).probability()), "training changed the surface");
        assertEquals(3, snapshots.titled().size());
        assertEquals("epoch 0 (initial weights)", snapshots.titled().keySet().iterator().next());
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(BeansMlp.configuration(4));
        net.init();
        return net;
    }
}
