package cnnvsmlp.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import cnnvsmlp.FixableProblem;

/**
 * Writes files so that a crash never leaves a half-written one: the content goes to a temporary file in the
 * same folder, is flushed to disk, and only then takes the final name in one atomic rename.
 */
public final class AtomicFiles {

    /** Writes a file's content to the stream it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(content);
            }
        });
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * As {@link #writeString}, but only over a file this program wrote: {@code target} must be absent, or a regular
     * file (not a link, a device or a folder) that contains {@code marker}.
     *
     * @throws FixableProblem naming {@code target} when it is someone else's
     */
    public static void writeOwnString(Path target, String content, String marker) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(target)) {
            boolean ours = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(target, java.nio.charset.StandardCharsets.UTF_8).contains(marker);
            if (!ours) {
                throw new FixableProblem("not overwriting " + target + ": cnn-vs-mlp did not write it; move it away"
                        + " or choose another folder");
            }
        }
        writeString(target, content);
    }

    /** Temporary files are created private (rw-------); results are ordinary files (rw-r--r--). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Lets {@code writer} fill a temporary file, then moves it to {@code target} atomically. */
    public static void write(Path target, Writer writer) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        // a short name of its own: "." + a 250-byte file name + a random part would pass the 255-byte limit
        Path temporary = Files.createTempFile(folder, ".cnnvsmlp-", ".tmp");
        try {
            writer.writeTo(temporary);
            readableByAll(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
