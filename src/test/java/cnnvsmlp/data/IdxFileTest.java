package cnnvsmlp.data;

import static cnnvsmlp.data.IdxFixtures.gzip;
import static cnnvsmlp.data.IdxFixtures.idx;
import static cnnvsmlp.data.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.FixableProblem;

class IdxFileTest {

    @TempDir
    Path dir;

    private final byte[] labels = {5, 0, 4, 1, 9};

    @Test
    void readsRawAndGzippedFilesAlike() throws IOException {
        byte[] content = idx(IdxFile.LABELS_MAGIC, new int[] {5}, labels);
        IdxFile raw = IdxFile.read(write(dir.resolve("labels"), content), IdxFile.LABELS_MAGIC);
        IdxFile gz = IdxFile.read(write(dir.resolve("labels.gz"), gzip(content)), IdxFile.LABELS_MAGIC);
        assertArrayEquals(labels, raw.data());
        assertArrayEquals(labels, gz.data());
        assertArrayEquals(new int[] {5}, gz.dimensions());
        assertEquals(5, gz.count());
    }

    @Test
    void readsThreeDimensionalImages() throws IOException {
        IdxFile images = IdxFile.read(write(dir.resolve("img.gz"), gzip(IdxFixtures.images(3))), IdxFile.IMAGES_MAGIC);
        assertArrayEquals(new int[] {3, 28, 28}, images.dimensions());
        assertEquals(2, images.data()[2 * 784 + 100]);
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        Path file = write(dir.resolve("swapped.gz"), gzip(idx(IdxFile.LABELS_MAGIC, new int[] {5}, labels)));
        FixableProblem e = assertThrows(FixableProblem.class, () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("magic number 2049") && e.getMessage().contains("expected 2051"),
                e.getMessage());
    }

    @Test
    void truncatedGzipIsNamed() throws IOException {
        byte[] whole = gzip(IdxFixtures.images(20));
        Path file = write(dir.resolve("cut.gz"), Arrays.copyOf(whole, whole.length / 2));
        FixableProblem e = assertThrows(FixableProblem.class, () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("cut.gz"), e.getMessage());
    }

    @Test
    void dimensionsThatNeedMoreBytesThanTheFileHolds() throws IOException {
        Path file = write(dir.resolve("short"), idx(IdxFile.LABELS_MAGIC, new int[] {10}, labels));
        FixableProblem e = assertThrows(FixableProblem.class, () -> IdxFile.read(file, IdxFile.LABELS_MAGIC));
        assertTrue(e.getMessage().contains("holds 5 data bytes") && e.getMessage().contains("need 10"),
                e.getMessage());
    }

    @Test
    void moreBytesThanTheDimensionsNeed() throws IOException {
        Path file = write(dir.resolve("long"), idx(IdxFile.LABELS_MAGIC, new int[] {3}, labels));
        FixableProblem e = assertThrows(FixableProblem.class, () -> IdxFile.read(file, IdxFile.LABELS_MAGIC));
        assertTrue(e.getMessage().contains("more data bytes"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path file = write(dir.resolve("empty.gz"), new byte[0]);
        FixableProblem e = assertThrows(FixableProblem.class, () -> IdxFile.read(file, IdxFile.LABELS_MAGIC));
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void plainFileNamedGz() throws IOException {
        Path file = write(dir.resolve("plain.gz"), idx(IdxFile.LABELS_MAGIC, new int[] {5}, labels));
        FixableProblem e = assertThrows(FixableProblem.class, () -> IdxFile.read(file, IdxFile.LABELS_MAGIC));
        assertTrue(e.getMessage().contains("not gzip-compressed"), e.getMessage());
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nothing.gz");
        FixableProblem e = assertThrows(FixableProblem.class, () -> IdxFile.read(file, IdxFile.LABELS_MAGIC));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
