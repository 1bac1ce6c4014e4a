package cnnvsmlp.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.cli.Main;
import cnnvsmlp.data.BeansData;
import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.report.BeansSurface;
import cnnvsmlp.report.Pictures;

/** Experiment 1: the 2-8-8-8-1 MLP learns the two spirals. */
public final class BeansExperiment {

    public static final String DATA_PNG = "beans-data.png";
    public static final String SURFACE_PNG = "beans-surface.png";

    private BeansExperiment() {
    }

    public static RunResult run(Settings settings) {
        return run(settings, BeansData.generate(BeansData.POST_SIZE, settings.seed())); // X, Y = get_beans(100)
    }

    /** The same network and training on other two-class points: another {@code BeansShape} or a CSV file. */
    public static RunResult run(Settings settings, BeansData beans) {
        DataSet xy = beans.toDataSet();
        MultiLayerNetwork model = new MultiLayerNetwork(BeansMlp.configuration(settings.seed()));
        // model.fit(X, Y, epochs=5000, batch_size=10); the post has no test set and judges the fit on X itself
        return ExperimentRunner.fit(settings, model, xy, xy, beans.toString(), "the " + beans.size() + " training points",
                (trained, folder) -> {
                    Pictures.savePng(BeansSurface.scatter(beans), folder.resolve(DATA_PNG));         // show_scatter
                    Pictures.savePng(BeansSurface.of(trained, beans, BeansSurface.stepFor(beans))      // show_scatter_surface
                            .chart(beans, "beans MLP: P(label 1) after " + settings.epochs() + " epochs"),
                            folder.resolve(SURFACE_PNG));
                });
    }

    /** Run from an IDE: the post's settings, or any command-line option of {@code beans}. */
    public static void main(String[] args) {
        Main.main(Main.withCommand(Experiment.BEANS.id(), args));
    }
}
