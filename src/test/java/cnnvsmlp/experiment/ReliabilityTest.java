package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.train.TrainingDiverged;

/** Bad situations around a run: each ends with one clear line, and what was written stays whole. */
class ReliabilityTest {

    @TempDir
    Path temp;

    /** The beans experiment of seed 1, its data and pictures passed through {@code data} and {@code pictures}. */
    private static Experiment beans(UnaryOperator<Experiment.Data> data, UnaryOperator<Experiment.Pictures> pictures) {
        BeansExperiment beans = BeansExperiment.post(1);
        return new Experiment() {
            @Override
            public ExperimentId id() {
                return beans.id();
            }

            @Override
            public MultiLayerNetwork network(long seed, cnnvsmlp.model.Recipe recipe) {
                return beans.network(seed, recipe);
            }

            @Override
            public Data data() {
                return data.apply(beans.data());
            }

            @Override
            public Pictures pictures(MultiLayerNetwork network, RunSpec spec, Path folder) {
                return pictures.apply(beans.pictures(network, spec, folder));
            }
        };
    }

    private RunContext quietContext() {
        return RunContext.defaults().outputDir(temp).threads(1).showProgress(false).command("test")
                .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    }

    /**
     * SIGTERM while a run writes its files after the last epoch (before: the JVM quit at once with 143, config.json
     * left "running", no console.txt, the lock left): the run finishes its files and says the request came late.
     */
    @Test
    void aStopRequestedWhileTheRunWritesItsFilesLetsItFinishThemAndSaysSo() throws Exception {
        Experiment signalled = beans(UnaryOperator.identity(), real -> new Experiment.Pictures() {
            @Override
            public void resumed(int completedEpochs) {
                real.resumed(completedEpochs);
            }

            @Override
            public void started(int epochs, int batchesPerEpoch) {
                real.started(epochs, batchesPerEpoch);
            }

            @Override
            public void batchDone() {
                real.batchDone();
            }

            @Override
            public void epochDone(cnnvsmlp.run.EpochResult result) {
                real.epochDone(result);
            }

            @Override
            public void finished() {
                real.finished();
            }

            @Override
            public void draw(MultiLayerNetwork trained, Path into) {
                sun.misc.Signal.raise(new sun.misc.Signal("TERM")); // as `kill PID` would, in the finish
                try {
                    Thread.sleep(500); // the JVM's signal thread runs the handler meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                real.draw(trained, into);
            }
        });
        RunSpec spec = RunSpec.post(ExperimentId.BEANS).epochs(20, "--epochs").seed(1).build();
        RunResult result = Run.run(signalled, spec, quietContext());
        Path run = result.folder();
        assertEquals("finished", Json.MAPPER.readTree(run.resolve("config.json").toFile()).get("status").asText());
        assertTrue(Files.readString(run.resolve("console.txt")).contains("the stop request came after the last epoch:"
                + " the run finished and its files are complete"));
        assertTrue(Files.exists(run.resolve("beans-surface.png")) && Files.exists(run.resolve("model.zip")));
        try (RunFolder.RunLock again = RunFolder.open(run).lock()) {
            assertTrue(again != null, "the lock is free");
        }
    }

    @Test
    void aDivergingRunStopsWithWhereAndKeepsWhatWasDoneMarkedDiverged() throws Exception {
        // a NaN coordinate in the data makes the loss NaN in the batch that holds it, with any CPU's kernels
        // (an absurd learning rate overflowed on some CPUs and not on others)
        Experiment poisoned = beans(data -> {
            data.train().getFeatures().putScalar(42, 1, Double.NaN);
            return data;
        }, UnaryOperator.identity());
        RunSpec spec = RunSpec.post(ExperimentId.BEANS).epochs(50, "--epochs").seed(1).build();
        RunContext context = quietContext();
        TrainingDiverged e = assertThrows(TrainingDiverged.class,
                () -> Run.run(poisoned, spec, context));
        assertTrue(e.getMessage().matches("training diverged: the loss became (NaN|Infinity) at epoch \\d+, batch \\d+"
                + " \\(last finite batch loss .*\\); lower the learning rate or check the input data"), e.getMessage());
        Path run;
        try (Stream<Path> runs = Files.list(temp.resolve("beans"))) {
            run = runs.findFirst().orElseThrow();
        }
        assertEquals("diverged", Json.MAPPER.readTree(run.resolve("config.json").toFile()).get("status").asText());
        assertTrue(Files.readString(run.resolve("console.txt")).contains("diverged: training diverged"));
        assertTrue(Files.readString(run.resolve("history.csv")).startsWith("epoch,train_loss"));
    }

    @Test
    void impossibleOptionsAreOneLineEach() {
        assertEquals("error: --seed must be between 0 and 4294967295, got -1",
                run("beans", "--seed", "-1").err().lines().findFirst().orElseThrow());
        assertEquals("error: --batch-size must be at most 1000000, got 2000000",
                run("mnist-mlp", "--batch-size", "2000000").err().lines().findFirst().orElseThrow());
        assertEquals("error: --epochs must be between 1 and 1000000, got 0",
                run("lenet5", "--epochs", "0").err().lines().findFirst().orElseThrow());
        assertEquals("error: --checkpoint-every must be between 0 and 1000000, got -5",
                run("beans", "--checkpoint-every", "-5").err().lines().findFirst().orElseThrow());
        assertTrue(run("compare", "--seeds", "0").err().startsWith("error: --seeds must be between 1 and 100, got 0"));
        assertTrue(run("all", "--resume", "x").err().startsWith("error: Unknown options: '--resume'"),
                "--resume continues one experiment's run, so only the experiments take it");
    }

    /** A read-only file system and a full one, as real mounts (needs root; skipped otherwise). */
    @Test
    void anUnwritableOrFullOutputFolderIsNamedAndLeavesNothingHalfWritten() throws Exception {
        Path readOnly = Files.createDirectories(temp.resolve("ro"));
        Path small = Files.createDirectories(temp.resolve("small"));
        assumeTrue(mount(readOnly, "ro,size=64k") && mount(small, "size=96k"), "needs root to mount a tmpfs");
        try {
            Outcome ro = run("beans", "--epochs", "2", "--output-dir", readOnly.resolve("results").toString());
            assertEquals(1, ro.code());
            assertTrue(ro.err().startsWith("error: cannot create the run folder " + readOnly.resolve("results"))
                    && ro.err().contains("Read-only file system"), ro.err());

            Outcome full = run("beans", "--epochs", "2", "--output-dir", small.toString());
            assertEquals(1, full.code());
            assertTrue(full.err().startsWith("error: cannot write ") && full.err().contains("free disk space"),
                    full.err());
            try (Stream<Path> dirs = Files.walk(small)) {
                assertTrue(dirs.noneMatch(p -> p.getFileName().toString().startsWith("checkpoint.writing-")),
                        "no half-written checkpoint is left");
            }
            try (Stream<Path> files = Files.walk(small)) {
                List<Path> all = files.filter(Files::isRegularFile).toList();
                assertTrue(all.stream().noneMatch(p -> p.getFileName().toString().startsWith(".")),
                        "no temporary file is left: " + all);
                for (Path p : all) {
                    if (p.toString().endsWith(".json")) {
                        Json.MAPPER.readTree(p.toFile()); // every JSON written is whole
                    }
                }
            }
        } finally {
            unmount(readOnly);
            unmount(small);
        }
    }

    @Test
    void twoRunsIntoOneResultsFolderAtOnceBothFinishWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> runs = new ArrayList<>();
            for (String seed : new String[] {"1", "2"}) {
                runs.add(pool.submit(() -> run("beans", "--epochs", "3", "--seed", seed, "--output-dir",
                        temp.toString())));
            }
            for (Future<Outcome> f : runs) {
                Outcome o = f.get(120, TimeUnit.SECONDS);
                assertEquals(0, o.code(), o.err());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> list = Files.list(temp.resolve("beans"))) {
            for (Path run : list.toList()) {
                JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
                assertEquals("finished", config.get("status").asText(), run.toString());
                assertTrue(Files.exists(run.resolve("model.zip")));
            }
        }
        assertTrue(Files.readString(temp.resolve("README.md")).startsWith("# Results"));
    }

    private static boolean mount(Path dir, String options) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void unmount(Path dir) throws Exception {
        new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }
}
