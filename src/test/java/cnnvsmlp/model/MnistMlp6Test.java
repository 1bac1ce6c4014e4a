package cnnvsmlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The 6-layer MLP of LeCun's table, added through the registry alone: its size, layers and Keras initialisation. */
class MnistMlp6Test {

    @Test
    void itHasTheTablesLayersAndParameterCount() {
        MultiLayerNetwork net = ExperimentId.MNIST_MLP6.network(1, Recipe.POST);
        net.init();
        assertEquals(11_972_510, net.numParams());
        assertEquals(MnistMlp6.PARAMETERS, net.numParams());
        assertArrayEquals(new long[] {784 * 2500 + 2500, 2500 * 2000 + 2000, 2000 * 1500 + 1500, 1500 * 1000 + 1000,
            1000 * 500 + 500, 500 * 10 + 10}, Arrays.stream(net.getLayers()).mapToLong(Layer::numParams).toArray());
        assertEquals(ExperimentId.MNIST_MLP6, ExperimentId.byId("mnist-mlp6"));
        assertEquals(ExperimentId.Input.FLAT, ExperimentId.MNIST_MLP6.input());
    }

    @Test
    void itsKernelsAreGlorotUniformAndItsBiasesZero() {
        MultiLayerNetwork net = ExperimentId.MNIST_MLP6.network(7, Recipe.POST);
        net.init();
        int[] sizes = {784, 2500, 2000, 1500, 1000, 500, 10};
        for (int i = 0; i < 6; i++) {
            INDArray w = net.getLayer(i).getParam("W");
            double limit = Math.sqrt(6.0 / (sizes[i] + sizes[i + 1]));
            assertTrue(w.amaxNumber().doubleValue() <= limit * (1 + 1e-6), "layer " + i + " within +-" + limit
                    + " (to float32 rounding): " + w.amaxNumber());
            assertTrue(w.amaxNumber().doubleValue() > 0.9 * limit, "layer " + i + " fills its range");
            assertEquals(0.0, net.getLayer(i).getParam("b").amaxNumber().doubleValue(), "layer " + i + " biases");
        }
    }
}
