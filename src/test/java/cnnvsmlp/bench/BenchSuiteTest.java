package cnnvsmlp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench} end to end on the beans (a few seconds): each model measured in a child JVM of its own, its line read
 * back, and the folder written with bench.json, bench.md and the table; a scratch output folder gets no index.
 */
class BenchSuiteTest {

    @TempDir
    Path temp;

    @Test
    void theBeansAreMeasuredInAChildJvmAndTheFolderWritten() throws Exception {
        cnnvsmlp.Cli.Outcome o = cnnvsmlp.Cli.run("bench", "--models", "beans", "--beans-epochs", "20",
                "--output-dir", temp.toString());
        assertEquals(0, o.code(), o.err());
        List<Path> folders;
        try (var s = Files.list(temp.resolve("bench"))) {
            folders = s.toList();
        }
        assertEquals(1, folders.size());
        BenchReport report = BenchReport.read(folders.get(0));
        assertEquals(1, report.measurements().size());
        Measurement beans = report.measurements().get(0);
        assertEquals("beans", beans.model());
        assertEquals(10, beans.batchSize()); // the post's batch for the beans, whatever --batch-sizes says
        assertTrue(beans.trainSecondsPerEpoch() > 0 && beans.peakResidentMiB() > 50, beans.toString());
        String md = Files.readString(folders.get(0).resolve("bench.md"));
        assertTrue(md.contains("| beans     |    10 |"), md);
        assertTrue(o.out().contains("written to " + folders.get(0)), o.out());
        assertFalse(Files.exists(temp.resolve("README.md")), "a scratch folder got an index");

        // speed.png charts the MNIST models' seconds per epoch: a bench of the beans alone has none to draw
        Path torchLog = Files.writeString(temp.resolve("torch.log"),
                "RESULT fw=torch model=beans epochs=5000 train_s=15.2 correct=100/100 acc=1.00\n");
        cnnvsmlp.Cli.Outcome redrawn = cnnvsmlp.Cli.run("bench", "--redraw", folders.get(0).toString(),
                "--torch-log", torchLog.toString());
        assertEquals(0, redrawn.code(), redrawn.err());
        assertTrue(redrawn.out().contains("no speed.png: it charts seconds per epoch of the MNIST models"),
                redrawn.out());
        assertFalse(Files.exists(folders.get(0).resolve("speed.png")));
    }
}
