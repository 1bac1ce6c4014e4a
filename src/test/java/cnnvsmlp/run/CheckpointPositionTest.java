package cnnvsmlp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** state.json is a typed record: what a checkpoint wrote before (a fixture of bb1f9f8) and now reads back the same. */
class CheckpointPositionTest {

    @Test
    void aPositionRoundTripsAndANanLossIsTheStringNan() throws Exception {
        TrainingState state = new TrainingState(7, 3, 1.25, 42, Double.NaN, List.of());
        String json = Json.MAPPER.writeValueAsString(RunCheckpoint.Position.of(state));
        assertTrue(json.replace(" ", "").contains("\"lastGoodLoss\":\"NaN\""), json);
        RunCheckpoint.Position back = Json.MAPPER.readValue(json, RunCheckpoint.Position.class);
        assertEquals(state, back.with(List.of()));
        RunCheckpoint.Position finite = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(RunCheckpoint.Position.of(
                new TrainingState(1, 0, 0, 0, 0.125, List.of()))), RunCheckpoint.Position.class);
        assertEquals(0.125, finite.lastGoodLoss());
    }

    @Test
    void aStateJsonWrittenByEarlierCodeReads() throws Exception {
        Path old = Path.of("src/test/resources/fixtures/beans-checkpoint-bb1f9f8/checkpoint/state.json");
        RunCheckpoint.Position p = Json.MAPPER.readValue(Files.readString(old), RunCheckpoint.Position.class);
        assertEquals(20, p.completedEpochs());
        assertEquals(0, p.batchesDone());
    }
}
