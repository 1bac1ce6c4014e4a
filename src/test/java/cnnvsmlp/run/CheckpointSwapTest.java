package cnnvsmlp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint is swapped in so that a crash after any step, and a second crash in the next save, still leaves a
 * whole checkpoint that resume finds. The checkpoints are copies of a real one (fixture of bb1f9f8, 20 beans epochs).
 */
class CheckpointSwapTest {

    static final Path CHECKPOINT = Path.of("src/test/resources/fixtures/beans-checkpoint-bb1f9f8/checkpoint");

    @TempDir
    Path dir;

    /** The crash: the process ends after step {@code at} of the swap. */
    static final class Crash extends RuntimeException {
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** A new checkpoint written beside the run, as save writes it before the swap. */
    private static Path fresh(Path run, int n) throws IOException {
        Path fresh = run.resolve("checkpoint.writing-" + n);
        copy(CHECKPOINT, fresh);
        return fresh;
    }

    private static void crashAfter(Path run, Path fresh, int step) {
        assertThrows(Crash.class, () -> RunCheckpoint.swap(run, fresh, done -> {
            if (done == step) {
                throw new Crash();
            }
        }));
    }

    @Test
    void aCrashAfterAnyStepAndASecondInTheNextSaveLeaveAWholeCheckpoint() throws Exception {
        for (int first = 1; first <= 4; first++) {
            for (int second = 1; second <= 4; second++) {
                Path run = dir.resolve("run-" + first + "-" + second);
                copy(CHECKPOINT, run.resolve(RunCheckpoint.FOLDER));
                crashAfter(run, fresh(run, 1), first);
                assertEquals(20, RunCheckpoint.load(run).state().completedEpochs(), "after a crash at " + first);
                Path next = fresh(run, 2);
                try {
                    crashAfter(run, next, second);
                } catch (AssertionError notReached) {
                    // after a first crash at step 2 the swap has no steps 1 and 2: it then ran through
                }
                assertEquals(20, RunCheckpoint.load(run).state().completedEpochs(), "after crashes at " + first
                        + " and " + second);
            }
        }
    }

    @Test
    void withOnlyThePreviousCheckpointLeftTheNextSaveKeepsItUntilTheNewOneIsInPlace() throws Exception {
        Path run = dir.resolve("run");
        copy(CHECKPOINT, run.resolve(RunCheckpoint.PREVIOUS)); // a crash between the two renames of a save
        Path fresh = fresh(run, 1);
        RunCheckpoint.swap(run, fresh, step -> {
            if (step < 3) {
                throw new AssertionError("with no current checkpoint, nothing goes before the new one is in place");
            }
            if (step == 3) {
                assertEquals(true, Files.isDirectory(run.resolve(RunCheckpoint.PREVIOUS)));
            }
        });
        assertEquals(false, Files.exists(run.resolve(RunCheckpoint.PREVIOUS)));
        assertEquals(20, RunCheckpoint.load(run).state().completedEpochs());
    }
}
