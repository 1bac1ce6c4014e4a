package cnnvsmlp.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.ModelZip;
import cnnvsmlp.run.RunFolder;

/**
 * A trained network read back from a run folder or a {@code model.zip}, and which of the post's experiments it is
 * (told from its first layer: a convolution is LeNet-5, 784 inputs the MNIST MLP, 2 the beans MLP).
 *
 * @param network the network, computed by this project's speed layers
 * @param experiment which experiment's model it is
 * @param file the model.zip it came from
 */
public record SavedModel(MultiLayerNetwork network, ExperimentId experiment, Path file) {

    /** The model of the run folder {@code runOrFile} (its model.zip), or of the model.zip itself. */
    public static SavedModel load(Path runOrFile) {
        Path file = Files.isDirectory(runOrFile) ? runOrFile.resolve(RunFolder.MODEL) : runOrFile;
        if (!Files.isRegularFile(file)) {
            throw new FixableProblem("no model at " + file + "; give --model a run folder that finished (it holds"
                    + " model.zip) or a model.zip");
        }
        MultiLayerNetwork network;
        try {
            network = ModelZip.restore(file);
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem(file + " is not a model this program can read (" + e.getClass().getSimpleName()
                    + "); give --model a model.zip that cnn-vs-mlp or DL4J wrote", e);
        }
        var first = network.getLayerWiseConfigurations().getConf(0).getLayer();
        ExperimentId experiment;
        if (first instanceof ConvolutionLayer) {
            experiment = ExperimentId.LENET5;
        } else if (first instanceof FeedForwardLayer layer && layer.getNIn() == 784) {
            experiment = ExperimentId.MNIST_MLP;
        } else if (first instanceof FeedForwardLayer layer && layer.getNIn() == 2) {
            experiment = ExperimentId.BEANS;
        } else {
            throw new FixableProblem(file + " is neither of the post's MNIST models nor its beans MLP");
        }
        return new SavedModel(network, experiment, file);
    }

    /** The network's input for one MNIST picture of 784 grey levels 0..255: flat for the MLP, 28x28x1 for LeNet-5. */
    public INDArray input(float[] pixels) {
        INDArray x = Nd4j.create(pixels).castTo(DataType.FLOAT).div(255);
        return experiment == ExperimentId.LENET5 ? x.reshape(1, 28, 28, 1) : x.reshape(1, 784);
    }
}
