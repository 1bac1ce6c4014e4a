package cnnvsmlp.experiment;

import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.TestData;
import cnnvsmlp.run.Json;

/**
 * {@code compare --resume}: a comparison stopped part-way (one run interrupted after its checkpoint, one never
 * started) ends with the accuracies and differences of the same comparison left alone.
 */
class ComparisonResumeTest {

    @TempDir
    Path results;

    @Test
    @Tag("real-data")
    void anInterruptedComparisonResumesToTheSameResult() throws Exception {
        String data = TestData.mnistDir().toString();
        Outcome whole = run("compare", "--epochs", "1", "--seeds", "2", "--seed", "5", "--no-progress", "--data-dir",
                data, "--output-dir", results.toString());
        assertEquals(0, whole.code(), whole.err());
        Path compare = only(results.resolve("compare"));
        JsonNode reference = Json.MAPPER.readTree(compare.resolve("summary.json").toFile());
        JsonNode plan = Json.MAPPER.readTree(compare.resolve("plan.json").toFile());
        assertEquals("finished", plan.get("status").asText());
        assertEquals(4, plan.get("runs").size());

        // as if stopped: the MLP of seed 6 interrupted (its checkpoint kept), LeNet-5 of seed 6 never started
        ObjectNode stopped = (ObjectNode) plan.deepCopy();
        stopped.put("status", "interrupted");
        Path lenet = ComparisonRuns.located(compare, stopped.get("runs").get("lenet5 seed 6").asText());
        assertTrue(stopped.get("runs").get("lenet5 seed 6").asText().startsWith("../../lenet5/"), "relative to the plan");
        ((ObjectNode) stopped.get("runs")).remove("lenet5 seed 6");
        Files.writeString(compare.resolve("plan.json"), Json.write(stopped));
        Files.delete(compare.resolve("summary.json"));
        deleteTree(lenet);
        Path mlp = ComparisonRuns.located(compare, stopped.get("runs").get("mnist-mlp seed 6").asText());
        assertFalse(Files.exists(mlp.resolve("checkpoint")), "a finished run keeps no checkpoint");
        cnnvsmlp.Fixtures.asInterruptedAtItsEnd(mlp);

        Outcome resumed = run("compare", "--resume", compare.toString(), "--no-progress", "--data-dir", data);
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("continuing " + mlp + " (mnist-mlp seed 6)"), resumed.out());
        JsonNode after = Json.MAPPER.readTree(compare.resolve("summary.json").toFile());
        for (String field : new String[] {"meanDifference", "sdDifference", "ciLow", "ciHigh"}) {
            assertEquals(reference.get(field).asDouble(), after.get(field).asDouble(), 0.0, field);
        }
        assertEquals(reference.get("mlp").get("accuracies"), after.get("mlp").get("accuracies"));
        assertEquals(reference.get("cnn").get("accuracies"), after.get("cnn").get("accuracies"));
        assertEquals("finished", Json.MAPPER.readTree(compare.resolve("plan.json").toFile()).get("status").asText());

        Outcome contradicting = run("compare", "--resume", compare.toString(), "--epochs", "3");
        assertEquals(2, contradicting.code());
        assertTrue(contradicting.err().startsWith("error: --resume continues with the plan's budget, seeds, batch size"
                + ", threads, training and data set; leave out --epochs"), contradicting.err());
        Outcome otherData = run("compare", "--resume", compare.toString(), "--dataset", "fashion-mnist");
        assertEquals(2, otherData.code());
        assertTrue(otherData.err().contains("training and data set; leave out --dataset"), otherData.err());
        Outcome notAComparison = run("compare", "--resume", results.toString());
        assertEquals(1, notAComparison.code());
        assertTrue(notAComparison.err().contains("is not a comparison that can be resumed (no plan.json)"),
                notAComparison.err());
    }

    private static Path only(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
