package cnnvsmlp.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Fixtures;
import cnnvsmlp.TestData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.dl4j.ForwardOnceDenseLayer;
import cnnvsmlp.dl4j.OneDnnConvolutionLayer;
import cnnvsmlp.train.Evaluator;

class ModelZipTest {

    @TempDir
    Path temp;

    /** The committed model of an earlier layout names classes that moved; it loads and scores as it did then. */
    @Test
    @Tag("real-data")
    void aLeNet5SavedBeforeThePackageSplitLoadsAndScoresItsRecordedAccuracy() throws Exception {
        MultiLayerNetwork model = ModelZip.restore(Path.of("src/test/resources/fixtures/lenet5-model-fefc3d8/model.zip"));
        assertInstanceOf(OneDnnConvolutionLayer.class, model.getLayerWiseConfigurations().getConf(0).getLayer());
        assertInstanceOf(ForwardOnceDenseLayer.class, model.getLayerWiseConfigurations().getConf(4).getLayer());
        Mnist mnist = TestData.mnist();
        Evaluator.Score score = Evaluator.score(model, Mnist.imageDataSet(mnist.test()));
        assertEquals(0.8815, score.accuracy(), 0.0, "the accuracy in that run's metrics.json");
        assertEquals(0.018369239379009923, score.loss(), 1e-6);
    }

    @Test
    void aModelOfTheCurrentLayoutIsReadAsItWasWritten() throws Exception {
        MultiLayerNetwork net = Fixtures.beansModel(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        byte[] zip = bytes.toByteArray();
        assertSame(zip, ModelZip.withCurrentClassNames(zip), "nothing to rename: the same bytes");
        Path file = Files.write(temp.resolve("model.zip"), zip);
        assertArrayEquals(net.params().toFloatVector(), ModelZip.restore(file).params().toFloatVector(), 0f);
    }
}
