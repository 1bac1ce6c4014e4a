package cnnvsmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli;
import cnnvsmlp.Cli.Outcome;

/** {@code index} writes a results folder's README.md again from the runs copied into it; a folder of nothing is named. */
class IndexCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsCopiedInAppearInTheIndexAndANonResultsFolderIsOneLine() throws Exception {
        Path run = dir.resolve("results/lenet5/20261128-170127-seed42");
        Files.createDirectories(run);
        Path committed = Path.of("results/lenet5/20261128-170127-seed42");
        for (String f : new String[] {"config.json", "history.csv", "metrics.json", "accuracy.png"}) {
            Files.copy(committed.resolve(f), run.resolve(f));
        }
        Outcome o = Cli.run("index", "--output-dir", dir.resolve("results").toString());
        assertEquals(0, o.code(), o.err());
        String index = Files.readString(dir.resolve("results/README.md"));
        assertTrue(index.contains("lenet5/20261128-170127-seed42"), index);
        Files.createDirectories(dir.resolve("empty"));
        Outcome none = Cli.run("index", "--output-dir", dir.resolve("empty").toString());
        assertEquals(1, none.code());
        assertTrue(none.err().startsWith("error: " + dir.resolve("empty") + " is not a results folder"), none.err());
    }
}
