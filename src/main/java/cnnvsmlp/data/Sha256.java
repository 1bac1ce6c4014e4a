package cnnvsmlp.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (or another digest) of files, as lower-case hex (the format of {@code sha256sum}, {@code md5sum}). */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        return newDigest("SHA-256");
    }

    /** A new digest of {@code algorithm}: "SHA-256" or "MD5", which every Java platform has. */
    public static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256 and MD5", e);
        }
    }

    public static String of(Path file) throws IOException {
        return of(file, "SHA-256");
    }

    /** The {@code algorithm} digest ("SHA-256", "MD5") of {@code file}. */
    public static String of(Path file, String algorithm) throws IOException {
        MessageDigest digest = newDigest(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest);
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
