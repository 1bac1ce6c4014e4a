package cnnvsmlp.cli;

import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.TestData;
import cnnvsmlp.run.Json;

class EvaluateCommandTest {

    @TempDir
    Path temp;

    /** The fixture is results/lenet5/20261128-172442-seed42's model.zip; its metrics.json said 88.15 %. */
    @Test
    @Tag("real-data")
    void aSavedModelScoresItsRecordedAccuracyInANewFolderAndLeavesItsRunAlone() throws Exception {
        Path runFolder = Files.createDirectories(temp.resolve("runs/lenet5/20261128-172442-seed42"));
        Files.copy(PredictCommandTest.MODEL, runFolder.resolve("model.zip"));
        Outcome o = run("evaluate", "--model", runFolder.toString(), "--data-dir", TestData.mnistDir().toString(),
                "--output-dir", temp.resolve("out").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("(LeNet-5): accuracy 0.8815, loss 0.018369 on the MNIST test set"), o.out());
        try (Stream<Path> files = Files.list(runFolder)) {
            assertEquals(List.of(runFolder.resolve("model.zip")), files.toList(), "nothing written into the run");
        }
        Path evaluation;
        try (Stream<Path> list = Files.list(temp.resolve("out/evaluate"))) {
            evaluation = list.findFirst().orElseThrow();
        }
        JsonNode metrics = Json.MAPPER.readTree(evaluation.resolve("evaluation.json").toFile()).get("metrics");
        assertEquals(0.8815, metrics.get("accuracy").asDouble(), 0.0);
        assertEquals(0.9243614931237721, metrics.get("perClass").get(0).get("precision").asDouble(), 0.0,
                "the committed run's metrics.json");
        assertEquals(941, metrics.get("confusionMatrix").get(0).get(0).asInt());
        assertTrue(Files.exists(evaluation.resolve("confusion.png")));
    }
}
