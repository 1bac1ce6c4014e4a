package cnnvsmlp.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import cnnvsmlp.FixableProblem;

/**
 * One IDX file (the MNIST format): a big-endian magic number {@code 0x0000TTDD} (TT = 0x08 for unsigned
 * bytes, DD = number of dimensions), DD big-endian int dimensions, then exactly their product in bytes.
 *
 * <p>Reads gzip-compressed files (recognised by their content, not their name) and raw ones, and refuses
 * anything else with a message that names the file and what is wrong with it.
 */
public record IdxFile(Path path, int magic, int[] dimensions, byte[] data) {

    public static final int UNSIGNED_BYTE = 0x08;
    /** Magic number of an MNIST label file: unsigned bytes, one dimension. */
    public static final int LABELS_MAGIC = 2049;
    /** Magic number of an MNIST image file: unsigned bytes, three dimensions. */
    public static final int IMAGES_MAGIC = 2051;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /** Reads {@code path}, which must carry the magic number {@code expectedMagic}. */
    public static IdxFile read(Path path, int expectedMagic) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            if (b1 < 0) {
                throw problem(path, "is empty (0 bytes)");
            }
            boolean gzip = b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2;
            if (!gzip && path.getFileName().toString().endsWith(".gz")) {
                throw problem(path, "is named .gz but is not gzip-compressed");
            }
            InputStream content = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return parse(path, new DataInputStream(content), expectedMagic, gzip);
        } catch (NoSuchFileException e) {
            throw problem(path, "does not exist");
        } catch (ZipException e) {
            throw problem(path, "is not valid gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw problem(path, "is truncated: the gzip stream ends early");
        } catch (IOException e) {
            throw problem(path, "cannot be read: " + e);
        }
    }

    private static IdxFile parse(Path path, DataInputStream in, int expectedMagic, boolean gzip) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw problem(path, "is too short to hold an IDX header");
        }
        if (magic != expectedMagic) {
            throw problem(path, String.format("has magic number %d (0x%08x), expected %d (0x%08x): %s", magic, magic,
                    expectedMagic, expectedMagic, "not an MNIST " + (expectedMagic == IMAGES_MAGIC ? "image" : "label")
                            + " file (swapped or wrong file?)"));
        }
        int rank = magic & 0xff;
        int[] dims = new int[rank];
        long expectedBytes = 1;
        for (int i = 0; i < rank; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw problem(path, "ends inside its header (" + i + " of " + rank + " dimensions read)");
            }
            if (dims[i] < 0) {
                throw problem(path, "declares a negative dimension " + dims[i]);
            }
            expectedBytes *= dims[i];
        }
        if (expectedBytes > Integer.MAX_VALUE - 16) {
            throw problem(path, "declares dimensions " + Arrays.toString(dims) + ", too large for MNIST");
        }
        byte[] data = new byte[(int) expectedBytes];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw problem(path, "holds " + read + " data bytes but its dimensions " + Arrays.toString(dims)
                    + " need " + expectedBytes + (gzip ? "" : " (truncated file?)"));
        }
        if (in.read() >= 0) {
            throw problem(path, "holds more data bytes than its dimensions " + Arrays.toString(dims) + " need ("
                    + expectedBytes + ")");
        }
        return new IdxFile(path, magic, dims, data);
    }

    private static FixableProblem problem(Path path, String what) {
        return new FixableProblem("IDX file " + path + " " + what
                + "; replace it with the original MNIST file (delete it to download it again)");
    }

    /** The number of items: the first dimension. */
    public int count() {
        return dimensions.length == 0 ? 0 : dimensions[0];
    }
}
