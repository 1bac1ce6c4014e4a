package cnnvsmlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class ModelsTest {

    private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The shape of every layer's output for one example (DL4J's activations, batch dimension dropped). */
    private static List<String> outputShapes(MultiLayerNetwork net, INDArray input) {
        return net.feedForward(input, false).stream().skip(1)
                .map(a -> java.util.Arrays.toString(java.util.Arrays.copyOfRange(a.shape(), 1, a.rank())))
                .toList();
    }

    @Test
    void parameterCountsAreThePosts() {
        assertEquals(177, init(BeansMlp.configuration(1)).numParams());
        assertEquals(335_114, init(MnistMlp.configuration(1)).numParams());
        assertEquals(44_426, init(LeNet5.configuration(1)).numParams());
        assertEquals(BeansMlp.PARAMETERS, init(BeansMlp.configuration(1)).numParams());
    }

    @Test
    void perLayerParameterCountsAreThePosts() {
        MultiLayerNetwork lenet = init(LeNet5.configuration(1));
        long[] counts = java.util.Arrays.stream(lenet.getLayers()).mapToLong(Layer::numParams).toArray();
        // conv 156, pool 0, conv 2,416, pool 0, dense 30,840, dense 10,164, dense 850
        assertArrayEquals(new long[] {156, 0, 2416, 0, 30840, 10164, 850}, counts);
        MultiLayerNetwork mlp = init(MnistMlp.configuration(1));
        assertArrayEquals(new long[] {200_960, 65_792, 65_792, 2_570},
                java.util.Arrays.stream(mlp.getLayers()).mapToLong(Layer::numParams).toArray());
        MultiLayerNetwork beans = init(BeansMlp.configuration(1));
        assertArrayEquals(new long[] {24, 72, 72, 9},
                java.util.Arrays.stream(beans.getLayers()).mapToLong(Layer::numParams).toArray());
    }

    @Test
    void leNet5LayerOutputShapes() {
        MultiLayerNetwork lenet = init(LeNet5.configuration(1));
        List<String> shapes = outputShapes(lenet, Nd4j.rand(DataType.FLOAT, 2, 28, 28, 1));
        // channels-last, as the post's Keras; the flatten to 256 happens inside the first dense layer
        assertEquals(List.of("[24, 24, 6]", "[12, 12, 6]", "[8, 8, 16]", "[4, 4, 16]", "[120]", "[84]", "[10]"),
                shapes);
        assertEquals(16 * 4 * 4, lenet.getLayer(4).getParam("W").size(0), "Flatten gives 256 inputs");
    }

    @Test
    void mlpLayerOutputShapes() {
        assertEquals(List.of("[256]", "[256]", "[256]", "[10]"),
                outputShapes(init(MnistMlp.configuration(1)), Nd4j.rand(DataType.FLOAT, 3, 784)));
        assertEquals(List.of("[8]", "[8]", "[8]", "[1]"),
                outputShapes(init(BeansMlp.configuration(1)), Nd4j.rand(DataType.FLOAT, 3, 2)));
    }

    @Test
    void kerasSemantics_activationsLossOptimizer() {
        for (MultiLayerConfiguration conf : List.of(BeansMlp.configuration(1), MnistMlp.configuration(1),
                LeNet5.configuration(1))) {
            int last = conf.getConfs().size() - 1;
            for (int i = 0; i < last; i++) {
                if (conf.getConf(i).getLayer() instanceof BaseLayer layer) {
                    assertInstanceOf(ActivationReLU.class, layer.getActivationFn(), "hidden layer " + i);
                    Sgd sgd = assertInstanceOf(Sgd.class, layer.getIUpdater());
                    assertEquals(0.05, sgd.getLearningRate());
                }
            }
            BaseOutputLayer output = (BaseOutputLayer) conf.getConf(last).getLayer();
            assertInstanceOf(LossMSE.class, output.getLossFn());
            assertInstanceOf(Sgd.class, output.getIUpdater());
            assertEquals(0.05, ((Sgd) output.getIUpdater()).getLearningRate());
        }
        assertInstanceOf(ActivationSigmoid.class,
                ((BaseLayer) BeansMlp.configuration(1).getConf(3).getLayer()).getActivationFn());
        assertInstanceOf(ActivationSoftmax.class,
                ((BaseLayer) MnistMlp.configuration(1).getConf(3).getLayer()).getActivationFn());
        assertInstanceOf(ActivationSoftmax.class,
                ((BaseLayer) LeNet5.configuration(1).getConf(6).getLayer()).getActivationFn());
    }

    @Test
    void glorotUniformKernelsAndZeroBiases() {
        MultiLayerNetwork lenet = init(LeNet5.configuration(7));
        // Keras fans: conv fan_in = channels x 5 x 5, fan_out = filters x 5 x 5; dense fan_in x fan_out
        double[][] fans = {{25, 150}, null, {150, 400}, null, {256, 120}, {120, 84}, {84, 10}};
        for (int i = 0; i < fans.length; i++) {
            if (fans[i] == null) {
                continue;
            }
            INDArray w = lenet.getLayer(i).getParam("W");
            INDArray b = lenet.getLayer(i).getParam("b");
            double limit = Math.sqrt(6 / (fans[i][0] + fans[i][1]));
            assertTrue(w.amaxNumber().doubleValue() <= limit, "layer " + i + " weights within +-" + limit);
            assertTrue(w.amaxNumber().doubleValue() > 0.9 * limit, "layer " + i + " weights fill their range");
            assertEquals(0.0, b.amaxNumber().doubleValue(), "layer " + i + " biases are zero");
        }
        INDArray big = init(MnistMlp.configuration(7)).getLayer(0).getParam("W");
        double limit = Math.sqrt(6.0 / (784 + 256));
        double variance = big.varNumber().doubleValue();
        assertEquals(limit * limit / 3, variance, 0.03 * limit * limit / 3, "uniform variance limit^2 / 3");
        assertEquals(0.0, big.meanNumber().doubleValue(), 0.001);
    }

    @Test
    void theSeedFixesTheInitialisation() {
        assertEquals(init(LeNet5.configuration(3)).params(), init(LeNet5.configuration(3)).params());
        assertTrue(!init(LeNet5.configuration(3)).params().equals(init(LeNet5.configuration(4)).params()));
    }
}
