package cnnvsmlp.notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.experiment.BeansExperiment;
import cnnvsmlp.experiment.LeNet5Experiment;
import cnnvsmlp.experiment.MnistData;
import cnnvsmlp.experiment.MnistMlpExperiment;
import cnnvsmlp.experiment.Run;
import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.report.BeansSurface;
import cnnvsmlp.report.MnistPictures;
import cnnvsmlp.report.Prose;
import cnnvsmlp.run.RunFolders;

/**
 * The notebook of one experiment's run: the post's walk-through (prose from {@code /prose/<lang>/}), the project's
 * source for each step, and what the run printed and drew.
 */
final class RunNotebooks {

    /** The model's configuration: the overload with the recipe, which holds the network (the other calls it). */
    static final String CONFIGURATION = "public static MultiLayerConfiguration configuration(long seed, Recipe recipe)";

    private RunNotebooks() {
    }

    static Notebook beans(NotebookExport.Lang lang, RunFolders.Finished finished) throws IOException {
        QuotedRun r = QuotedRun.of(finished);
        Path run = r.path();
        Prose prose = Prose.load(lang.folder, "1-beans");
        Notebook nb = new Notebook(lang.folder, r.metadata());
        nb.markdown(prose.get("title", Map.of("intro", intro(lang, r))));
        nb.markdown(prose.get("data"));
        nb.code(JavaSource.quote(BeansData.class, "public static BeansData generate(int m, long seed,"
                + " double noise)"), List.of(Notebook.stream(r.config().data()),
                Notebook.png(run.resolve(BeansExperiment.DATA_PNG), "the beans, coloured by label")));
        nb.markdown(prose.get("model"));
        nb.code(JavaSource.quote(BeansMlp.class, CONFIGURATION),
                List.of(Notebook.stream(r.summary())));
        nb.markdown(prose.get("training", Map.of("command", r.config().command())));
        nb.code(JavaSource.quote(BeansExperiment.class, "public Data data()"), trainingOutputs(r));
        nb.markdown(prose.get("result", results(r)));
        nb.code(JavaSource.quote(BeansSurface.class, "public static BeansSurface of("), List.of(
                Notebook.png(run.resolve(BeansExperiment.SURFACE_PNG), "the fitted surface"),
                Notebook.png(run.resolve(BeansExperiment.TRAINING_PNG), "the surface during training")));
        return nb;
    }

    static Notebook mnist(NotebookExport.Lang lang, RunFolders.Finished finished, boolean cnn) throws IOException {
        QuotedRun r = QuotedRun.of(finished);
        Path run = r.path();
        Prose model = Prose.load(lang.folder, cnn ? "3-lenet5" : "2-mnist-mlp");
        Prose mnist = Prose.load(lang.folder, "mnist");
        Notebook nb = new Notebook(lang.folder, r.metadata());
        nb.markdown(model.get("title", Map.of("intro", intro(lang, r))));
        nb.markdown(model.get("data"));
        nb.code(JavaSource.quote(Mnist.class, cnn ? "public static DataSet imageDataSet("
                : "public static DataSet flatDataSet("), List.of(Notebook.stream(r.config().data()),
                Notebook.png(run.resolve(MnistData.FIRST_IMAGE_PNG), "the first training image"),
                Notebook.png(run.resolve(MnistData.DIGITS_PNG), "the first image of each digit")));
        nb.markdown(model.get("model"));
        nb.code(JavaSource.quote(cnn ? LeNet5.class : MnistMlp.class,
                CONFIGURATION), List.of(Notebook.stream(r.summary())));
        nb.markdown(mnist.get("training", Map.of("command", r.config().command())));
        nb.code(JavaSource.quote(cnn ? LeNet5Experiment.class : MnistMlpExperiment.class, "public Data data()"),
                trainingOutputs(r));
        nb.markdown(mnist.get("result", results(r)));
        nb.code(JavaSource.quote(MnistPictures.class, "public static List<Integer> misclassified("),
                List.of(Notebook.png(run.resolve(MnistData.CONFUSION_PNG), "confusion matrix"),
                        Notebook.png(run.resolve(MnistData.MISCLASSIFIED_PNG), "misclassified test digits")));
        return nb;
    }

    private static Map<String, Object> results(QuotedRun r) {
        return Map.of("accuracy", String.format(Locale.ROOT, "%.2f", 100 * r.run().metrics().accuracy()),
                "epochs", r.config().budget().epochs(), "budgetSource", r.config().budget().source());
    }

    /** What a run's training cell shows: what it printed, then its accuracy and loss curves. */
    private static List<ObjectNode> trainingOutputs(QuotedRun r) throws IOException {
        return List.of(Notebook.stream(r.brief()), Notebook.png(r.path().resolve(Run.ACCURACY_PNG),
                "accuracy per epoch"), Notebook.png(r.path().resolve(Run.LOSS_PNG), "loss per epoch"));
    }

    private static String intro(NotebookExport.Lang lang, QuotedRun r) {
        return Prose.load(lang.folder, "intro").get("run", r.introValues());
    }
}
