package cnnvsmlp.cli;

import java.util.Locale;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.report.OpenBlasProbe;

/** Child JVM of {@link KernelEquivalenceTest}: prints the OpenBLAS core, then the losses of a few steps. */
public final class KernelProbe {

    private KernelProbe() {
    }

    public static void main(String[] args) {
        cnnvsmlp.model.OneDnn.selectNativeVariant();
        System.out.println("core " + OpenBlasProbe.coreName().orElse("unknown"));
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 256, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 256, 10);
        for (int i = 0; i < 256; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        MultiLayerNetwork mlp = new MultiLayerNetwork(MnistMlp.configuration(42));
        mlp.init();
        MultiLayerNetwork lenet = new MultiLayerNetwork(LeNet5.configuration(42));
        lenet.init();
        for (int step = 0; step < 8; step++) {
            mlp.fit(new DataSet(x, y));
            System.out.println(String.format(Locale.ROOT, "loss %.9g mlp step %d", mlp.score(), step));
            lenet.fit(new DataSet(x.reshape('c', 256, 1, 28, 28), y));
            System.out.println(String.format(Locale.ROOT, "loss %.9g lenet step %d", lenet.score(), step));
        }
    }
}
