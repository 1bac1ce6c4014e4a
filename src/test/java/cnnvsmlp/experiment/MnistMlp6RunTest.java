package cnnvsmlp.experiment;

import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.TestData;
import cnnvsmlp.data.Dataset;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.model.Recipe;

/**
 * The 6-layer MLP trains through the same Run as the post's models (a few batches of 300 real MNIST images), and its
 * model.zip is known as the 6-layer MLP by predict and evaluate: from its run folder's config.json, and on its own
 * by its layers, never taken for the post's 784-input MLP.
 */
class MnistMlp6RunTest {

    @TempDir
    Path temp;

    @Test
    void itTrainsAndItsSavedModelIsReadAsItself() throws Exception {
        Mnist mnist = MnistData.load(RunContext.defaults().dataDir(TestData.mnistDir()).showProgress(false).build(),
                Dataset.MNIST).head(300, 200);
        RunSpec spec = RunSpec.post(ExperimentId.MNIST_MLP6).epochs(2, "--epochs").batchSize(128).seed(5)
                .recipe(Recipe.modern(false), "test").build();
        RunResult result = Run.run(new MnistExperiment(ExperimentId.MNIST_MLP6, mnist), spec,
                RunContext.defaults().outputDir(temp.resolve("results")).showProgress(false).command("test").build());
        assertEquals(2, result.epochsRun());
        assertTrue(result.accuracy() > 0.5, "two epochs of Adam on 300 images: " + result.accuracy());
        assertTrue(result.folder().startsWith(temp.resolve("results/mnist-mlp6")), result.folder().toString());

        assertEquals(ExperimentId.MNIST_MLP6, SavedModel.load(result.folder()).experiment());
        Path alone = Files.copy(result.folder().resolve("model.zip"), temp.resolve("model.zip"));
        assertEquals(ExperimentId.MNIST_MLP6, SavedModel.load(alone).experiment(), "matched by its layers");

        Outcome evaluated = run("evaluate", "--model", alone.toString(), "--data-dir", TestData.mnistDir().toString(),
                "--output-dir", temp.resolve("out").toString());
        assertEquals(0, evaluated.code(), evaluated.err());
        assertTrue(evaluated.out().contains("(" + ExperimentId.MNIST_MLP6.model() + "): accuracy"), evaluated.out());
    }
}
