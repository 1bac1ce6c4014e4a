package cnnvsmlp.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        return file;
    }

    /** {@code count} images of 28 x 28 where image i has every pixel equal to i. */
    static byte[] images(int count) throws IOException {
        byte[] data = new byte[count * 784];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(data, i * 784, (i + 1) * 784, (byte) i);
        }
        return idx(IdxFile.IMAGES_MAGIC, new int[] {count, 28, 28}, data);
    }

    static byte[] labels(byte... labels) throws IOException {
        return idx(IdxFile.LABELS_MAGIC, new int[] {labels.length}, labels);
    }
}
