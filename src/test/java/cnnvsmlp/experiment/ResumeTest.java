package cnnvsmlp.experiment;

import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.cli.Main;
import cnnvsmlp.run.Json;

/**
 * Checkpoints and exact resume: a run killed (SIGKILL) or interrupted (SIGINT) in a child JVM and resumed ends with
 * the same parameters, bit for bit, and the same history as the same run left alone.
 */
class ResumeTest {

    static final String[] RUN = {"beans", "--epochs", "300", "--seed", "9", "--checkpoint-every", "20", "--no-progress"};

    @TempDir
    static Path shared;

    static Path reference;

    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @BeforeAll
    static void runUninterrupted() throws IOException {
        Outcome o = run(with(RUN, "--output-dir", shared.resolve("reference").toString()));
        assertEquals(0, o.code(), o.err());
        reference = onlyRun(shared.resolve("reference"));
    }

    static Path onlyRun(Path output) throws IOException {
        try (Stream<Path> list = Files.list(output.resolve("beans"))) {
            return list.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** Starts the run in a child JVM and waits until its checkpoint has at least {@code epochs} epochs. */
    static Process startAndWaitForCheckpoint(Path output, int epochs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(java, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()), Stream.of(with(RUN, "--output-dir",
                output.toString()))).toList()).redirectErrorStream(true).redirectOutput(output.resolve("child.log")
                .toFile());
        Files.createDirectories(output);
        builder.environment().put("CNNVSMLP_CHILD_JVM", "1");
        Process child = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Path beans = output.resolve("beans");
            if (Files.isDirectory(beans)) {
                try (Stream<Path> runs = Files.list(beans)) {
                    for (Path r : runs.toList()) {
                        Path state = r.resolve("checkpoint/state.json");
                        if (Files.exists(state) && Json.MAPPER.readTree(state.toFile()).get("completedEpochs").asInt()
                                >= epochs) {
                            return child;
                        }
                    }
                } catch (IOException e) {
                    // a checkpoint being swapped in: look again
                }
            }
            assertTrue(child.isAlive(), "the child ended early: " + Files.readString(output.resolve("child.log")));
            Thread.sleep(20);
        }
        child.destroyForcibly();
        throw new AssertionError("no checkpoint after 120 s: " + Files.readString(output.resolve("child.log")));
    }

    static void assertSameAsReference(Path run) throws Exception {
        MultiLayerNetwork expected = ModelSerializer.restoreMultiLayerNetwork(reference.resolve("model.zip").toFile());
        MultiLayerNetwork actual = ModelSerializer.restoreMultiLayerNetwork(run.resolve("model.zip").toFile());
        assertArrayEquals(expected.params().toFloatVector(), actual.params().toFloatVector(), 0f,
                "the same parameters, bit for bit");
        assertEquals(learning(reference), learning(run), "the same losses and accuracies, epoch by epoch");
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertEquals("finished", config.get("status").asText());
        assertTrue(config.get("command").asText().contains("(resumed: cnn-vs-mlp beans --resume"), config.toString());
    }

    static void assertCloseToReference(Path run, double tolerance) throws Exception {
        MultiLayerNetwork expected = ModelSerializer.restoreMultiLayerNetwork(reference.resolve("model.zip").toFile());
        MultiLayerNetwork actual = ModelSerializer.restoreMultiLayerNetwork(run.resolve("model.zip").toFile());
        float[] e = expected.params().toFloatVector();
        float[] a = actual.params().toFloatVector();
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance, "parameter " + i);
        }
        List<String> want = learning(reference);
        List<String> got = learning(run);
        assertEquals(want.size(), got.size(), "the same epochs");
        for (int line = 1; line < want.size(); line++) {
            String[] w = want.get(line).split(",");
            String[] g = got.get(line).split(",");
            for (int c = 0; c < w.length; c++) {
                assertEquals(Double.parseDouble(w[c]), Double.parseDouble(g[c]), tolerance, "history line " + line);
            }
        }
        assertEquals("finished", Json.MAPPER.readTree(run.resolve("config.json").toFile()).get("status").asText());
    }

    /** history.csv without the timing columns. */
    static List<String> learning(Path run) throws IOException {
        return Files.readAllLines(run.resolve("history.csv")).stream()
                .map(l -> String.join(",", List.of(l.split(",")).subList(0, 5))).toList();
    }

    @Test
    void killedWithSigkillThenResumedEndsBitIdentical() throws Exception {
        Path output = shared.resolve("killed");
        Process child = startAndWaitForCheckpoint(output, 60);
        child.destroyForcibly().waitFor(); // SIGKILL: no chance to save anything more
        Path run = onlyRun(output);
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertEquals("running", config.get("status").asText(), "killed while running");
        assertFalse(Files.exists(run.resolve("model.zip")));

        int saved = Json.MAPPER.readTree(run.resolve("checkpoint/state.json").toFile()).get("completedEpochs").asInt();
        Outcome resumed = run("beans", "--resume", run.toString(), "--no-progress");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resuming from the checkpoint after "), resumed.out());
        assertSameAsReference(run);
        JsonNode segments = Json.MAPPER.readTree(run.resolve("config.json").toFile()).get("segments");
        assertEquals("killed", segments.get(0).get("status").asText(), "the killed sitting is closed as such");
        assertEquals(saved, segments.get(0).get("toEpoch").asInt(), "at its last checkpoint");
        assertEquals(saved, segments.get(1).get("fromEpoch").asInt());
    }

    @Test
    void ctrlCFinishesTheBatchSavesACheckpointAndExits130() throws Exception {
        Path output = shared.resolve("interrupted");
        Process child = startAndWaitForCheckpoint(output, 40);
        new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(output.resolve("child.log"));
        assertEquals(130, child.exitValue(), log);
        Path run = onlyRun(output);
        assertTrue(log.contains("interrupted: stopped after ") && log.contains("continue with: cnn-vs-mlp beans --resume "
                + run), log);
        assertEquals("interrupted", Json.MAPPER.readTree(run.resolve("config.json").toFile()).get("status").asText());
        int done = Json.MAPPER.readTree(run.resolve("checkpoint/state.json").toFile()).get("completedEpochs").asInt();
        assertEquals(done + 1, Files.readAllLines(run.resolve("history.csv")).size(), "the partial history is kept");

        Outcome resumed = run("beans", "--resume", run.toString(), "--no-progress");
        assertEquals(0, resumed.code(), resumed.err());
        assertSameAsReference(run);
    }

    /**
     * A checkpoint written by an earlier layout of the code (src/test/resources/fixtures/beans-checkpoint-bb1f9f8,
     * whose model.zip names the speed layer by its old package) resumes and ends as the run left alone.
     */
    @Test
    void aCheckpointWrittenBeforeThePackageSplitResumesToTheSameHistory() throws Exception {
        Path fixture = Path.of("src/test/resources/fixtures/beans-checkpoint-bb1f9f8");
        Path run = shared.resolve("old-layout").resolve("beans").resolve("20261130-044548-seed9");
        Files.createDirectories(run.getParent());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path f : files.toList()) {
                Files.copy(f, run.resolve(fixture.relativize(f).toString()));
            }
        }
        Outcome resumed = run("beans", "--resume", run.toString(), "--no-progress");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resuming from the checkpoint after 20 epochs"), resumed.out());
        String fixtureCore = Json.MAPPER.readTree(fixture.resolve("config.json").toFile()).get("environment")
                .get("cpuKernels").get("openblasCore").asText();
        if (fixtureCore.equals(cnnvsmlp.runtime.OpenBlasProbe.coreName().orElse("unknown"))) {
            assertSameAsReference(run);
        } else {
            // its first 20 epochs ran under another OpenBLAS kernel (float32 sums in another order): the same run
            // to float32 rounding, not bit for bit (a checkpoint read wrongly ends elsewhere by far more)
            assertCloseToReference(run, 1e-5);
        }
        // the fixture's config.json has no segments: its first one is made from its environment and checkpoint
        JsonNode segments = Json.MAPPER.readTree(run.resolve("config.json").toFile()).get("segments");
        assertEquals(2, segments.size(), segments.toString());
        assertEquals("bb1f9f8e517c242895b1521ff85817370c813377", segments.get(0).get("commit").asText());
        assertEquals(0, segments.get(0).get("fromEpoch").asInt());
        assertEquals(20, segments.get(0).get("toEpoch").asInt());
        assertEquals(20, segments.get(1).get("fromEpoch").asInt());
        assertEquals(300, segments.get(1).get("toEpoch").asInt());
        assertEquals("finished", segments.get(1).get("status").asText());
    }

    /**
     * A finished run given a larger budget continues from its model.zip and history.csv (no checkpoint is kept
     * once a run finishes) and ends as the run started with that budget: the post's 5000-epoch runs grow from
     * shorter ones this way.
     */
    @Test
    void aFinishedRunExtendedToALargerBudgetEndsAsTheRunStartedWithIt() throws Exception {
        Path output = shared.resolve("extended");
        Outcome shorter = run("beans", "--epochs", "120", "--seed", "9", "--no-progress", "--output-dir",
                output.toString());
        assertEquals(0, shorter.code(), shorter.err());
        Path run = onlyRun(output);
        assertFalse(Files.exists(run.resolve("checkpoint")), "a finished run keeps no checkpoint");
        Outcome extended = run("beans", "--resume", run.toString(), "--epochs", "300", "--no-progress");
        assertEquals(0, extended.code(), extended.err());
        assertTrue(extended.out().contains("resuming from the checkpoint after 120 epochs"), extended.out());
        assertSameAsReference(run);
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertEquals(300, config.get("budget").get("epochs").asInt());
        JsonNode segments = config.get("segments");
        assertEquals(2, segments.size(), segments.toString());
        assertEquals(120, segments.get(0).get("toEpoch").asInt());
        assertEquals("finished", segments.get(0).get("status").asText(), "the first budget ended as planned");
        assertEquals(120, segments.get(1).get("fromEpoch").asInt());
        assertEquals(300, segments.get(1).get("toEpoch").asInt());
        for (JsonNode segment : segments) { // what each sitting's training cost, and beside what
            assertTrue(segment.get("cpuSeconds").asDouble() > 0, segment.toString());
            assertTrue(segment.get("niceness").isInt(), segment.toString());
            assertTrue(segment.get("loadAverage").asDouble() >= 0, segment.toString());
        }
    }

    @Test
    void aResumedRunKeepsItsThreadsUnlessToldOtherwise() throws Exception {
        Path run = copyOfAnInterruptedRun("threads");
        var config = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(run.resolve("config.json")
                .toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("hyperParameters")).put("threads", 2);
        Files.writeString(run.resolve("config.json"), Json.MAPPER.writeValueAsString(config));
        Outcome resumed = run("beans", "--resume", run.toString(), "--no-progress");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("seed 9, 2 threads"), resumed.out());
        JsonNode after = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertEquals(2, after.get("hyperParameters").get("threads").asInt());
        assertTrue(after.get("segments").get(1).get("machine").asText().contains("threads: OpenBLAS 2"),
                after.get("segments").toString());
    }

    @Test
    void resumingWithAnotherConfigurationIsRefusedNamingTheDifferences() throws Exception {
        Path run = copyOfAnInterruptedRun("refused");
        Outcome o = run("beans", "--resume", run.toString(), "--epochs", "200", "--seed", "3");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: cannot resume " + run + " with another configuration: epochs 200 (the"
                + " run: 300; a budget can grow, not shrink), --seed 3 (the run: 9)"), o.err());
        Outcome other = run("lenet5", "--resume", run.toString());
        assertEquals(2, other.code());
        assertTrue(other.err().contains("is a run of beans, not of lenet5; resume it with: cnn-vs-mlp beans --resume"),
                other.err());
        Outcome data = run("beans", "--resume", run.toString(), "--shape", "xor");
        assertEquals(1, data.code());
        assertTrue(data.err().contains("cannot resume " + run + " on other data"), data.err());
    }

    @Test
    void aDamagedCheckpointOrAFinishedRunIsRefused() throws Exception {
        Path run = copyOfAnInterruptedRun("damaged");
        Files.write(run.resolve("checkpoint/model.zip"), new byte[] {1, 2, 3});
        Outcome o = run("beans", "--resume", run.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().startsWith("error: the checkpoint in " + run.resolve("checkpoint") + " cannot be read"),
                o.err());
        Outcome finished = run("beans", "--resume", reference.toString());
        assertEquals(1, finished.code());
        assertTrue(finished.err().contains("finished its 300 epochs already; give --epochs with a larger budget to"
                + " extend it"), finished.err());
        Outcome same = run("beans", "--resume", reference.toString(), "--epochs", "300");
        assertEquals(1, same.code());
        assertTrue(same.err().contains("finished its 300 epochs already"), same.err());
        Outcome nothing = run("beans", "--resume", shared.toString());
        assertEquals(1, nothing.code());
        assertTrue(nothing.err().contains("is not a run folder"), nothing.err());
    }

    /** The reference run's folder, made to look interrupted at its last epoch (300). */
    private static Path copyOfAnInterruptedRun(String name) throws IOException {
        Path run = shared.resolve(name).resolve("beans").resolve(reference.getFileName());
        assertFalse(Files.exists(reference.resolve("checkpoint")), "a finished run keeps no checkpoint");
        Files.createDirectories(run);
        for (String f : new String[] {"config.json", "history.csv", "model.zip"}) {
            Files.copy(reference.resolve(f), run.resolve(f));
        }
        cnnvsmlp.Fixtures.asInterruptedAtItsEnd(run);
        return run;
    }
}
