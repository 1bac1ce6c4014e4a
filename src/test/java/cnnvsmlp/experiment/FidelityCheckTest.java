package cnnvsmlp.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.report.compare.FidelityReport;

/**
 * The fidelity check on the committed modern-recipe runs (results/fidelity-modern: five seeds of each model, 20
 * epochs, by this project and by scripts/torch_reference.py): each model passes against its own PyTorch twin, and
 * fails against an altered model, the other network of the pair (LeNet-5's curves against the MLP's, which trail
 * them by under a point at epoch 20). A check that cannot fail would pass both.
 */
class FidelityCheckTest {

    private static final Path RESULTS = Path.of("results");
    private static final Path LOGS = RESULTS.resolve("fidelity-modern");

    private static FidelityReport.Curves project(ExperimentId experiment) {
        Map<Long, double[]> bySeed = new LinkedHashMap<>();
        for (long seed = 42; seed <= 46; seed++) {
            long s = seed;
            bySeed.put(seed, Comparison.findReusable(RESULTS, experiment, seed, 20, Recipe.MODERN_BATCH,
                    Recipe.modern(false)).orElseThrow(() -> new AssertionError("no committed modern run of "
                    + experiment.id() + " seed " + s)).epochs().stream().mapToDouble(e -> e.testAccuracy()).toArray());
        }
        return FidelityReport.curves("DL4J", bySeed);
    }

    private static FidelityReport.Curves torch(String model) {
        Map<Long, double[]> bySeed = new LinkedHashMap<>();
        for (long seed = 42; seed <= 46; seed++) {
            bySeed.put(seed, FidelityReport.readTorchLog(LOGS.resolve("torch-" + model + "-seed" + seed + ".log"),
                    20));
        }
        return FidelityReport.curves("PyTorch", bySeed);
    }

    @Test
    void eachModelMatchesItsPyTorchTwinAndNotTheOtherModel() {
        FidelityReport.Curves lenet = project(ExperimentId.LENET5);
        FidelityReport.Curves mlp = project(ExperimentId.MNIST_MLP);
        FidelityReport.ModelFidelity lenetTwin = FidelityReport.compare("LeNet-5", lenet, torch("lenet"));
        FidelityReport.ModelFidelity mlpTwin = FidelityReport.compare("MLP", mlp, torch("mlp"));
        assertTrue(lenetTwin.withinSpread(), lenetTwin.verdict());
        assertTrue(mlpTwin.withinSpread(), mlpTwin.verdict());
        FidelityReport.ModelFidelity altered = FidelityReport.compare("LeNet-5", lenet, torch("mlp"));
        assertFalse(altered.withinSpread(), altered.verdict());
        FidelityReport.ModelFidelity alteredMlp = FidelityReport.compare("MLP", mlp, torch("lenet"));
        assertFalse(alteredMlp.withinSpread(), alteredMlp.verdict());
    }
}
