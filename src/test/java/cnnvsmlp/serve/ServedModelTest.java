package cnnvsmlp.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.ExperimentId;

/** The page names how each model was trained, serves only models of MNIST's digits, and finds the newest such run. */
class ServedModelTest {

    static final Path POST_RUN = Path.of("results/lenet5/20261130-142317-seed42"); // the main job's, 100 epochs
    static final Path MODERN_RUN = Path.of("results/lenet5/20261130-083113-seed42"); // --training modern, 20 epochs
    static final Path FASHION_RUN = Path.of("results/lenet5/20261130-102446-fashion-mnist-seed42");

    @TempDir
    Path temp;

    @Test
    void eachModelSaysItsDataSetRecipeAndBudget() {
        assertEquals("MNIST, the post's training (mean_squared_error, sgd(lr=0.05), batch 2048), 100 epochs",
                ServedModel.load("cnn", ExperimentId.LENET5, POST_RUN).trained());
        assertEquals("MNIST, not the post's training (categorical_crossentropy, adam(lr=0.001), batch 128), 20 epochs",
                ServedModel.load("cnn", ExperimentId.LENET5, MODERN_RUN).trained());
    }

    @Test
    void aFashionMnistRunIsRefusedAndNeverTheDefault() throws Exception {
        FixableProblem e = assertThrows(FixableProblem.class,
                () -> ServedModel.load("cnn", ExperimentId.LENET5, FASHION_RUN));
        assertTrue(e.getMessage().equals(FASHION_RUN + " was trained on fashion-mnist, not on MNIST's digits; give"
                + " --cnn a run trained on MNIST"), e.getMessage());
        Path results = temp.resolve("results");
        copy(POST_RUN, results.resolve("lenet5/20261130-142317-seed42"));
        copy(FASHION_RUN, results.resolve("lenet5/20261201-000000-fashion-mnist-seed42")); // newer, but clothes
        ServedModel newest = ServedModel.newest("cnn", ExperimentId.LENET5, results);
        assertEquals("lenet5/20261130-142317-seed42", newest.run());
    }

    private static void copy(Path run, Path to) throws Exception {
        Files.createDirectories(to);
        for (String f : new String[] {"config.json", "metrics.json", "history.csv", "model.zip"}) {
            Files.copy(run.resolve(f), to.resolve(f));
        }
    }
}
