package cnnvsmlp.experiment;

import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.run.Json;

/**
 * {@code compare --gather}: finished runs trained elsewhere become one comparison when they agree, and each run that
 * disagrees (code, data, recipe, budget, status, pairing) is named in one line, with nothing written. The runs are
 * copies of committed ones: both models, seeds 42-44, 50 epochs of the post's training, all from commit fefc3d8.
 */
class GatherTest {

    static final List<String> COMMITTED = List.of("mnist-mlp/20261128-165959-seed42", "mnist-mlp/20261128-170631-seed43",
            "mnist-mlp/20261128-171219-seed44", "lenet5/20261128-170127-seed42", "lenet5/20261128-170747-seed43",
            "lenet5/20261128-171326-seed44");

    @TempDir
    Path dir;

    Path sweep;
    Path out;

    @BeforeEach
    void copyTheRuns() throws IOException {
        sweep = dir.resolve("sweep");
        out = dir.resolve("out");
        for (String run : COMMITTED) {
            Path from = Path.of("results").resolve(run);
            Path to = sweep.resolve(run);
            Files.createDirectories(to);
            for (String file : new String[] {"config.json", "history.csv", "metrics.json"}) {
                Files.copy(from.resolve(file), to.resolve(file));
            }
        }
    }

    private Path copy(String name) {
        return sweep.resolve(COMMITTED.stream().filter(r -> r.contains(name)).findFirst().orElseThrow());
    }

    private static void editConfig(Path run, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode config = (ObjectNode) Json.MAPPER.readTree(run.resolve("config.json").toFile());
        edit.accept(config);
        Files.writeString(run.resolve("config.json"), Json.MAPPER.writeValueAsString(config));
    }

    private Outcome gather(String... places) {
        String[] args = Stream.concat(Stream.of("compare", "--gather"), Stream.of(places)).toArray(String[]::new);
        return cnnvsmlp.Cli.run(Stream.concat(Stream.of(args), Stream.of("--output-dir", out.toString()))
                .toArray(String[]::new));
    }

    private boolean nothingWritten() {
        return !Files.exists(out.resolve("compare"));
    }

    @Test
    void agreeingRunsBecomeOneComparisonOfTheirSeedsWithThePairedStatistics() throws Exception {
        Outcome o = gather(sweep.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("gathered 3 seeds [42, 43, 44] of mnist-mlp and lenet5, 50 epochs, batch 2048"),
                o.out());
        Path comparison;
        try (Stream<Path> list = Files.list(out.resolve("compare"))) {
            comparison = list.findFirst().orElseThrow();
        }
        JsonNode plan = Json.MAPPER.readTree(comparison.resolve("plan.json").toFile());
        assertEquals(50, plan.get("epochs").asInt());
        assertEquals("finished", plan.get("status").asText());
        assertEquals(6, plan.get("runs").size());
        assertTrue(plan.get("runs").get("lenet5 seed 43").asText().endsWith("20261128-170747-seed43"));
        JsonNode summary = Json.MAPPER.readTree(comparison.resolve("summary.json").toFile());
        String md = Files.readString(comparison.resolve("summary.md"));
        // each seed's final accuracy is the run's own metrics.json
        for (String run : COMMITTED) {
            double accuracy = Json.MAPPER.readTree(sweep.resolve(run).resolve("metrics.json").toFile())
                    .get("accuracy").asDouble();
            assertTrue(md.contains(String.format(java.util.Locale.ROOT, "%.2f %%", 100 * accuracy)), run + "\n" + md);
        }
        assertTrue(summary.toString().contains("\"epochs\":50"), summary.toString());
        assertTrue(Files.isRegularFile(comparison.resolve("difference.png")));
        // run folders given one by one gather the same
        out = dir.resolve("out-2"); // a second comparison in the same second would need another folder name
        Outcome one = gather(COMMITTED.stream().map(r -> sweep.resolve(r).toString()).toArray(String[]::new));
        assertEquals(0, one.code(), one.err());
    }

    @Test
    void aRunTrainedByOtherCodeIsNamed() throws Exception {
        editConfig(copy("lenet5/20261128-170747"), c -> ((ObjectNode) c.get("environment")).put("gitCommit",
                "0123456789abcdef0123456789abcdef01234567-dirty"));
        Outcome o = gather(sweep.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains(copy("lenet5/20261128-170747") + ": trained with another code"
                + " 0123456789abcdef0123456789abcdef01234567-dirty (the others: fefc3d8"), o.err());
        assertTrue(o.err().startsWith("error: cannot gather a comparison; 1 problem"), o.err());
        assertTrue(nothingWritten());
    }

    @Test
    void aRunOnOtherDataIsNamed() throws Exception {
        editConfig(copy("mnist-mlp/20261128-170631"), c -> c.put("dataSha256", "ffffffffffffffffffffffffffff"));
        Outcome o = gather(sweep.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains(copy("mnist-mlp/20261128-170631") + ": trained with another data checksum"
                + " ffffffffffff... (the other mnist-mlp runs: unrecorded)"), o.err());
        Path fashion = copy("lenet5/20261128-171326");
        editConfig(fashion, c -> c.put("dataset", "fashion-mnist"));
        Outcome both = gather(sweep.toString());
        assertTrue(both.err().contains("2 problems"), both.err());
        assertTrue(both.err().contains(fashion + ": trained with another data set fashion-mnist (the others: mnist)"),
                both.err());
        assertTrue(nothingWritten());
    }

    @Test
    void aRunOfAnotherRecipeOrBudgetIsNamed() throws Exception {
        editConfig(copy("lenet5/20261128-170127"), c -> ((ObjectNode) c.get("hyperParameters")).put("learningRate",
                0.1));
        Path shorter = copy("mnist-mlp/20261128-171219");
        Files.write(shorter.resolve("history.csv"), Files.readAllLines(shorter.resolve("history.csv")).subList(0, 41));
        editConfig(shorter, c -> {
            ((ObjectNode) c.get("budget")).put("epochs", 40);
            ((ObjectNode) c.get("hyperParameters")).put("batchSize", 128);
        });
        Outcome o = gather(sweep.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains(copy("lenet5/20261128-170127") + ": trained with another recipe"), o.err());
        assertTrue(o.err().contains("lr=0.1"), o.err());
        assertTrue(o.err().contains(copy("mnist-mlp/20261128-171219") + ": trained with another budget 40 epochs (the"
                + " others: 50), batch 128 (the others: 2048)"), o.err());
        assertTrue(nothingWritten());
    }

    @Test
    void anUnfinishedRunAnUnpairedSeedAndATwinAreNamed() throws Exception {
        Path interrupted = copy("lenet5/20261128-170127");
        editConfig(interrupted, c -> c.put("status", "interrupted"));
        Outcome o = gather(sweep.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains(interrupted + ": not finished (interrupted); resume it (cnn-vs-mlp lenet5 --resume "),
                o.err());
        assertTrue(o.err().contains("1 problem,"), o.err()); // its partner is not named again as unpaired
        Files.delete(interrupted.resolve("config.json"));
        Files.delete(interrupted.resolve("history.csv"));
        Files.delete(interrupted.resolve("metrics.json"));
        Outcome alone = gather(sweep.toString());
        assertTrue(alone.err().contains(copy("mnist-mlp/20261128-165959") + ": seed 42 has no run of lenet5 to pair"
                + " with; train it (cnn-vs-mlp lenet5 --seed 42 ...) or leave this run out"), alone.err());
        Path twin = sweep.resolve("mnist-mlp/20261129-000000-seed43");
        Files.createDirectories(twin);
        for (String f : new String[] {"config.json", "history.csv", "metrics.json"}) {
            Files.copy(copy("mnist-mlp/20261128-170631").resolve(f), twin.resolve(f));
        }
        Outcome twice = gather(sweep.toString());
        assertTrue(twice.err().contains(twin + ": a second run of mnist-mlp seed 43 (the first: "
                + copy("mnist-mlp/20261128-170631") + "); leave one of them out"), twice.err());
        assertTrue(nothingWritten());
    }

    @Test
    void aPlaceWithoutRunsOrARunOfTheBeansIsNamed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Outcome o = gather(empty.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains(empty + ": no run folder here"), o.err());
        Path beans = sweep.resolve("beans-run");
        Files.createDirectories(beans);
        editConfig(copy("lenet5/20261128-170127"), c -> { });
        Files.copy(copy("lenet5/20261128-170127").resolve("config.json"), beans.resolve("config.json"));
        editConfig(beans, c -> c.put("experiment", "beans"));
        Outcome b = gather(beans.toString(), sweep.toString());
        assertTrue(b.err().contains(beans + ": a run of beans, not of mnist-mlp or lenet5; leave it out"), b.err());
        Outcome options = run("compare", "--gather", sweep.toString(), "--epochs", "10");
        assertEquals(2, options.code());
        assertTrue(options.err().contains("leave out --epochs"), options.err());
        assertFalse(Files.exists(out));
    }

    /** The segments' commits are the code: a run resumed by other code than the others' is named too. */
    @Test
    void aRunResumedByOtherCodeIsNamed() throws Exception {
        Path resumed = copy("mnist-mlp/20261128-171219");
        editConfig(resumed, c -> {
            ArrayNode segments = c.putArray("segments");
            segments.addObject().put("commit", "fefc3d8b").put("fromEpoch", 0).put("toEpoch", 25);
            segments.addObject().put("commit", "abcdef12").put("fromEpoch", 25).put("toEpoch", 50);
        });
        Outcome o = gather(sweep.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains(resumed + ": trained with another code fefc3d8b+abcdef12"), o.err());
    }
}
