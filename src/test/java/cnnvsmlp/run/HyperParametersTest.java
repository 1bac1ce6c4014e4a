package cnnvsmlp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The typed hyperParameters of config.json and training of plan.json read every committed file, of every version,
 * and write back exactly what they read: no field lost, none added, none reordered.
 */
class HyperParametersTest {

    @Test
    void everyCommittedConfigAndPlanReadsAndWritesBackItsHyperParameters() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(Path.of("results"))) {
            files = all.filter(p -> p.endsWith(RunFolder.CONFIG) || p.endsWith(ComparePlan.FILE)).sorted().toList();
        }
        assertFalse(files.size() < 40, "the committed runs and comparisons: " + files.size());
        int plansWithTraining = 0;
        for (Path file : files) {
            JsonNode tree = Json.MAPPER.readTree(file.toFile());
            boolean plan = file.endsWith(ComparePlan.FILE);
            JsonNode written = plan ? tree.get("training") : tree.get("hyperParameters");
            if (written == null || written.isNull()) {
                continue;
            }
            plansWithTraining += plan ? 1 : 0;
            HyperParameters typed = plan ? ComparePlan.read(file.getParent()).training()
                    : RunConfig.read(file.getParent()).hyperParameters();
            assertEquals(written.toPrettyString(), Json.MAPPER.valueToTree(typed).toPrettyString(), file.toString());
        }
        assertFalse(plansWithTraining == 0, "no plan of the modern recipe was read");
    }
}
