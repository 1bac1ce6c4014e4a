package cnnvsmlp.experiment;

import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.model.Recipe;

/**
 * An experiment on MNIST-format images (MNIST or Fashion-MNIST): the registry entry's network, the images as its
 * input takes them, the digit pictures. The post's {@code X_train.reshape(60000, 784) / 255.0} for a flat input, the
 * reshape it forgot, {@code X_train.reshape(60000, 28, 28, 1) / 255.0}, for LeNet-5; {@code to_categorical(Y_train,
 * 10)}; the same for the test set.
 */
public final class MnistExperiment implements Experiment {

    private final ExperimentId id;
    private final Mnist mnist;

    public MnistExperiment(ExperimentId id, Mnist mnist) {
        if (!id.usesMnist()) {
            throw new IllegalArgumentException(id.id() + " does not train on MNIST-format images");
        }
        this.id = id;
        this.mnist = mnist;
    }

    @Override
    public ExperimentId id() {
        return id;
    }

    @Override
    public MultiLayerNetwork network(long seed, Recipe recipe) {
        return id.network(seed, recipe);
    }

    @Override
    public Data data() {
        return new Data(MnistData.dataSet(id, mnist.train()), MnistData.dataSet(id, mnist.test()),
                MnistData.describe(mnist, id.input() == ExperimentId.Input.IMAGE ? "as 28x28x1 images divided by 255"
                        : "flattened to 784 and divided by 255"), MnistData.testSet(mnist));
    }

    @Override
    public Dataset dataset() {
        return mnist.dataset();
    }

    @Override
    public Pictures pictures(MultiLayerNetwork network, RunSpec spec, Path folder) {
        DataSet test = MnistData.dataSet(id, mnist.test());
        MnistData.drawDistorted(mnist, id, spec, folder); // what it trains on, when not the loaded images
        return (trained, runFolder) -> MnistData.drawPictures(mnist, test, trained, id, runFolder);
    }
}
