package cnnvsmlp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.TestData;

/**
 * Finding and downloading MNIST. The "mirrors" are HTTP servers on 127.0.0.1 that serve the genuine shared
 * files, a corrupted copy, or errors; nothing here touches the network.
 */
class MnistSourceTest {

    @TempDir
    Path temp;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void startMirrors() throws IOException {
        Path genuine = TestData.mnistDir();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/good/", exchange -> {
            requests.incrementAndGet();
            Path file = genuine.resolve(exchange.getRequestURI().getPath().substring("/good/".length()));
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/corrupt/", exchange -> {
            requests.incrementAndGet();
            Path file = genuine.resolve(exchange.getRequestURI().getPath().substring("/corrupt/".length()));
            byte[] body = Files.readAllBytes(file);
            body[body.length / 2] ^= 0x5a; // one flipped byte: same size, wrong checksum
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/missing/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/broken/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/silent/", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(3_000); // answers nothing within the downloader's time-out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/cutoff/", exchange -> {
            requests.incrementAndGet();
            Path file = genuine.resolve(exchange.getRequestURI().getPath().substring("/cutoff/".length()));
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length); // promises the whole file ...
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2); // ... and hangs up half-way
            out.flush();
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopMirrors() {
        server.stop(0);
    }

    private URI mirror(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/");
    }

    private MnistSource source(Path dataDir, Map<String, String> env, Path cache, URI... mirrors) {
        MnistDownloader downloader = new MnistDownloader(List.of(mirrors), Duration.ofSeconds(5), false, log);
        return new MnistSource(Dataset.MNIST, dataDir, env, cache, downloader, log);
    }

    private String logText() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void downloadsIntoTheCacheAndVerifies() throws IOException {
        Path cache = temp.resolve("cache");
        MnistSource.Located located = source(null, Map.of(), cache, mirror("good")).locate();
        assertEquals(cache, located.folder());
        assertEquals("download cache", located.origin());
        for (MnistFile file : MnistFile.values()) {
            assertEquals(Dataset.MNIST.checksums(file).gzip(), Sha256.of(cache.resolve(file.gzipName())));
        }
        assertEquals(4, requests.get());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(4, files.count(), "no temporary files are left behind");
        }
        // a second look finds everything cached and asks no mirror
        source(null, Map.of(), cache, mirror("good")).locate();
        assertEquals(4, requests.get());
    }

    @Test
    void corruptedCopyIsRefusedNeverCachedAndTheNextMirrorServes() throws IOException {
        Path cache = temp.resolve("cache");
        source(null, Map.of(), cache, mirror("corrupt"), mirror("good")).locate();
        assertTrue(logText().contains("checksum mismatch"), logText());
        for (MnistFile file : MnistFile.values()) {
            assertEquals(Dataset.MNIST.checksums(file).gzip(), Sha256.of(cache.resolve(file.gzipName())));
        }
        assertEquals(8, requests.get(), "each file asked from the corrupt mirror, then the good one");
    }

    /** Genuine MNIST gzipped again (other gzip bytes, the same content), and uncompressed under Kaggle's names. */
    @Test
    void regzippedGenuineFilesAndKaggleNamesAreAccepted() throws Exception {
        Path genuine = cnnvsmlp.TestData.mnistDir();
        Path regzipped = Files.createDirectories(temp.resolve("regzipped"));
        Path kaggle = Files.createDirectories(temp.resolve("kaggle"));
        for (MnistFile file : MnistFile.values()) {
            byte[] content;
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(genuine.resolve(file.gzipName())))) {
                content = in.readAllBytes();
            }
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(regzipped.resolve(
                    file.gzipName())), 4096) {
                { def.setLevel(java.util.zip.Deflater.BEST_SPEED); }
            }) {
                out.write(content);
            }
            Files.write(kaggle.resolve(file.rawName().replace("-idx", ".idx")), content);
        }
        assertTrue(!Sha256.of(regzipped.resolve(MnistFile.TRAIN_LABELS.gzipName()))
                .equals(Dataset.MNIST.checksums(MnistFile.TRAIN_LABELS).gzip()), "other gzip bytes");
        assertEquals(regzipped, source(regzipped, Map.of(), temp.resolve("c1"), mirror("good")).locate().folder());
        assertEquals(kaggle, source(kaggle, Map.of(), temp.resolve("c2"), mirror("good")).locate().folder());
        assertEquals(5, Mnist.load(kaggle).train().label(0));
    }

    /** A read-only cache holding a damaged file (a real read-only mount: root ignores permissions; skipped otherwise). */
    @Test
    void aDamagedFileInAReadOnlyCacheIsOneLineThatSaysWhatToDo() throws Exception {
        Path cache = Files.createDirectories(temp.resolve("ro-cache"));
        org.junit.jupiter.api.Assumptions.assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs",
                cache.toString()), "needs root to mount a tmpfs");
        try {
            Files.writeString(cache.resolve(MnistFile.values()[0].gzipName()), "not MNIST");
            org.junit.jupiter.api.Assumptions.assumeTrue(sh("mount", "-o", "remount,ro", cache.toString()));
            FixableProblem e = assertThrows(FixableProblem.class,
                    () -> source(null, Map.of(), cache, mirror("good")).locate());
            assertTrue(e.getMessage().startsWith("the MNIST cache file " + cache.resolve(MnistFile.values()[0]
                    .gzipName()) + " fails its checksum check and cannot be moved aside ("), e.getMessage());
            assertTrue(e.getMessage().contains("a read-only cache?); delete it, or set MNIST_DIR or --data-dir"),
                    e.getMessage());
            assertTrue(!logText().contains("moved aside"), "nothing claims a move that did not happen");
        } finally {
            sh("umount", cache.toString());
        }
    }

    private static boolean sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void onlyCorruptedCopiesLeaveTheCacheEmptyAndSayWhatToDo() throws IOException {
        Path cache = temp.resolve("cache");
        FixableProblem e = assertThrows(FixableProblem.class,
                () -> source(null, Map.of(), cache, mirror("corrupt")).locate());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains("put the four files train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains(cache.toAbsolutePath().toString()), e.getMessage());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(0, files.count(), "nothing refused is cached, no partial file is left");
        }
    }

    @Test
    void errorsAndMissingFilesFallThroughToTheNextMirror() throws IOException {
        Path cache = temp.resolve("cache");
        source(null, Map.of(), cache, mirror("missing"), mirror("broken"), mirror("good")).locate();
        assertTrue(logText().contains("HTTP 404") && logText().contains("HTTP 500"), logText());
        assertEquals(Dataset.MNIST.checksums(MnistFile.TEST_LABELS).gzip(),
                Sha256.of(cache.resolve("t10k-labels-idx1-ubyte.gz")));
    }

    @Test
    void aMirrorThatAnswersNothingTimesOutAndTheNextServes() throws IOException {
        Path cache = temp.resolve("cache");
        MnistDownloader downloader = new MnistDownloader(List.of(mirror("silent"), mirror("good")),
                Duration.ofMillis(500), false, log);
        new MnistSource(Dataset.MNIST, null, Map.of(), cache, downloader, log).locate();
        assertTrue(logText().toLowerCase(java.util.Locale.ROOT).contains("timed out"), logText());
        for (MnistFile file : MnistFile.values()) {
            assertEquals(Dataset.MNIST.checksums(file).gzip(), Sha256.of(cache.resolve(file.gzipName())));
        }
    }

    @Test
    void aDownloadCutOffHalfWayIsRefusedLeavesNothingAndTheNextServes() throws IOException {
        Path cache = temp.resolve("cache");
        FixableProblem e = assertThrows(FixableProblem.class,
                () -> source(null, Map.of(), cache, mirror("cutoff")).locate());
        assertTrue(e.getMessage().contains("could not download"), e.getMessage());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(0, files.count(), "no partial file is left");
        }
        source(null, Map.of(), cache, mirror("cutoff"), mirror("good")).locate();
        assertEquals(Dataset.MNIST.checksums(MnistFile.TRAIN_IMAGES).gzip(),
                Sha256.of(cache.resolve("train-images-idx3-ubyte.gz")));
    }

    @Test
    void noNetworkSaysWhichFilesToPutWhere() throws IOException {
        Path cache = temp.resolve("cache");
        URI nobody = URI.create("http://127.0.0.1:1/mnist/"); // port 1: connection refused
        FixableProblem e = assertThrows(FixableProblem.class, () -> source(null, Map.of(), cache, nobody).locate());
        String m = e.getMessage();
        assertTrue(m.contains("could not download train-images-idx3-ubyte.gz"), m);
        assertTrue(m.contains("train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz"), m);
        assertTrue(m.contains(cache.toAbsolutePath().toString()) && m.contains("--data-dir"), m);
    }

    @Test
    void dataDirComesFirstThenTheEnvironmentThenTheCache() {
        Path genuine = TestData.mnistDir();
        Path empty = temp.resolve("empty");
        MnistSource.Located fromOption = source(genuine, Map.of("MNIST_DIR", empty.toString()), empty,
                mirror("good")).locate();
        assertEquals("--data-dir", fromOption.origin());
        MnistSource.Located fromEnvironment = source(null, Map.of("MNIST_DIR", genuine.toString()), empty,
                mirror("good")).locate();
        assertEquals("MNIST_DIR", fromEnvironment.origin());
        assertEquals(genuine, fromEnvironment.folder());
        assertEquals(0, requests.get());
        assertFalse(Files.exists(empty), "the cache is not touched when a folder is named");
    }

    @Test
    void aNamedFolderWithoutTheFilesIsAnErrorNotADownload() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("mine"));
        Files.copy(TestData.mnistDir().resolve("t10k-labels-idx1-ubyte.gz"), folder.resolve("t10k-labels-idx1-ubyte.gz"));
        FixableProblem e = assertThrows(FixableProblem.class,
                () -> source(folder, Map.of(), temp.resolve("cache"), mirror("good")).locate());
        assertTrue(e.getMessage().contains("(from --data-dir) lacks train-images-idx3-ubyte.gz, "
                + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz"), e.getMessage());
        assertEquals(0, requests.get());

        FixableProblem absent = assertThrows(FixableProblem.class,
                () -> source(null, Map.of("MNIST_DIR", temp.resolve("nope").toString()), temp.resolve("cache"),
                        mirror("good")).locate());
        assertTrue(absent.getMessage().contains("(from MNIST_DIR) does not exist"), absent.getMessage());
    }

    @Test
    void aWrongChecksumInANamedFolderIsNamed() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("mine"));
        for (MnistFile file : MnistFile.values()) {
            Files.copy(TestData.mnistDir().resolve(file.gzipName()), folder.resolve(file.gzipName()));
        }
        byte[] labels = Files.readAllBytes(folder.resolve("train-labels-idx1-ubyte.gz"));
        labels[100] ^= 1;
        Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), labels);
        FixableProblem e = assertThrows(FixableProblem.class,
                () -> source(folder, Map.of(), temp.resolve("cache"), mirror("good")).locate());
        assertTrue(e.getMessage().startsWith("checksum mismatch: ") && e.getMessage().contains(
                "train-labels-idx1-ubyte.gz") && e.getMessage().contains(
                Dataset.MNIST.checksums(MnistFile.TRAIN_LABELS).gzip()),
                e.getMessage());
    }

    @Test
    void aCorruptCachedFileIsMovedAsideAndDownloadedAgain() throws IOException {
        Path cache = temp.resolve("cache");
        source(null, Map.of(), cache, mirror("good")).locate();
        Path labels = cache.resolve("t10k-labels-idx1-ubyte.gz");
        Files.write(labels, new byte[] {1, 2, 3});
        source(null, Map.of(), cache, mirror("good")).locate();
        assertEquals(Dataset.MNIST.checksums(MnistFile.TEST_LABELS).gzip(), Sha256.of(labels));
        assertTrue(Files.exists(cache.resolve("t10k-labels-idx1-ubyte.gz.corrupt")), "the bad copy is kept aside");
        assertEquals(5, requests.get());
    }
}
