package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Fixtures;
import cnnvsmlp.TestData;
import cnnvsmlp.cli.Main;
import cnnvsmlp.run.Json;

class ComparisonTest {

    @TempDir
    Path results;

    private Path finishedRun(String experiment, long seed, int epochs, String status, double... accuracy)
            throws Exception {
        return Fixtures.runFolder(results, experiment, seed, epochs, status, accuracy);
    }

    /** Seeds 7 and 8 of both models, 2 epochs: LeNet-5 30 points ahead on each. */
    private void twoSeedsOfBothModels() throws Exception {
        for (long seed : new long[] {7, 8}) {
            finishedRun("mnist-mlp", seed, 2, "finished", 0.40, 0.50 + seed / 100.0);
            finishedRun("lenet5", seed, 2, "finished", 0.60, 0.80 + seed / 100.0);
        }
    }

    /** {@code --models} sets which model is compared against which: the second's lead is the difference. */
    @Test
    void modelsChoosesTheTwoExperimentsAndTheirOrder() throws Exception {
        twoSeedsOfBothModels();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"compare", "--models", "lenet5,mnist-mlp", "--epochs", "2", "--seeds", "2",
                "--seed", "7", "--output-dir", results.toString(), "--data-dir", TestData.mnistDir().toString(),
                "--no-progress"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        Path compare;
        try (Stream<Path> list = Files.list(results.resolve("compare"))) {
            compare = list.findFirst().orElseThrow();
        }
        JsonNode summary = Json.MAPPER.readTree(compare.resolve("summary.json").toFile());
        assertEquals(-0.30, summary.get("meanDifference").asDouble(), 1e-12, "the MLP's lead over LeNet-5: negative");
        assertEquals("LeNet-5", summary.get("winner").asText());
        assertEquals("LeNet-5", summary.get("mlp").get("model").asText(), "the first model of the pair");
        String md = Files.readString(compare.resolve("summary.md"));
        assertTrue(md.startsWith("# LeNet-5 against MLP on MNIST"), md);
        assertTrue(md.contains("| seed | LeNet-5 | MLP | MLP − LeNet-5 | crossover |"), md);
        assertTrue(md.contains("(MLP minus LeNet-5, seed by seed"), md);
        JsonNode plan = Json.MAPPER.readTree(compare.resolve("plan.json").toFile());
        assertEquals("[\"lenet5\",\"mnist-mlp\"]", plan.get("models").toString());
    }

    @Test
    void withNoRunToTakeItsSpeedFromTheEstimateSaysSo() {
        RunSpec mlp = RunSpec.post(cnnvsmlp.model.ExperimentId.MNIST_MLP).epochs(5000, "--epochs").build();
        RunSpec cnn = RunSpec.post(cnnvsmlp.model.ExperimentId.LENET5).epochs(5000, "--epochs").build();
        assertTrue(Comparison.estimate(mlp, cnn, 3, results.resolve("empty")).startsWith("estimated time: none (no"
                + " finished mnist-mlp run with batch 2048 and this recipe in "));
    }

    @Test
    void modelsThatCannotBeComparedAreOneLine() {
        for (String[] bad : new String[][] {{"resnet,lenet5", "'resnet' is none of the experiments [mnist-mlp, lenet5, "},
            {"beans,lenet5", "beans does not train on MNIST-format images"}, {"lenet5,lenet5", "names lenet5 twice"},
            {"lenet5", "needs two experiments"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.execute(new String[] {"compare", "--models", bad[0], "--epochs", "2", "--output-dir",
                    results.toString()}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, code, e);
            assertTrue(e.startsWith("error: --models") && e.contains(bad[1]) && e.lines().count() == 1, e);
        }
        assertTrue(!Files.exists(results.resolve("compare")), "nothing written");
    }

    @Test
    void finishedRunsAreReusedAndComparedWithoutTraining() throws Exception {
        twoSeedsOfBothModels();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"compare", "--epochs", "2", "--seeds", "2", "--seed", "7", "--output-dir",
                results.toString(), "--data-dir", TestData.mnistDir().toString(), "--no-progress"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertEquals(4, printed.lines().filter(l -> l.startsWith("reusing ")).count(), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("estimated time: up to ") && l.contains("(2 seeds x 2"
                + " epochs of each model; mnist-mlp ") && l.contains(" s per epoch as ")), printed);

        Path compare;
        try (Stream<Path> list = Files.list(results.resolve("compare"))) {
            compare = list.findFirst().orElseThrow();
        }
        JsonNode summary = Json.MAPPER.readTree(compare.resolve("summary.json").toFile());
        assertEquals(0.575, summary.get("mlp").get("meanAccuracy").asDouble(), 1e-12);
        assertEquals(0.875, summary.get("cnn").get("meanAccuracy").asDouble(), 1e-12);
        assertEquals(0.30, summary.get("meanDifference").asDouble(), 1e-12);
        assertEquals("LeNet-5", summary.get("winner").asText());
        assertEquals(2, summary.get("cnn").get("epochsToReach").get("90%").size());
        try (Stream<Path> list = Files.list(compare)) {
            assertEquals(Set.of("summary.json", "summary.md", "accuracy-bars.png", "test-accuracy.png", "loss.png",
                    "difference.png", "accuracy-vs-time.png", "plan.json"), list.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        assertTrue(Files.readString(compare.resolve("summary.md")).contains("LeNet-5 is ahead after 2 of the post's 5000"));
        String index = Files.readString(results.resolve("README.md"));
        assertTrue(index.contains("## MLP or CNN?\n\n"), index);
        assertTrue(index.contains("| MNIST | the post's | MLP / LeNet-5 | 2 of 5000 | 2 | 57.50 % ± 0.71 | 87.50 % ± 0.71"
                + " | +30.00 points,"
                + " [+30.00, +30.00] | 2 of 2 seeds, epoch 1 | 7 / 7 † | [summary](compare/" + compare.getFileName()
                + "/summary.md) |"), index);
        assertTrue(index.contains("† wall-clock seconds that do not compare across runs"), index); // unrecorded
        assertTrue(index.contains("**The strongest evidence on MNIST so far** (the most seeds, then the longest budget):"
                + " LeNet-5 is ahead after 2 of the post's 5000 epochs (batch 2048, 2 seeds): +30.00 points"), index);
        assertTrue(index.contains("![accuracy bars](compare/" + compare.getFileName() + "/accuracy-bars.png)"), index);
    }

    @Test
    void onlyFinishedRunsOfTheSameSeedBudgetAndBatchAreReused() throws Exception {
        finishedRun("mnist-mlp", 3, 2, "diverged", 0.1, 0.1);
        finishedRun("mnist-mlp", 4, 3, "finished", 0.1, 0.2, 0.3);
        ExperimentId mlp = ExperimentId.MNIST_MLP;
        assertTrue(Comparison.findReusable(results, mlp, 3, 2, 2048).isEmpty(), "a diverged run is not reused");
        assertTrue(Comparison.findReusable(results, mlp, 4, 4, 2048).isEmpty(), "3 epochs are not a 4-epoch budget");
        assertTrue(Comparison.findReusable(results, mlp, 4, 3, 1024).isEmpty(), "nor another batch size");
        var prefix = Comparison.findReusable(results, mlp, 4, 2, 2048).orElseThrow();
        assertEquals(0.2, prefix.accuracy(), 1e-12, "a 3-epoch run gives its first 2 epochs");
        assertEquals(2, prefix.epochs().size());
        assertTrue(prefix.folder().endsWith("(first 2 of its 3 epochs)"), prefix.folder());
        finishedRun("mnist-mlp", 3, 2, "finished", 0.3, 0.4);
        assertEquals(0.4, Comparison.findReusable(results, mlp, 3, 2, 2048).orElseThrow().accuracy(), 1e-12);
    }

    /** A longer run whose first epochs a comparison reused is read again on resume, never resumed or finished by it. */
    @Test
    @Tag("real-data")
    void resumingAComparisonLeavesTheLongerRunsItReusedAlone() throws Exception {
        Path mlp = finishedRun("mnist-mlp", 1, 5000, "interrupted", 0.3, 0.5, 0.6, 0.7);
        Path cnn = finishedRun("lenet5", 1, 5000, "interrupted", 0.2, 0.6, 0.7, 0.8);
        for (Path run : new Path[] {mlp, cnn}) {
            Files.createDirectories(run.resolve("checkpoint"));
        }
        String mlpConfig = Files.readString(mlp.resolve("config.json"));
        Path compare = Files.createDirectories(results.resolve("compare/20260101-000000"));
        new cnnvsmlp.run.ComparePlan("c", 3, 2048, null, List.of(1L), "interrupted", Map.of(
                "mnist-mlp seed 1", mlp.toString(), "lenet5 seed 1", cnn.toString()), null, null, null).write(compare);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"compare", "--resume", compare.toString(), "--data-dir",
                TestData.mnistDir().toString(), "--no-progress"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        assertEquals(mlpConfig, Files.readString(mlp.resolve("config.json")), "the long run is untouched");
        JsonNode summary = Json.MAPPER.readTree(compare.resolve("summary.json").toFile());
        assertEquals(0.6, summary.get("mlp").get("meanAccuracy").asDouble(), 1e-12, "its first 3 epochs");
        assertEquals(0.7, summary.get("cnn").get("meanAccuracy").asDouble(), 1e-12);
    }

    @Test
    void theQuickPresetNamesItselfOnlyWhereItShortensTheBudget() {
        assertEquals("the post", RunSpec.post(ExperimentId.BEANS).quick().build().budgetSource(),
                "the beans keep the post's 5000 epochs");
        RunSpec mlp = RunSpec.post(ExperimentId.MNIST_MLP).quick().build();
        assertEquals(List.of(100, "quick preset"), List.of(mlp.epochs(), mlp.budgetSource()));
    }

    @Test
    void aPlannedRunIsFoundFromAnotherWorkingFolder() throws Exception {
        Path ranIn = results.resolve("project");
        Path run = Files.createDirectories(ranIn.resolve("results/mnist-mlp/20260101-000000-seed1"));
        Path compare = Files.createDirectories(ranIn.resolve("results/compare/20260101-000000"));
        assertEquals(run, ComparisonRuns.located(compare, "results/mnist-mlp/20260101-000000-seed1"));
        assertEquals(run, ComparisonRuns.located(compare, run.toString()), "an absolute path as it is");
    }

    /** Two compare --resume of one comparison: the second stops with one line instead of training a seed twice. */
    @Test
    void aComparisonBeingResumedIsNotResumedTwice() throws Exception {
        Path compare = Files.createDirectories(results.resolve("compare/20260101-000000"));
        new cnnvsmlp.run.ComparePlan("c", 2, 2048, null, List.of(7L), "interrupted", Map.of(), null, null, null)
                .write(compare);
        try (cnnvsmlp.run.RunFolder.RunLock held = cnnvsmlp.run.RunFolder.comparison(compare).lock()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.execute(new String[] {"compare", "--resume", compare.toString(), "--data-dir",
                TestData.mnistDir().toString(), "--no-progress"}, System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, code, e);
            assertTrue(e.startsWith("error: " + compare + " is being trained by another process right now"), e);
            assertEquals(1, e.lines().count(), e);
        }
        assertTrue(!Files.exists(results.resolve("mnist-mlp")), "nothing trained");
    }

    /** A copied or moved results folder keeps to its own runs, whatever path an older plan wrote. */
    @Test
    void aCopiedComparisonFindsItsOwnRunsAndNewPlansAreRelative() throws Exception {
        Path original = Files.createDirectories(results.resolve("a/results/lenet5/20260101-000000-seed1"));
        Path copy = Files.createDirectories(results.resolve("b/results/lenet5/20260101-000000-seed1"));
        Path compare = Files.createDirectories(results.resolve("b/results/compare/20260101-000000"));
        assertEquals(copy.normalize(), ComparisonRuns.located(compare, original.toString()).toAbsolutePath()
                .normalize(), "an old plan's absolute path: the copy's run, not the original's");
        cnnvsmlp.run.ComparePlan plan = new cnnvsmlp.run.ComparePlan("c", 1, 2048, null, List.of(1L), "running",
                Map.of(), null, null, null).withRun("lenet5 seed 1", copy, compare);
        assertEquals("../../lenet5/20260101-000000-seed1", plan.runs().get("lenet5 seed 1"));
        Path moved = results.resolve("c/results");
        Files.createDirectories(moved.getParent());
        Files.move(results.resolve("b/results"), moved);
        Path movedCompare = moved.resolve("compare/20260101-000000");
        assertEquals(moved.resolve("lenet5/20260101-000000-seed1"), ComparisonRuns.located(movedCompare,
                plan.runs().get("lenet5 seed 1")));
    }

    @Test
    void aRunOfAnotherTrainingRecipeIsNeverReused() throws Exception {
        Path recipes = results.resolve("recipes");
        Fixtures.runFolder(recipes, "mnist-mlp", 42, 20, "finished", 0.5, 0.6); // the post recipe, batch 2048
        RunSpec post = RunSpec.post(ExperimentId.MNIST_MLP).epochs(2, "--epochs").seed(42).build();
        assertTrue(ComparisonRuns.findReusable(recipes, post, null).isPresent(), "the same recipe: reused");
        RunSpec modern = post.toBuilder().recipe(cnnvsmlp.model.Recipe.modern(false), "--training modern").build();
        assertTrue(ComparisonRuns.findReusable(recipes, modern, null).isEmpty(),
                "cross-entropy and Adam: the post's run is not the same training");
        RunSpec fashion = post.toBuilder().dataset(cnnvsmlp.data.Dataset.FASHION_MNIST).build();
        assertTrue(ComparisonRuns.findReusable(recipes, fashion, null).isEmpty(),
                "a run on MNIST (recorded before there was a choice) is not a run on Fashion-MNIST");
        Path fashionRun;
        try (var runs = Files.list(recipes.resolve("mnist-mlp"))) {
            fashionRun = runs.findFirst().orElseThrow();
        }
        var config = (com.fasterxml.jackson.databind.node.ObjectNode) cnnvsmlp.run.Json.MAPPER.readTree(
                fashionRun.resolve("config.json").toFile());
        config.put("dataset", "fashion-mnist");
        Files.writeString(fashionRun.resolve("config.json"), cnnvsmlp.run.Json.write(config));
        assertTrue(ComparisonRuns.findReusable(recipes, fashion, null).isPresent(), "the Fashion-MNIST run: reused");
        assertTrue(ComparisonRuns.findReusable(recipes, post, null).isEmpty(), "and not for MNIST");
    }
}
