package cnnvsmlp.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.model.KerasDefaults;
import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.MnistMlp;

/** The dense layer that computes its forward pass once trains bit for bit as DL4J's own dense layer. */
class ForwardOnceDenseLayerTest {

    private static final String OURS = ForwardOnceDenseLayer.class.getName();
    private static final String DL4JS = DenseLayer.class.getName();

    /** The same configuration with DL4J's own dense layer (through JSON, which also checks that ours serialises). */
    private static MultiLayerConfiguration withDl4jsDenseLayer(MultiLayerConfiguration configuration) {
        String json = configuration.toJson();
        assertTrue(json.contains(OURS), "the models use ForwardOnceDenseLayer");
        return MultiLayerConfiguration.fromJson(json.replace(OURS, DL4JS));
    }

    private static MultiLayerNetwork network(MultiLayerConfiguration configuration) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return net;
    }

    private static DataSet mnistLikeBatch(int n, long seed, boolean images) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = images ? Nd4j.rand(DataType.FLOAT, n, 28, 28, 1) : Nd4j.rand(DataType.FLOAT, n, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 10);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, (i * 7) % 10, 1f);
        }
        return new DataSet(x, y);
    }

    /** Trains both networks on the same batches; each step's score and the parameters after it are equal, bit for bit. */
    private static void assertSameTraining(MultiLayerNetwork ours, MultiLayerNetwork theirs, List<DataSet> batches) {
        assertEquals(theirs.params(), ours.params(), "the same initialisation");
        INDArray start = ours.params().dup();
        for (int step = 0; step < batches.size(); step++) {
            Nd4j.getRandom().setSeed(step); // the same dropout masks, where there is dropout
            ours.fit(batches.get(step));
            Nd4j.getRandom().setSeed(step);
            theirs.fit(batches.get(step));
            assertEquals(theirs.score(), ours.score(), 0.0, "score of step " + step);
            assertEquals(theirs.params(), ours.params(), "parameters after step " + step);
        }
        assertNotEquals(start, ours.params(), "training moved the parameters");
        INDArray features = batches.get(0).getFeatures();
        assertEquals(theirs.output(features), ours.output(features));
    }

    @Test
    void theConfigurationIsDl4jsDenseLayer() {
        DenseLayer.Builder builder = new DenseLayer.Builder().nIn(3).nOut(8).activation(Activation.RELU);
        ForwardOnceDenseLayer ours = new ForwardOnceDenseLayer(builder);
        DenseLayer theirs = builder.build();
        assertEquals(theirs.getNIn(), ours.getNIn());
        assertEquals(theirs.getNOut(), ours.getNOut());
        assertEquals(theirs.getActivationFn(), ours.getActivationFn());
        assertEquals(theirs.hasBias(), ours.hasBias());
        assertEquals(theirs.toString().replace("DenseLayer(super=", ""),
                ours.toString().replace("DenseLayer(super=", ""));
        MultiLayerConfiguration mlp = MnistMlp.configuration(42);
        assertEquals(mlp, MultiLayerConfiguration.fromJson(mlp.toJson()), "survives JSON");
        assertEquals(335_114, network(mlp).numParams());
        assertInstanceOf(ForwardOnceDenseLayer.Implementation.class, network(mlp).getLayer(0));
    }

    @Test
    void theMnistMlpTrainsBitForBitAsWithDl4jsDenseLayer() {
        List<DataSet> batches = new ArrayList<>();
        for (int step = 0; step < 4; step++) {
            batches.add(mnistLikeBatch(64, step, false));
        }
        MultiLayerConfiguration configuration = MnistMlp.configuration(42);
        assertSameTraining(network(configuration), network(withDl4jsDenseLayer(configuration)), batches);
    }

    @Test
    void theBeansMlpTrainsBitForBitAsWithDl4jsDenseLayer() {
        DataSet beans = BeansData.generate(BeansData.POST_SIZE, 42).toDataSet();
        List<DataSet> batches = new ArrayList<>();
        for (int step = 0; step < 50; step++) {
            int first = step % 10 * 10;
            batches.add(new DataSet(rows(beans.getFeatures(), first), rows(beans.getLabels(), first)));
        }
        MultiLayerConfiguration configuration = BeansMlp.configuration(42);
        assertSameTraining(network(configuration), network(withDl4jsDenseLayer(configuration)), batches);
    }

    @Test
    void leNet5sDenseLayersTrainBitForBitAsDl4jsOwn() {
        List<DataSet> batches = List.of(mnistLikeBatch(32, 1, true), mnistLikeBatch(32, 2, true));
        MultiLayerConfiguration configuration = LeNet5.configuration(42);
        assertSameTraining(network(configuration), network(withDl4jsDenseLayer(configuration)), batches);
    }

    @Test
    void aSavedNetworkComesBackWithTheSameLayersAndParameters() throws Exception {
        MultiLayerNetwork net = network(BeansMlp.configuration(7));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
                new java.io.ByteArrayInputStream(bytes.toByteArray()), true);
        assertInstanceOf(ForwardOnceDenseLayer.Implementation.class, restored.getLayer(1));
        assertEquals(net.params(), restored.params());
    }

    @Test
    void asTheFirstLayerItReturnsNoInputGradient() {
        DataSet batch = mnistLikeBatch(16, 3, false);
        MultiLayerConfiguration configuration = MnistMlp.configuration(42);
        INDArray ours = inputGradient(network(configuration), batch);
        INDArray theirs = inputGradient(network(withDl4jsDenseLayer(configuration)), batch);
        assertNull(ours, "documented: MultiLayerNetwork.calculateGradients returns no input gradient");
        assertNotNull(theirs);
    }

    private static INDArray inputGradient(MultiLayerNetwork net, DataSet batch) {
        return net.calculateGradients(batch.getFeatures(), batch.getLabels(), null, null).getSecond();
    }

    @Test
    void withDropoutItTakesDl4jsPath() {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ForwardOnceDenseLayer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU)
                        .dropOut(new Dropout(0.5))))
                .layer(KerasDefaults.denseOutput(1, Activation.SIGMOID))
                .setInputType(InputType.feedForward(2)).build();
        MultiLayerNetwork net = network(configuration);
        ForwardOnceDenseLayer.Implementation layer =
                assertInstanceOf(ForwardOnceDenseLayer.Implementation.class, net.getLayer(0));
        assertFalse(layer.plain(), "dropout changes the input: DL4J's own forward and backward pass");
        assertTrue(assertInstanceOf(ForwardOnceDenseLayer.Implementation.class, network(MnistMlp.configuration(1))
                .getLayer(1)).plain());
        DataSet beans = BeansData.generate(BeansData.POST_SIZE, 42).toDataSet();
        net.fit(beans);
        assertTrue(Double.isFinite(net.score()));
        assertNotNull(net.calculateGradients(beans.getFeatures(), beans.getLabels(), null, null).getSecond(),
                "DL4J's path computes the input gradient");
    }

    private static INDArray rows(INDArray array, int first) {
        return array.get(NDArrayIndex.interval(first, first + 10), NDArrayIndex.all()).dup();
    }
}
