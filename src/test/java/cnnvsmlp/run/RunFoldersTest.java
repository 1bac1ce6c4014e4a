package cnnvsmlp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.Fixtures;

class RunFoldersTest {

    @TempDir
    Path results;

    @Test
    void aScanReadsFinishedRunsNewestFirstAndNamesTheDamagedFiles() throws Exception {
        Path old = Fixtures.runFolder(results, "lenet5", 1, 2, "finished", 0.5, 0.6);
        Path newer = Fixtures.runFolder(results, "lenet5", 2, 2, "finished", 0.5, 0.7);
        Fixtures.runFolder(results, "lenet5", 3, 2, "interrupted", 0.5, 0.7);
        Path badConfig = Fixtures.runFolder(results, "lenet5", 4, 2, "finished", 0.5, 0.7);
        Files.writeString(badConfig.resolve(RunFolder.CONFIG), "[]");
        Path badMetrics = Fixtures.runFolder(results, "lenet5", 5, 2, "finished", 0.5, 0.7);
        Files.writeString(badMetrics.resolve(RunFolder.METRICS), "{\"evaluatedOn\": \"x\", \"accur");

        RunFolders.Scan scan = RunFolders.scan(results.resolve("lenet5"));
        assertEquals(List.of(newer, old), scan.finished().stream().map(RunFolders.Finished::folder).toList());
        assertEquals(0.7, scan.newest().orElseThrow().metrics().accuracy(), 0.0);
        assertEquals(2, scan.skipped().size(), scan.skipped().toString());
        assertTrue(scan.skipped().get(0).startsWith(badMetrics.resolve(RunFolder.METRICS) + " is damaged ("),
                scan.skipped().get(0));
        assertTrue(scan.skipped().get(1).startsWith(badConfig.resolve(RunFolder.CONFIG) + " is damaged ("),
                scan.skipped().get(1));
        scan.skipped().forEach(line -> assertEquals(1, line.lines().count(), line));
        assertEquals(List.of(), RunFolders.scan(results.resolve("nothing")).finished());
    }

    @Test
    void aConfigWithMissingOrInvalidFieldsIsRefusedNamingThem() throws Exception {
        Path run = Fixtures.runFolder(results, "beans", 1, 2, "interrupted", 0.5, 0.6);
        Files.writeString(run.resolve(RunFolder.CONFIG), "{\"experiment\": \"beans\", \"status\": \"interrupted\","
                + " \"budget\": {\"epochs\": 0}, \"seed\": -3, \"started\": \"yesterday\"}");
        FixableProblem e = assertThrows(FixableProblem.class, () -> RunConfig.read(run));
        assertEquals(run.resolve(RunFolder.CONFIG) + " is damaged (missing or invalid: budget,"
                + " hyperParameters.batchSize, seed, data, command, environment, started); restore it from a copy, or"
                + " start a new run (the run's other files are kept)", e.getMessage());
    }
}
