package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.report.chart.MnistPictures;
import cnnvsmlp.report.chart.PngFiles;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.Metrics;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.train.Evaluator;

/**
 * A saved MNIST model scored again on the test set: accuracy, loss, per-class precision and recall, and the confusion
 * matrix, written to {@code <output>/evaluate/<id>/} (never into the run folder the model came from).
 */
public final class ModelEvaluation {

    public static final String FOLDER = "evaluate";

    private ModelEvaluation() {
    }

    /** Scores {@code model} on {@code mnist}'s test set and writes the folder; returns it. */
    public static Path run(SavedModel model, Mnist mnist, Path outputDir, String command, PrintStream console) {
        if (!model.experiment().usesMnist()) {
            throw new FixableProblem(model.file() + " is the beans MLP; evaluate scores the MNIST models on the test"
                    + " set (a beans run's accuracy on its points is in its metrics.json)");
        }
        DataSet test = MnistData.dataSet(model.experiment(), mnist.test());
        Evaluator.Score score = Evaluator.score(model.network(), test);
        EpochResult last = new EpochResult(0, Double.NaN, Double.NaN, score.loss(), score.accuracy(), 0, 0);
        Metrics metrics = Metrics.of(MnistData.testSet(mnist), last,
                Evaluator.confusion(model.network(), test));
        RunFolder folder = RunFolder.create(outputDir, FOLDER, RunFolder.RUN_ID.format(Instant.now()) + "-"
                + model.experiment().id());
        folder.writeJson("evaluation.json", Map.of("model", model.file().toString(), "experiment",
                model.experiment().id(), "command", command, "date", Instant.now().toString(), "metrics", metrics));
        PngFiles.savePng(MnistPictures.confusion(metrics.confusionMatrix(), model.experiment().model()
                + ": confusion matrix on the " + mnist.dataset().title() + " test set", mnist.dataset()),
                folder.path().resolve(MnistData.CONFUSION_PNG));
        console.printf(Locale.ROOT, "%s (%s): accuracy %.4f, loss %.6f on %s%n", model.file(),
                model.experiment().model(), score.accuracy(), score.loss(), MnistData.testSet(mnist));
        for (Metrics.ClassMetrics c : metrics.perClass()) {
            console.printf(Locale.ROOT, "  %s %s: precision %.4f, recall %.4f (%d images)%n",
                    mnist.dataset().classWord(), mnist.dataset().label(c.label()),
                    c.precision(), c.recall(), c.support());
        }
        console.println("evaluation: " + folder.path());
        return folder.path();
    }

}
