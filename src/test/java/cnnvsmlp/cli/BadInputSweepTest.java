package cnnvsmlp.cli;

import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.data.BeansData;
import cnnvsmlp.report.chart.BeansSurface;
import cnnvsmlp.run.RunFolder;

/**
 * Every subcommand with bad arguments: one clear line, exit 1 (a problem to fix) or 2 (a bad command line), no
 * Java stack trace, nothing trained.
 */
class BadInputSweepTest {

    @TempDir
    Path temp;

    @Test
    void everySubcommandAnswersBadArgumentsWithOneLineAndNoStackTrace() throws Exception {
        Path notARun = Files.createDirectories(temp.resolve("not-a-run"));
        Path edited = Files.createDirectories(temp.resolve("edited"));
        Files.writeString(edited.resolve("config.json"), "[]");
        Path halfEdited = Files.createDirectories(temp.resolve("half-edited"));
        Files.writeString(halfEdited.resolve("config.json"), "{\"experiment\": \"beans\", \"status\": \"interrupted\","
                + " \"started\": \"yesterday\"}");
        String missing = temp.resolve("missing").toString();
        Path torchLog = Files.writeString(temp.resolve("torch.log"), "RESULT fw=torch model=mlp batch=64 train_s=5.7\n");
        List<List<String>> cases = List.of(
                List.of("beans", "--epochs", "-1"), List.of("beans", "--epochs", "abc"), List.of("beans", "--seed", "x"),
                List.of("beans", "--batch-size", "0"), List.of("beans", "--threads", "0"),
                List.of("beans", "--checkpoint-every", "-1"), List.of("beans", "--points", missing),
                List.of("beans", "--dataset", "nope"), List.of("beans", "--noise", "-1"),
                List.of("beans", "--resume", missing), List.of("beans", "--resume", notARun.toString()),
                List.of("beans", "--resume", edited.toString()), List.of("beans", "--resume", halfEdited.toString()),
                List.of("lenet5", "--resume", halfEdited.toString()),
                List.of("beans", "--output-dir", ""), List.of("beans", "--unknown"),
                List.of("beans", "--export-points", temp.resolve("no/such/folder/x.csv").toString()),
                List.of("beans", "--quick", "--epochs", "3"),
                List.of("mnist-mlp", "--data-dir", missing, "--epochs", "1", "--mirror", "http://127.0.0.1:9/"),
                List.of("mnist-mlp", "--mirror", "file:///tmp/mnist", "--epochs", "1"),
                List.of("mnist-mlp", "--epochs", "0"), List.of("lenet5", "--batch-size", "2000000"),
                List.of("lenet5", "--resume", notARun.toString(), "--output-dir", "x"),
                List.of("all", "--resume", "x"), List.of("all", "--epochs", "0"), List.of("all", "--output-dir", ""),
                List.of("compare", "--seeds", "0"), List.of("compare", "--resume", missing),
                List.of("compare", "--resume", notARun.toString()), List.of("compare", "--epochs", "3", "--quick"),
                List.of("export", "--output-dir", missing, "--notebooks-dir", temp.resolve("nb").toString()),
                List.of("bench", "--batch-sizes", "0"), List.of("bench", "--models", "nope"),
                List.of("bench", "--train-examples", "5"), List.of("bench", "--torch-log", missing),
                List.of("bench", "--djl-log", torchLog.toString()),
                List.of("fidelity-plot", "--torch-logs", temp.toString(), "--anchor", "keras"),
                List.of("bench", "--redraw", notARun.toString()),
                List.of("bench", "--redraw", notARun.toString(), "--torch-log", torchLog.toString()),
                List.of("mnist-mlp", "--training", "fast"), List.of("mnist-mlp", "--loss", "hinge"),
                List.of("lenet5", "--optimizer", "rmsprop"), List.of("lenet5", "--learning-rate", "0"),
                List.of("beans", "--loss", "categorical_crossentropy"), List.of("beans", "--augment", "elastic"),
                List.of("mnist-mlp", "--augment", "rotate"), List.of("compare", "--augment", "Elastic"),
                List.of("mnist-mlp", "--loss", "binary_crossentropy"),
                List.of("compare", "--resume", notARun.toString(), "--training", "modern"),
                List.of("serve", "--port", "70000"), List.of("serve", "--mlp", missing),
                List.of("serve", "--mlp", PredictCommandTest.MODEL.toString()),
                List.of("serve", "--output-dir", missing), List.of("serve", "--host", "no.such.host.invalid"),
                List.of("nope"), List.of("help", "nope"),
                List.of("predict", "--model", missing, "x.png"), List.of("predict"),
                List.of("predict", "--model", PredictCommandTest.MODEL.toString()),
                List.of("predict", "--model", PredictCommandTest.MODEL.toString(), "--point", "1,2"),
                List.of("predict", "--model", notARun.toString(), "x.png"));
        List<String> wrong = new ArrayList<>();
        for (List<String> args : cases) {
            Outcome o;
            try {
                o = run(args.toArray(String[]::new));
            } catch (RuntimeException | Error e) {
                wrong.add(args + ": threw " + e);
                continue;
            }
            String all = o.out() + o.err();
            if (o.code() != 1 && o.code() != 2 || all.contains("\tat ") || all.contains("Exception")
                    || o.err().isBlank()) {
                wrong.add(args + ": exit " + o.code() + ", " + all.strip().lines().limit(3).toList());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void nativeThreadSettingsAreCheckedBeforeNd4jLoads() {
        assertNull(Main.threadSettingsProblem(Map.of("OMP_NUM_THREADS", "2", "OPENBLAS_NUM_THREADS", "4,2")));
        assertEquals("OMP_NUM_THREADS=0 is not a positive whole number of threads; unset it or give e.g."
                + " OMP_NUM_THREADS=" + Runtime.getRuntime().availableProcessors() + " (or use --threads)",
                Main.threadSettingsProblem(Map.of("OMP_NUM_THREADS", "0")));
        assertTrue(Main.threadSettingsProblem(Map.of("OPENBLAS_NUM_THREADS", "abc")).startsWith(
                "OPENBLAS_NUM_THREADS=abc is not"));
    }

    @Test
    void aBeansCsvEditedInPlaceIsNotResumed() throws Exception {
        Path csv = temp.resolve("points.csv");
        assertEquals(0, run("beans", "--export-points", csv.toString()).code());
        Path out = temp.resolve("out");
        assertEquals(0, run("beans", "--points", csv.toString(), "--epochs", "3", "--no-progress", "--output-dir",
                out.toString()).code());
        Path runFolder;
        try (var runs = Files.list(out.resolve("beans"))) {
            runFolder = runs.findFirst().orElseThrow();
        }
        Path config = runFolder.resolve(RunFolder.CONFIG);
        Files.writeString(config, Files.readString(config).replace("\"finished\"", "\"interrupted\""));
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(5, lines.get(5).replaceFirst("^[^,]*", "0.123")); // the same file, rows and labels, one value edited
        Files.write(csv, lines);
        Outcome o = run("beans", "--resume", runFolder.toString(), "--points", csv.toString());
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().startsWith("error: cannot resume " + runFolder + " on other data: the points or images"
                + " differ from the run's"), o.err());
    }

    @Test
    void aByteOrderMarkIsSkippedAndAFirstRowThatIsNeitherHeaderNorDataIsNamed() throws Exception {
        Path csv = temp.resolve("bom.csv");
        assertEquals(0, run("beans", "--export-points", csv.toString()).code());
        List<String> rows = Files.readAllLines(csv).subList(1, 101);
        Files.writeString(csv, "\uFEFF" + String.join("\n", rows) + "\n");
        assertEquals(100, cnnvsmlp.data.BeansCsv.read(csv, cnnvsmlp.data.BeansCsv.Header.AUTO).size(),
                "the first row is data, not a header");
        Files.writeString(csv, "0.5,0.3x,1\n" + String.join("\n", rows) + "\n");
        Outcome o = run("beans", "--points", csv.toString(), "--epochs", "1");
        assertEquals(1, o.code());
        assertTrue(o.err().startsWith("error: " + csv + " row 1 is neither a header (three names, e.g. x1,x2,label)"
                + " nor data (three numbers): '0.5,0.3x,1'"), o.err());
    }

    @Test
    void theSurfaceGridIsBoundedBySizeNotByStep() {
        double[][] x = {{-320, -320}, {320, 320}, {0, 1}, {1, 0}};
        BeansData wide = BeansData.of(x, new int[] {0, 1, 0, 1}, "wide");
        double step = BeansSurface.stepFor(wide);
        assertEquals(640.0 / 200, step, 1e-12, "201 points across 640, not 6401");
        BeansData huge = BeansData.of(new double[][] {{-1e308, 0}, {1e308, 1}}, new int[] {0, 1}, "huge");
        assertFalse(Double.isNaN(BeansSurface.stepFor(huge)));
    }

    @Test
    void continueCommandsAreShellQuoted() {
        assertEquals("results/beans/x", RunFolder.shellQuoted(Path.of("results/beans/x")));
        assertEquals("'/tmp/my runs/beans/x'", RunFolder.shellQuoted(Path.of("/tmp/my runs/beans/x")));
        assertEquals("'/tmp/it'\\''s'", RunFolder.shellQuoted(Path.of("/tmp/it's")));
    }

    @Test
    void aDanglingLinkOrAFileWhereAFolderBelongsIsNamedAsSuch() throws Exception {
        Path dangling = Files.createSymbolicLink(temp.resolve("gone"), temp.resolve("nowhere"));
        Outcome link = run("beans", "--epochs", "1", "--output-dir", dangling.toString());
        assertEquals(1, link.code());
        assertEquals("error: " + dangling + " is a link to " + temp.resolve("nowhere") + ", which does not exist;"
                + " create that folder or pass another --output-dir", link.err().strip());
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("beans"), "not a folder");
        Outcome file = run("beans", "--epochs", "1", "--output-dir", out.toString());
        assertEquals(1, file.code());
        assertTrue(file.err().startsWith("error: " + out.resolve("beans") + " is a file, not a folder"), file.err());
    }

    @Test
    void aRunFolderIsTrainedByOneProcessAtATimeAndHalfWrittenCheckpointsAreCleanedUp() throws Exception {
        Path out = temp.resolve("locked");
        assertEquals(0, run("beans", "--epochs", "2", "--no-progress", "--output-dir", out.toString()).code());
        Path runFolder;
        try (var runs = Files.list(out.resolve("beans"))) {
            runFolder = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        cnnvsmlp.Fixtures.asInterruptedAtItsEnd(runFolder);
        Path stale = Files.createDirectories(runFolder.resolve("checkpoint.writing-999999"));
        Files.writeString(stale.resolve("model.zip"), "half");
        try (RunFolder.RunLock held = RunFolder.open(runFolder).lock()) {
            Outcome second = run("beans", "--resume", runFolder.toString(), "--no-progress");
            assertEquals(1, second.code());
            assertEquals("error: " + runFolder + " is being trained by another process right now; wait for it to end"
                    + " or stop it (Ctrl-C), then resume", second.err().strip());
        }
        Outcome resumed = run("beans", "--resume", runFolder.toString(), "--no-progress");
        assertEquals(0, resumed.code(), resumed.err());
        assertFalse(Files.exists(stale), "the half-written checkpoint of a dead process is removed");
        assertFalse(Files.exists(runFolder.resolve(".lock")), "the lock goes with the run");
    }

    @Test
    void theMnistCacheFollowsHome() {
        assertEquals(Path.of("/tmp/h/.cache/cnn-vs-mlp/mnist"),
                cnnvsmlp.data.MnistSource.defaultCacheDir(Map.of("HOME", "/tmp/h"),
                        cnnvsmlp.data.Dataset.MNIST));
        assertEquals(Path.of("/x/cnn-vs-mlp/mnist"),
                cnnvsmlp.data.MnistSource.defaultCacheDir(Map.of("HOME", "/tmp/h",
                        "XDG_CACHE_HOME", "/x"), cnnvsmlp.data.Dataset.MNIST));
        assertEquals(Path.of("/x/cnn-vs-mlp/fashion-mnist"), cnnvsmlp.data.MnistSource.defaultCacheDir(
                Map.of("XDG_CACHE_HOME", "/x"), cnnvsmlp.data.Dataset.FASHION_MNIST));;
    }

    @Test
    void servingOnAPortInUseIsOneLineThatSaysWhatToDo() throws Exception {
        var mlp = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(cnnvsmlp.model.MnistMlp.configuration(1));
        mlp.init();
        Path mlpZip = temp.resolve("mlp.zip");
        cnnvsmlp.run.ModelZip.write(mlp, mlpZip);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Outcome o = run("serve", "--port", String.valueOf(taken.getLocalPort()), "--mlp", mlpZip.toString(),
                    "--cnn", PredictCommandTest.MODEL.toString());
            assertEquals(1, o.code());
            assertTrue(o.err().startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    && o.err().contains("give another --port, or --port 0 for any free one")
                    && o.err().strip().lines().count() == 1, o.err());
        }
        Outcome kind = run("serve", "--mlp", PredictCommandTest.MODEL.toString());
        assertEquals(1, kind.code());
        assertTrue(kind.err().contains("is the LeNet-5, not the MNIST MLP 784-256-256-256-10; give --mlp a mnist-mlp"
                + " run"), kind.err());
    }
}
