package cnnvsmlp.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.cli.Main;
import cnnvsmlp.data.BeansData;
import cnnvsmlp.model.BeansMlp;

/** Experiment 1: the 2-8-8-8-1 MLP learns the two spirals. */
public final class BeansExperiment {

    private BeansExperiment() {
    }

    public static RunResult run(Settings settings) {
        BeansData beans = BeansData.generate(BeansData.POST_SIZE, settings.seed()); // X, Y = get_beans(100)
        DataSet xy = beans.toDataSet();
        MultiLayerNetwork model = new MultiLayerNetwork(BeansMlp.configuration(settings.seed()));
        // model.fit(X, Y, epochs=5000, batch_size=10); the post has no test set and judges the fit on X itself
        return ExperimentRunner.fit(settings, model, xy, xy, beans.toString(), "the 100 training points");
    }

    /** Run from an IDE: the post's settings, or any command-line option of {@code beans}. */
    public static void main(String[] args) {
        Main.main(Main.withCommand(Experiment.BEANS.id(), args));
    }
}
