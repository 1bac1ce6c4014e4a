package cnnvsmlp.experiment;

import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.Recipe;

/** Experiment 3: LeNet-5 on MNIST. */
public final class LeNet5Experiment implements Experiment {

    private final Mnist mnist;

    public LeNet5Experiment(Mnist mnist) {
        this.mnist = mnist;
    }

    @Override
    public ExperimentId id() {
        return ExperimentId.LENET5;
    }

    @Override
    public MultiLayerNetwork network(long seed, Recipe recipe) {
        return new MultiLayerNetwork(LeNet5.configuration(seed, recipe));
    }

    /** The reshape the post forgot: {@code X_train.reshape(60000, 28, 28, 1) / 255.0}; the same for the test set. */
    @Override
    public Data data() {
        return new Data(Mnist.imageDataSet(mnist.train()), Mnist.imageDataSet(mnist.test()),
                MnistData.describe(mnist, "as 28x28x1 images divided by 255"), MnistData.testSet(mnist));
    }

    @Override
    public Dataset dataset() {
        return mnist.dataset();
    }

    @Override
    public Pictures pictures(MultiLayerNetwork network, RunSpec spec, Path folder) {
        return (trained, runFolder) -> MnistData.drawPictures(mnist, Mnist.imageDataSet(mnist.test()), trained, id(),
                runFolder);
    }
}
