package cnnvsmlp.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

import cnnvsmlp.TestData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.train.Trainer;
import cnnvsmlp.train.TrainingObserver;

/** Keras' initialisation and training semantics, checked on the project's three networks. */
class KerasSemanticsTest {

    static MultiLayerConfiguration model(String name) {
        return switch (name) {
            case "beans" -> BeansMlp.configuration(11);
            case "mnist-mlp" -> MnistMlp.configuration(11);
            default -> LeNet5.configuration(11);
        };
    }

    /**
     * glorot_uniform with Keras' fans, read from each kernel's own shape: dense (in, out): fan_in = in,
     * fan_out = out; convolution (filters, channels, k, k): fan_in = channels k k, fan_out = filters k k.
     */
    @ParameterizedTest
    @ValueSource(strings = {"beans", "mnist-mlp", "lenet5"})
    void glorotUniformWithKerasFansAndZeroBiases(String name) {
        MultiLayerNetwork net = new MultiLayerNetwork(model(name));
        net.init();
        assertEquals(org.nd4j.linalg.api.buffer.DataType.FLOAT, net.params().dataType(), "float32, as Keras");
        int large = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).numParams() == 0) {
                continue; // pooling
            }
            INDArray w = net.getLayer(i).getParam("W");
            long[] s = w.shape();
            double fanIn = s.length == 2 ? s[0] : s[1] * s[2] * s[3];
            double fanOut = s.length == 2 ? s[1] : s[0] * s[2] * s[3];
            double limit = Math.sqrt(6 / (fanIn + fanOut));
            double[] values = KerasEquivalenceTest.flat(w);
            double largest = 0;
            int inner = 0;
            for (double v : values) {
                largest = Math.max(largest, Math.abs(v));
                inner += Math.abs(v) < limit / 2 ? 1 : 0;
            }
            assertTrue(largest <= limit, name + " layer " + i + ": |w| up to " + largest + ", limit " + limit);
            if (values.length >= 100) {
                assertTrue(largest > 0.95 * limit, name + " layer " + i + " fills its range: " + largest);
            }
            assertEquals(0.0, net.getLayer(i).getParam("b").amaxNumber().doubleValue(), name + " layer " + i + " biases");
            if (values.length >= 10_000) {
                large++;
                double variance = w.varNumber().doubleValue();
                assertEquals(limit * limit / 3, variance, 0.03 * limit * limit / 3, name + " layer " + i + " variance");
                // uniform, not normal: half of the values lie within half the limit (a normal of that variance: 62 %)
                assertEquals(0.5, inner / (double) values.length, 0.02, name + " layer " + i + " is uniform");
            }
        }
        assertEquals(switch (name) {
            case "beans" -> 0;
            case "mnist-mlp" -> 3;
            default -> 2;
        }, large, "layers large enough for the variance check");
    }

    @Test
    void thePostsBatchSizesAndPlainSgdAtLearningRate005() {
        assertEquals(10, ExperimentId.BEANS.postBatchSize());
        assertEquals(2048, ExperimentId.MNIST_MLP.postBatchSize());
        assertEquals(2048, ExperimentId.LENET5.postBatchSize());
        for (String name : List.of("beans", "mnist-mlp", "lenet5")) {
            MultiLayerConfiguration conf = model(name);
            for (int i = 0; i < conf.getConfs().size(); i++) {
                if (conf.getConf(i).getLayer() instanceof BaseLayer layer) {
                    Sgd sgd = assertInstanceOf(Sgd.class, layer.getIUpdater(), name + " layer " + i);
                    assertEquals(0.05, sgd.getLearningRate(), 0, name + " layer " + i);
                    assertEquals(0.0, layer.getRegularization().size(), name + " layer " + i + ": no weight decay");
                }
            }
        }
    }

    /** 60,000 = 29 x 2048 + 608: an epoch is 30 updates, the last on the 608 left over. */
    @Test
    @Tag("real-data")
    void anMnistEpochAtBatch2048Is29FullBatchesAndOneOf608() {
        MultiLayerNetwork net = new MultiLayerNetwork(MnistMlp.configuration(5));
        net.init();
        List<Long> sizes = new ArrayList<>();
        net.addListeners(new BaseTrainingListener() {
            @Override
            public void onForwardPass(Model model, List<INDArray> activations) {
                sizes.add(activations.get(0).size(0));
            }
        });
        Mnist mnist = TestData.mnist();
        new Trainer(new Trainer.Settings(1, 2048, 5)).fit(net, Mnist.flatDataSet(mnist.train()),
                Mnist.flatDataSet(mnist.test().head(10)), TrainingObserver.NONE);
        assertEquals(30, sizes.size(), sizes.toString());
        assertTrue(sizes.subList(0, 29).stream().allMatch(s -> s == 2048), sizes.toString());
        assertEquals(608L, sizes.get(29));
    }
}
