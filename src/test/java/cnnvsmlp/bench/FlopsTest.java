package cnnvsmlp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.MnistMlp;

class FlopsTest {

    @Test
    void forwardFlopsPerExampleAreTwicePerMultiplyAdd() {
        MultiLayerNetwork lenet = new MultiLayerNetwork(LeNet5.configuration(1));
        lenet.init();
        long conv1 = 2L * 1 * 5 * 5 * 24 * 24 * 6;
        long conv2 = 2L * 6 * 5 * 5 * 8 * 8 * 16;
        long dense = 2L * (256 * 120 + 120 * 84 + 84 * 10);
        assertEquals(conv1 + conv2 + dense, Flops.forwardPerExample(lenet, Nd4j.rand(DataType.FLOAT, 1, 28, 28, 1)));
        MultiLayerNetwork mlp = new MultiLayerNetwork(MnistMlp.configuration(1));
        mlp.init();
        assertEquals(3 * 2L * (784 * 256 + 256 * 256 * 2 + 256 * 10),
                Flops.trainingPerExample(mlp, Nd4j.rand(DataType.FLOAT, 1, 784)));
    }
}
