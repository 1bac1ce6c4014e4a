package cnnvsmlp.cli;

import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.run.Json;

class MainTest {

    @TempDir
    Path temp;

    @Test
    void helpShowsEveryDefault() {
        Outcome raw = run("lenet5", "--help");
        assertEquals(0, raw.code());
        Outcome help = new Outcome(0, raw.out().replaceAll("\\s+", " "), raw.err());
        assertTrue(help.out().contains("the post's 5000"), help.out());
        assertTrue(help.out().contains("Default: 42"), help.out());
        assertTrue(help.out().contains("Default: results"), help.out());
        assertTrue(help.out().contains("The quick preset: 100 epochs"), help.out());
        assertTrue(help.out().contains("--data-dir") && help.out().contains("--mirror"), help.out());
        assertTrue(help.out().contains("Default: " + Runtime.getRuntime().availableProcessors() + " (the cores)"),
                help.out());
        Outcome top = run("--help");
        assertTrue(top.out().contains("beans") && top.out().contains("mnist-mlp") && top.out().contains("all"),
                top.out());
    }

    @Test
    void negativeEpochsIsOneClearLine() {
        Outcome o = run("beans", "--epochs", "-3");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: --epochs must be between 1 and 1000000, got -3"), o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
    }

    @Test
    void unknownExperimentIsOneClearLine() {
        Outcome o = run("resnet");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: Unmatched argument at index 0: 'resnet'"), o.err());
        assertEquals(2, o.err().lines().count(), o.err());
    }

    @Test
    void noExperimentAtAll() {
        Outcome o = run();
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: name a command: beans, mnist-mlp, lenet5, mnist-mlp6, all, compare,"
                + " predict, evaluate, index, serve, export, bench,"), o.err());
        assertFalse(o.err().contains("bench-one"), "the hidden child-JVM command is not offered: " + o.err());
    }

    @Test
    void budgetGivenTwiceIsRefused() {
        Outcome o = run("mnist-mlp", "--quick", "--epochs", "3");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--epochs and --quick both set the budget"), o.err());
    }

    @Test
    void impossibleBatchSizeAndThreads() {
        assertTrue(run("beans", "--batch-size", "0").err().contains("--batch-size must be at least 1, got 0"));
        assertTrue(run("beans", "--threads", "0").err().contains("--threads must be between 1 and 1024, got 0"));
        assertTrue(run("beans", "--seed", "x").err().startsWith("error: Invalid value for option '--seed'"));
    }

    @Test
    void missingDataFolderExitsWithWhatToDo() {
        Path nowhere = temp.resolve("no-such-folder");
        Outcome o = run("mnist-mlp", "--epochs", "1", "--data-dir", nowhere.toString(), "--output-dir",
                temp.resolve("out").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().startsWith("error: MNIST folder " + nowhere + " (from --data-dir) does not exist; put the"
                + " four files train-images-idx3-ubyte.gz"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        assertFalse(Files.exists(temp.resolve("out")), "nothing is written before the data is found");
    }

    @Test
    void outputFolderThatIsAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("results"), "not a folder");
        Outcome o = run("beans", "--epochs", "1", "--output-dir", file.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().startsWith("error: " + file + " is a file, not a folder"), o.err());
        assertEquals("not a folder", Files.readString(file), "the file is left alone");
    }

    @Test
    void aShortBeansRunPrintsItsOverrideAndWritesItsResults() throws Exception {
        Outcome o = run("beans", "--epochs", "3", "--seed", "5", "--output-dir", temp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("budget: 3 of the post's 5000 epochs (--epochs)"), o.out());
        Path runs = temp.resolve("beans");
        Path run;
        try (var list = Files.list(runs)) {
            run = list.findFirst().orElseThrow();
        }
        assertTrue(run.getFileName().toString().endsWith("-seed5"), run.toString());
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertEquals("finished", config.get("status").asText());
        assertEquals(3, config.get("budget").get("epochs").asInt());
        assertFalse(config.get("budget").get("isPostBudget").asBoolean());
        assertEquals("cnn-vs-mlp beans --epochs 3 --seed 5 --output-dir " + temp, config.get("command").asText());
        assertEquals(177, config.get("parameters").asInt());
        assertTrue(config.get("environment").get("cpuKernels").has("openblasCore"));
        assertEquals(4, Files.readAllLines(run.resolve("history.csv")).size());
        JsonNode metrics = Json.MAPPER.readTree(run.resolve("metrics.json").toFile());
        int total = 0;
        for (JsonNode row : metrics.get("confusionMatrix")) {
            for (JsonNode cell : row) {
                total += cell.asInt();
            }
        }
        assertEquals(100, total);
        assertTrue(Files.size(run.resolve("model.zip")) > 1000);
        String console = Files.readString(run.resolve("console.txt"));
        assertTrue(o.out().contains(console.strip()), "console.txt is what the run printed:\n" + console);
        assertTrue(console.contains("Total Parameters:  177"), "the model summary:\n" + console);
        String lastLine = console.strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(lastLine.startsWith("beans: accuracy ") && lastLine.contains("after 3 epochs"), lastLine);
        String index = Files.readString(temp.resolve("README.md"));
        String folder = "beans/" + run.getFileName();
        assertTrue(index.contains("![beans surface](" + folder + "/beans-surface.png)"), index);
        assertTrue(index.contains("Run [" + folder + "](" + folder + "): `cnn-vs-mlp beans --epochs 3 --seed 5"), index);
        assertTrue(index.contains("budget 3 of 5000 epochs (--epochs), seed 5."), index);
        try (var list = Files.list(run)) {
            assertEquals(java.util.Set.of("config.json", "history.csv", "metrics.json", "model.zip", "accuracy.png",
                    "loss.png", "beans-data.png", "beans-surface.png", "beans-training.png", "console.txt", "surfaces"),
                    list.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "the results and pictures, no temporary file");
        }
    }

    @Test
    void aBackendThatCannotLoadIsExplainedNotDumped() {
        // what Nd4j's static initialiser throws when no backend's natives load (on -Pcuda: no NVIDIA driver)
        Throwable failure = new ExceptionInInitializerError(new RuntimeException(
                new org.nd4j.linalg.factory.Nd4jBackend.NoAvailableBackendException("Please ensure ...")));
        String message = Main.backendProblem(failure);
        assertTrue(message.contains("nd4j-native") && message.contains("mvn -B -q -DskipTests package"), message);
        assertEquals(null, Main.backendProblem(new ExceptionInInitializerError(new IllegalStateException("x"))));
    }

    @Test
    void exportEditAndTrainOnACsvFile() throws Exception {
        Path csv = temp.resolve("beans.csv");
        Outcome exported = run("beans", "--export-points", csv.toString(), "--output-dir", temp.resolve("out").toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().contains("wrote 100 points (spiral, noise +-0.1, seed 42) to " + csv), exported.out());
        assertFalse(Files.exists(temp.resolve("out")), "exporting trains nothing");
        assertEquals(cnnvsmlp.data.BeansData.generate(100, 42).toString().replace("spiral, noise +-0.1, seed 42",
                "file " + csv), cnnvsmlp.data.BeansCsv.read(csv, cnnvsmlp.data.BeansCsv.Header.AUTO).toString());

        // the user edits the file: drops the header and the last 40 points
        java.util.List<String> lines = Files.readAllLines(csv);
        Files.write(csv, lines.subList(1, 61));
        Outcome trained = run("beans", "--points", csv.toString(), "--epochs", "2", "--output-dir", temp.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("data: BeansData[m=60, positives=50, negatives=10, file " + csv + "]"),
                trained.out());
    }

    @Test
    void aBadCsvIsOneLineAndTrainsNothing() throws Exception {
        Path csv = Files.writeString(temp.resolve("bad.csv"), "x1,x2,label\n1,2,1\n3,4,2\n");
        Outcome o = run("beans", "--points", csv.toString(), "--epochs", "2", "--output-dir",
                temp.resolve("out").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().startsWith("error: " + csv + " row 3, column 3 (label): '2' is not 0 or 1."), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertFalse(Files.exists(temp.resolve("out")), "nothing trained, nothing written");
    }

    @Test
    void dataOptionsThatContradictEachOther() {
        Outcome both = run("beans", "--points", "x.csv", "--shape", "xor");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give one or the other"), both.err());
        Outcome unknown = run("beans", "--shape", "moons");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: unknown shape 'moons'; choose spiral, circle, xor or blobs"),
                unknown.err());
        assertTrue(run("beans", "--noise", "-1").err().contains("--noise must be between 0 and 100, got -1.0"));
    }

    @Test
    void anotherShapeTrainsAndIsRecorded() throws Exception {
        Outcome o = run("beans", "--shape", "circle", "--noise", "0.05", "--epochs", "2", "--seed", "3",
                "--output-dir", temp.toString());
        assertEquals(0, o.code(), o.err());
        Path run;
        try (var list = Files.list(temp.resolve("beans"))) {
            run = list.findFirst().orElseThrow();
        }
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertEquals("BeansData[m=100, positives=50, negatives=50, circle, noise +-0.05, seed 3]",
                config.get("data").asText());
        assertTrue(Files.size(run.resolve("beans-surface.png")) > 1000);
    }

    @Test
    void everyOptionNamesItsDefaultAndEachCommandItsOwn() {
        picocli.CommandLine root = Main.commandLine();
        CommandHelp.tailor(root);
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (picocli.CommandLine sub : root.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            for (picocli.CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                if (o.hidden()) { // an old name, answered with its new one: not in the help
                    continue;
                }
                String text = String.join(" ", o.description());
                boolean flag = o.arity().max() == 0;
                if (!flag && !o.required() && !text.contains("Default")) {
                    missing.add(sub.getCommandName() + " " + o.longestName());
                }
                if (!flag && !o.paramLabel().matches("[A-Z][A-Z0-9,|]*")) {
                    missing.add(sub.getCommandName() + " " + o.longestName() + " placeholder " + o.paramLabel());
                }
            }
        }
        assertEquals(java.util.List.of(), missing, "options without their default or with an odd placeholder");
        String lenet = run("lenet5", "--help").out().replaceAll("\\s+", " ");
        assertTrue(lenet.contains("Default: the post's 2048.") && lenet.contains("Default: 10;"), lenet);
        assertFalse(lenet.contains("beans 10") || lenet.contains("Default: 500"), "the beans' defaults: " + lenet);
        String beans = run("beans", "--help").out().replaceAll("\\s+", " ");
        assertTrue(beans.contains("Default: the post's 10.") && beans.contains("Default: 1 (faster"), beans);
    }

    @Test
    void theModernRecipeIsPrintedRecordedAndKeptOnResume() throws Exception {
        Outcome o = run("beans", "--training", "modern", "--epochs", "2", "--seed", "5", "--no-progress",
                "--output-dir", temp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("training: binary_crossentropy, adam(lr=0.001), beta_1 0.9, beta_2 0.999, epsilon"
                + " 1e-7 (--training modern) -- not the post's training"), o.out());
        Path run;
        try (var list = Files.list(temp.resolve("beans"))) {
            run = list.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode h = Json.MAPPER.readTree(run.resolve("config.json").toFile()).get("hyperParameters");
        assertEquals("binary_crossentropy", h.get("loss").asText());
        assertTrue(h.get("optimizer").asText().startsWith("Adam"), h.toString());
        assertEquals(0.001, h.get("learningRate").asDouble(), 0);
        assertEquals(10, h.get("batchSize").asInt(), "the beans keep the post's batch of 10");
        cnnvsmlp.Fixtures.asInterruptedAtItsEnd(run);
        Outcome other = run("beans", "--resume", run.toString(), "--training", "post");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("mean_squared_error, sgd(lr=0.05), no momentum (the run: binary_crossentropy,"
                + " adam(lr=0.001)"), other.err());
        Outcome post = run("beans", "--epochs", "1", "--no-progress", "--output-dir", temp.resolve("p").toString());
        assertTrue(post.out().contains("training: mean_squared_error, sgd(lr=0.05), no momentum, the post's"),
                post.out());
        Outcome mnist = run("mnist-mlp", "--training", "modern", "--help");
        assertEquals(0, mnist.code());
    }
}
