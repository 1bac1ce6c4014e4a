package cnnvsmlp.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.MnistMlp;

/** Experiment 2: the 784-256-256-256-10 MLP on MNIST. */
public final class MnistMlpExperiment {

    private MnistMlpExperiment() {
    }

    public static RunResult run(Settings settings) {
        return run(settings, MnistData.load(settings));
    }

    public static RunResult run(Settings settings, Mnist mnist) {
        MultiLayerNetwork model = new MultiLayerNetwork(MnistMlp.configuration(settings.seed()));
        // X_train.reshape(60000, 784) / 255.0, to_categorical(Y_train, 10); the same for the test set
        DataSet test = Mnist.flatDataSet(mnist.test());
        return ExperimentRunner.fit(settings, model, Mnist.flatDataSet(mnist.train()), test,
                mnist.toString() + ", first training label " + mnist.train().label(0)
                        + ", flattened to 784 and divided by 255", MnistData.TEST_SET,
                (trained, folder) -> MnistData.drawPictures(mnist, test, trained, Experiment.MNIST_MLP, folder));
    }
}
