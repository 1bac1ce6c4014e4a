package cnnvsmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cnnvsmlp.run.Json;
import cnnvsmlp.runtime.RelaunchPlan;

/**
 * The launcher killed with SIGKILL (it cannot pass anything on): its child JVM notices, stops after its batch with a
 * checkpoint and ends, instead of training on as an orphan nobody can stop with Ctrl-C.
 */
class LauncherGoneTest {

    @TempDir
    Path temp;

    @Test
    void theChildOfAKilledLauncherStopsWithACheckpoint() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "beans", "--epochs", "5000", "--seed", "9", "--checkpoint-every", "50",
                "--no-progress", "--output-dir", temp.toString()).redirectErrorStream(true)
                .redirectOutput(temp.resolve("launcher.log").toFile());
        builder.environment().remove(RelaunchPlan.CHILD);
        Process launcher = builder.start();
        Path state = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (state == null && System.nanoTime() < deadline && launcher.isAlive()) {
            try (Stream<Path> runs = Files.isDirectory(temp.resolve("beans")) ? Files.list(temp.resolve("beans"))
                    : Stream.empty()) {
                state = runs.map(r -> r.resolve("checkpoint/state.json")).filter(Files::exists).findFirst()
                        .orElse(null);
            }
            Thread.sleep(50);
        }
        List<ProcessHandle> children = launcher.toHandle().children().toList();
        Assumptions.assumeTrue(!children.isEmpty(), "this machine needs no child JVM: "
                + Files.readString(temp.resolve("launcher.log")));
        assertTrue(state != null, "no checkpoint: " + Files.readString(temp.resolve("launcher.log")));
        launcher.destroyForcibly().waitFor();
        ProcessHandle child = children.get(0);
        child.onExit().get(60, TimeUnit.SECONDS); // before: it trained on under PID 1
        Path run = state.getParent().getParent();
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertEquals("interrupted", config.get("status").asText(), Files.readString(temp.resolve("launcher.log")));
        assertTrue(Files.exists(run.resolve("checkpoint/state.json")));
        assertTrue(Files.readString(run.resolve("console.txt")).contains("interrupted"), "it says so in its console");
    }
}
