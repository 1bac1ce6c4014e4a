package cnnvsmlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.cli.Main;
import cnnvsmlp.run.Json;

/**
 * A run started as a user starts it (the launcher JVM and its child with the CPU kernels), stopped by a signal as
 * timeout, docker stop, systemd or a closed terminal send it: one orderly stop with a checkpoint, every time.
 */
class SignalsTest {

    @TempDir
    Path temp;

    /** The command line in a session of its own (its pid is its process group), launcher and child. */
    private Process start(Path output) throws Exception {
        return start(output, 5000, "epoch ");
    }

    /** The same, {@code epochs} long, returned as soon as the log shows {@code awaited}. */
    private Process start(Path output, int epochs, String awaited) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder("setsid", java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "beans", "--epochs", String.valueOf(epochs), "--seed", "3", "--no-progress", "--output-dir",
                output.toString()).redirectErrorStream(true).redirectOutput(temp.resolve("log.txt").toFile());
        builder.environment().remove("CNNVSMLP_CHILD_JVM");
        Process launcher = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.readString(temp.resolve("log.txt")).contains(awaited)) {
                return launcher;
            }
            assertTrue(launcher.isAlive(), Files.readString(temp.resolve("log.txt")));
            Thread.sleep(5);
        }
        launcher.destroyForcibly();
        throw new AssertionError("the run did not start training: " + Files.readString(temp.resolve("log.txt")));
    }

    private void stopsOnceWithACheckpoint(Process launcher, Path output, String signal, int code) throws Exception {
        assertTrue(launcher.waitFor(120, TimeUnit.SECONDS), "still running after " + signal);
        String log = Files.readString(temp.resolve("log.txt"));
        assertEquals(code, launcher.exitValue(), log);
        assertEquals(1, log.lines().filter(l -> l.startsWith(signal + " received")).count(), log);
        Path run;
        try (Stream<Path> runs = Files.list(output.resolve("beans"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertEquals("interrupted", config.get("status").asText(), log);
        assertTrue(Files.exists(run.resolve("checkpoint/state.json")), "a checkpoint");
        assertTrue(Files.readString(run.resolve("history.csv")).startsWith("epoch,"), "the history so far");
        assertTrue(Files.readString(run.resolve("console.txt")).contains("interrupted: stopped after "), "the console");
    }

    @Test
    void aSigtermToTheWholeProcessGroupIsOneOrderlyStop() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs setsid");
        Path output = temp.resolve("group");
        Process launcher = start(output);
        new ProcessBuilder("kill", "-TERM", "--", "-" + launcher.pid()).start().waitFor(); // as timeout(1) does
        stopsOnceWithACheckpoint(launcher, output, "TERM", 143);
    }

    @Test
    void aSighupOrSigintToTheLauncherAloneReachesTheTraining() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs setsid");
        for (var signal : List.of(new Object[] {"HUP", 129}, new Object[] {"INT", 130})) {
            Path output = temp.resolve("alone-" + signal[0]);
            Process launcher = start(output);
            new ProcessBuilder("kill", "-" + signal[0], String.valueOf(launcher.pid())).start().waitFor();
            stopsOnceWithACheckpoint(launcher, output, (String) signal[0], (Integer) signal[1]);
        }
    }

    @Test
    void aSigtermJustAfterTheLastEpochLetsTheRunFinishItsFilesAndSaysSo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs setsid");
        Path output = temp.resolve("late");
        // the last epoch's line is printed before the run writes its model, pictures and config.json
        Process launcher = start(output, 30, "epoch 30/30");
        new ProcessBuilder("kill", "-TERM", "--", "-" + launcher.pid()).start().waitFor();
        assertTrue(launcher.waitFor(120, TimeUnit.SECONDS), "still running after TERM");
        String log = Files.readString(temp.resolve("log.txt"));
        assertEquals(0, launcher.exitValue(), log);
        assertTrue(log.contains("the stop request came after the last epoch: the run finished and its files are"
                + " complete"), log);
        Path run;
        try (Stream<Path> runs = Files.list(output.resolve("beans"))) {
            run = runs.findFirst().orElseThrow();
        }
        assertEquals("finished", Json.MAPPER.readTree(run.resolve("config.json").toFile()).get("status").asText(), log);
        assertTrue(Files.exists(run.resolve("model.zip")) && Files.exists(run.resolve("beans-surface.png")), log);
        assertTrue(Files.readString(run.resolve("console.txt")).contains("the stop request came after the last"
                + " epoch"), "the console keeps the line");
        assertTrue(Files.notExists(run.resolve(".lock")), "the lock is gone");
    }
}
