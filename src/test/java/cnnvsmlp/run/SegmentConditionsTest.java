package cnnvsmlp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a run's wall-clock seconds compare with another's, from its segments' recorded conditions: one sitting, not
 * niced, no more load than its own threads. The run is a copy of a committed one (LeNet-5, 50 epochs, 2 threads).
 */
class SegmentConditionsTest {

    @TempDir
    Path dir;

    private RunConfig withSegments(java.util.function.Consumer<ArrayNode> segments) throws Exception {
        ObjectNode config = (ObjectNode) Json.MAPPER.readTree(Path.of("results/lenet5/20261128-170127-seed42/config.json")
                .toFile());
        ((ObjectNode) config.get("hyperParameters")).put("threads", 2);
        segments.accept(config.putArray("segments"));
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("config.json"), Json.MAPPER.writeValueAsString(config));
        return RunConfig.read(run);
    }

    private static ObjectNode segment(ArrayNode segments, int from, int to, Integer nice, Double load) {
        ObjectNode s = segments.addObject().put("commit", "abc").put("fromEpoch", from).put("toEpoch", to)
                .put("status", "finished").put("cpuSeconds", 12.5);
        if (nice != null) {
            s.put("niceness", nice);
        }
        if (load != null) {
            s.put("loadAverage", load);
        }
        return s;
    }

    @Test
    void oneSittingAloneAndNotNicedCompares() throws Exception {
        RunConfig config = withSegments(s -> segment(s, 0, 50, 0, 2.3));
        assertNull(config.timeNotComparable());
        assertEquals(12.5, config.segments().get(0).cpuSeconds());
    }

    @Test
    void eachConditionThatSpoilsTheSecondsIsNamed() throws Exception {
        assertEquals("trained in 2 sittings", withSegments(s -> {
            segment(s, 0, 20, 0, 1.0);
            segment(s, 20, 50, 0, 1.0);
        }).timeNotComparable());
        assertEquals("niced (10)", withSegments(s -> segment(s, 0, 50, 10, 1.0)).timeNotComparable());
        assertEquals("beside other work (load 3.1, its own threads 2)", withSegments(s -> segment(s, 0, 50, 0, 3.1))
                .timeNotComparable());
        assertEquals("its conditions were not recorded", withSegments(s -> segment(s, 0, 50, null, null))
                .timeNotComparable());
        assertEquals("its conditions were not recorded", withSegments(s -> { }).timeNotComparable());
    }
}
