package cnnvsmlp.serve;

import java.nio.file.Files;
import java.nio.file.Path;

import org.nd4j.linalg.api.ndarray.INDArray;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.experiment.SavedModel;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.run.Metrics;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.run.RunFolders;

/**
 * One model the page shows: its id on the page ({@code mlp}, {@code cnn}), its name, where it came from, how it was
 * trained (data set, recipe, epochs; "not recorded" for a bare model.zip) and its recorded test accuracy (NaN for a
 * bare model.zip). The page reads digits, so a run on another data set (Fashion-MNIST) is refused.
 */
public record ServedModel(String id, String name, String run, String trained, double accuracy, SavedModel model) {

    /** The model of {@code runOrFile}, which must be {@code expected}'s. */
    public static ServedModel load(String id, ExperimentId expected, Path runOrFile) {
        SavedModel saved = SavedModel.load(runOrFile);
        if (saved.experiment() != expected) {
            throw new FixableProblem(saved.file() + " is the " + saved.experiment().model() + ", not the "
                    + expected.model() + "; give --" + id + " a " + expected.id() + " run");
        }
        Path folder = Files.isDirectory(runOrFile) ? runOrFile : runOrFile.toAbsolutePath().getParent();
        double accuracy = Double.NaN;
        if (folder != null && Files.exists(folder.resolve("metrics.json"))) {
            accuracy = Metrics.read(folder).accuracy();
        }
        String trained = "training not recorded (a model.zip without its run folder)";
        if (folder != null && Files.exists(folder.resolve(RunFolder.CONFIG))) {
            RunConfig config = RunConfig.read(folder);
            if (!"mnist".equals(config.datasetId())) {
                throw new FixableProblem(runOrFile + " was trained on " + config.datasetId() + ", not on MNIST's"
                        + " digits; give --" + id + " a run trained on MNIST");
            }
            Recipe recipe = Recipe.fromHyperParameters(config.hyperParameters());
            trained = "MNIST, " + (recipe.isPost() ? "the post's training (" : "not the post's training (")
                    + recipe.lossAndOptimizer() + ", batch "
                    + config.batchSize() + "), " + config.budget().epochs() + " epochs";
        }
        return new ServedModel(id, expected.model(), shortName(runOrFile), trained, accuracy, saved);
    }

    /**
     * What the page and /models call the run: {@code <experiment>/<run-id>} (or the model.zip's folder and name),
     * never an absolute path of this machine.
     */
    static String shortName(Path runOrFile) {
        Path p = runOrFile.toAbsolutePath().normalize();
        return p.getParent() == null || p.getParent().getFileName() == null ? String.valueOf(p.getFileName())
                : p.getParent().getFileName() + "/" + p.getFileName();
    }

    /** The newest finished run of {@code experiment} on MNIST in {@code outputDir} (a Fashion-MNIST run reads no digits). */
    public static ServedModel newest(String id, ExperimentId experiment, Path outputDir) {
        Path dir = outputDir.resolve(experiment.id());
        return RunFolders.scan(dir).finished().stream().filter(run -> "mnist".equals(run.config().datasetId()))
                .findFirst().map(run -> load(id, experiment, run.folder()))
                .orElseThrow(() -> new FixableProblem("no finished " + experiment.id() + " run on MNIST in " + dir
                        + "; train one (cnn-vs-mlp " + experiment.id() + " --quick) or give --" + id + " RUN"));
    }

    /** The ten probabilities for one prepared picture (784 grey levels 0..255). */
    public double[] probabilities(float[] pixels) {
        INDArray p;
        synchronized (model.network()) { // a DL4J network is not safe for two threads at once
            p = model.network().output(model.input(pixels), false);
        }
        double[] out = new double[10];
        for (int d = 0; d < 10; d++) {
            out[d] = p.getDouble(0, d);
        }
        return out;
    }

    /** The digit of highest probability. */
    public static int digit(double[] probabilities) {
        int best = 0;
        for (int d = 1; d < probabilities.length; d++) {
            best = probabilities[d] > probabilities[best] ? d : best;
        }
        return best;
    }
}
