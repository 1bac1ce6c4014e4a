package cnnvsmlp.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.LeNet5;

/** Experiment 3: LeNet-5 on MNIST. */
public final class LeNet5Experiment {

    private LeNet5Experiment() {
    }

    public static RunResult run(Settings settings) {
        return run(settings, MnistData.load(settings));
    }

    public static RunResult run(Settings settings, Mnist mnist) {
        MultiLayerNetwork model = new MultiLayerNetwork(LeNet5.configuration(settings.seed()));
        // the reshape the post forgot: X_train.reshape(60000, 28, 28, 1) / 255.0
        DataSet test = Mnist.imageDataSet(mnist.test());
        return ExperimentRunner.fit(settings, model, Mnist.imageDataSet(mnist.train()), test,
                mnist.toString() + ", first training label " + mnist.train().label(0)
                        + ", as 28x28x1 images divided by 255", MnistData.TEST_SET,
                (trained, folder) -> MnistData.drawPictures(mnist, test, trained, Experiment.LENET5, folder));
    }
}
