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
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;

/**
 * A run with --augment elastic (LeNet-5, a few batches of 300 real MNIST images): config.json records the
 * augmentation, so a resume keeps it and refuses another; the run draws what it trains on; the option is refused
 * where it cannot apply.
 */
class ElasticRunTest {

    @TempDir
    Path temp;

    @Test
    void theAugmentationIsRecordedDrawnAndKeptOnResume() throws Exception {
        Mnist mnist = MnistData.load(RunContext.defaults().dataDir(TestData.mnistDir()).showProgress(false).build(),
                Dataset.MNIST).head(300, 100);
        Recipe elastic = Recipe.POST.with(Recipe.Augment.ELASTIC);
        RunSpec spec = RunSpec.post(ExperimentId.LENET5).epochs(1, "--epochs").batchSize(100).seed(3)
                .recipe(elastic, "--augment elastic").build();
        RunResult result = Run.run(new MnistExperiment(ExperimentId.LENET5, mnist), spec,
                RunContext.defaults().outputDir(temp.resolve("results")).showProgress(false).command("test").build());
        Path folder = result.folder();
        RunConfig config = RunConfig.read(RunFolder.open(folder));
        assertEquals("elastic", config.hyperParameters().augment());
        assertEquals("--augment elastic", config.hyperParameters().training());
        assertEquals(elastic, Recipe.fromHyperParameters(config.hyperParameters()));
        assertTrue(Files.readString(folder.resolve(RunFolder.CONFIG)).contains("\"augment\" : \"elastic\""));
        assertTrue(Files.size(folder.resolve(MnistData.DISTORTED_PNG)) > 10_000, "the distorted digits are drawn");

        Outcome other = run("lenet5", "--resume", folder.toString(), "--epochs", "2", "--augment", "none");
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().startsWith("error: cannot resume " + folder + " with another configuration:"
                + " mean_squared_error, sgd(lr=0.05), no momentum (the run: mean_squared_error, sgd(lr=0.05), no"
                + " momentum, elastic distortions (sigma 4, alpha 34, new each epoch))"), other.err());
    }

    @Test
    void theOptionIsRefusedWhereItCannotApply() {
        Outcome beans = run("beans", "--augment", "elastic", "--epochs", "1");
        assertEquals(2, beans.code());
        assertTrue(beans.err().startsWith("error: --augment elastic distorts 28 x 28 images; beans trains on points:"
                + " leave --augment out"), beans.err());
        Outcome unknown = run("mnist-mlp", "--augment", "rotate", "--epochs", "1");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: --augment must be none or elastic, got 'rotate'"), unknown.err());
    }
}
