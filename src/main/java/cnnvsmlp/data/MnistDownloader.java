package cnnvsmlp.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import cnnvsmlp.FixableProblem;

/**
 * Downloads the files of MNIST or Fashion-MNIST from a list of mirrors, one after the other until one serves the
 * genuine file.
 *
 * <p>Each file is streamed into a temporary file beside its destination while its digest (the one its publisher
 * gives: SHA-256 for MNIST, MD5 for Fashion-MNIST) is computed; only a file whose checksum equals the published one
 * is moved (atomically) to its final name. A mirror that
 * answers an error, serves something else, stops half-way or says nothing within the time-out is skipped.
 */
public final class MnistDownloader {

    /** MNIST's mirrors: torchvision's and TensorFlow Datasets' hosts ({@link Dataset#mirrors()}). */
    public static final List<URI> DEFAULT_MIRRORS = Dataset.MNIST.mirrors();

    private final List<URI> mirrors;
    private final Duration timeout;
    private final boolean showProgress;
    private final PrintStream log;

    public MnistDownloader(List<URI> mirrors, Duration timeout, boolean showProgress, PrintStream log) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("at least one mirror is needed");
        }
        this.mirrors = mirrors.stream().map(MnistDownloader::asFolder).toList();
        this.timeout = timeout;
        this.showProgress = showProgress;
        this.log = log;
    }

    public List<URI> mirrors() {
        return mirrors;
    }

    private static URI asFolder(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /**
     * Downloads {@code dataset}'s {@code file} into {@code folder} under its gzip name, verified.
     *
     * @throws FixableProblem when no mirror served the genuine file; the message lists what each mirror did
     */
    public Path download(Dataset dataset, MnistFile file, Path folder) {
        Path target = folder.resolve(file.gzipName());
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI source = mirror.resolve(file.gzipName());
            try {
                fetchVerified(source, dataset, file, target);
                return target;
            } catch (IOException | RuntimeException e) {
                String reason = describe(e);
                failures.add(source + ": " + reason);
                log.println("  " + source + " failed: " + reason);
            }
        }
        throw new FixableProblem("could not download " + file.gzipName() + " from any mirror (" + String.join("; ",
                failures) + ")");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e.getClass() == IOException.class && message != null) {
            return message;
        }
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private void fetchVerified(URI source, Dataset dataset, MnistFile file, Path target) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), "." + file.gzipName() + "-", ".part");
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(source.toString()).openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setInstanceFollowRedirects(true);
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                connection.disconnect();
                throw new IOException("HTTP " + status);
            }
            long length = connection.getContentLengthLong();
            MessageDigest digest = Sha256.newDigest(dataset.gzipAlgorithm());
            long received = 0;
            try (InputStream in = connection.getInputStream();
                    OutputStream out = Files.newOutputStream(partial);
                    ProgressBar bar = progressBar(file, length)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    received += n;
                    if (bar != null) {
                        bar.stepTo(received);
                    }
                }
            }
            if (length >= 0 && received != length) {
                throw new IOException("download cut off after " + received + " of " + length + " bytes");
            }
            String got = Sha256.hex(digest);
            String expected = dataset.checksums(file).gzip();
            if (!got.equals(expected)) {
                throw new IOException("checksum mismatch: got " + dataset.gzipAlgorithm() + " " + got + ", expected "
                        + expected + " (refused, not cached)");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.println("  " + file.gzipName() + ": " + received + " bytes from " + source + ", "
                    + dataset.gzipAlgorithm() + " verified");
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private ProgressBar progressBar(MnistFile file, long length) {
        if (!showProgress) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName(file.gzipName())
                .setInitialMax(Math.max(length, 0))
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MB", 1 << 20)
                .showSpeed()
                .build();
    }
}
