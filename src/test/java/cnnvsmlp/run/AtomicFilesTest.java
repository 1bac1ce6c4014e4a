package cnnvsmlp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.FixableProblem;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheWholeFileAndLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("metrics.json");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new content");
        assertEquals("new content", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aWriterThatFailsLeavesTheOldFileIntact() throws IOException {
        Path target = dir.resolve("history.csv");
        AtomicFiles.writeString(target, "epoch 1");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, temporary -> {
            Files.writeString(temporary, "half");
            throw new IOException("disk full");
        }));
        assertEquals("epoch 1", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the half-written temporary is removed");
        }
    }

    @Test
    void filesAreReadableByOthers() throws IOException {
        Path target = dir.resolve("config.json");
        AtomicFiles.writeString(target, "{}");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertTrue(Files.getPosixFilePermissions(target).contains(
                    java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
        }
    }

    @Test
    void anExistingRunFolderIsNeverOverwritten() throws IOException {
        RunFolder first = RunFolder.create(dir, "beans", "run-1");
        first.writeText("history.csv", "keep me");
        FixableProblem e = assertThrows(FixableProblem.class, () -> RunFolder.create(dir, "beans", "run-1"));
        assertTrue(e.getMessage().contains("already exists and is never overwritten"), e.getMessage());
        assertEquals("keep me", Files.readString(first.path().resolve("history.csv")));
    }
}
