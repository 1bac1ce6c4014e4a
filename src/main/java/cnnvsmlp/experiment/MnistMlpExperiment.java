package cnnvsmlp.experiment;

import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.model.Recipe;

/** Experiment 2: the 784-256-256-256-10 MLP on MNIST. */
public final class MnistMlpExperiment implements Experiment {

    private final Mnist mnist;

    public MnistMlpExperiment(Mnist mnist) {
        this.mnist = mnist;
    }

    @Override
    public ExperimentId id() {
        return ExperimentId.MNIST_MLP;
    }

    @Override
    public MultiLayerNetwork network(long seed, Recipe recipe) {
        return new MultiLayerNetwork(MnistMlp.configuration(seed, recipe));
    }

    /** {@code X_train.reshape(60000, 784) / 255.0}, {@code to_categorical(Y_train, 10)}; the same for the test set. */
    @Override
    public Data data() {
        return new Data(Mnist.flatDataSet(mnist.train()), Mnist.flatDataSet(mnist.test()),
                MnistData.describe(mnist, "flattened to 784 and divided by 255"), MnistData.testSet(mnist));
    }

    @Override
    public Dataset dataset() {
        return mnist.dataset();
    }

    @Override
    public Pictures pictures(MultiLayerNetwork network, RunSpec spec, Path folder) {
        return (trained, runFolder) -> MnistData.drawPictures(mnist, Mnist.flatDataSet(mnist.test()), trained, id(),
                runFolder);
    }
}
