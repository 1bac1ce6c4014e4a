package cnnvsmlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.TestData;

/**
 * Fashion-MNIST from Debian's {@code dataset-fashion-mnist}: its re-compressed .gz files are accepted by the SHA-256
 * of their IDX content, refused as downloads (their MD5 is not Zalando's published one), and each data set's files
 * are named as such when given as the other's.
 */
class FashionMnistTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private MnistSource source(Dataset dataset, Path dataDir, Map<String, String> env, Path cache) {
        return new MnistSource(dataset, dataDir, env, cache, null, log);
    }

    @Test
    void debiansFilesAreFashionMnistByTheirContent() throws IOException {
        Path debian = TestData.fashionMnistDir();
        Dataset.Checksums published = Dataset.FASHION_MNIST.checksums(MnistFile.TRAIN_LABELS);
        assertNotEquals(published.gzip(), Sha256.of(debian.resolve("train-labels-idx1-ubyte.gz"), "MD5"),
                "Debian re-compressed the files: the published MD5 does not fit its .gz");
        MnistSource.Located located = source(Dataset.FASHION_MNIST, null,
                Map.of("FASHION_MNIST_DIR", debian.toString(), "MNIST_DIR", temp.toString()), temp).locate();
        assertEquals(debian, located.folder());
        assertEquals("FASHION_MNIST_DIR", located.origin());

        Mnist fashion = Mnist.load(debian, Dataset.FASHION_MNIST);
        assertEquals(Dataset.FASHION_MNIST, fashion.train().dataset());
        assertEquals(60_000, fashion.train().count());
        assertEquals(10_000, fashion.test().count());
        int[] thousands = new int[10];
        java.util.Arrays.fill(thousands, 6_000);
        assertArrayEquals(thousands, fashion.train().labelCounts(), "6,000 of each class");
        assertEquals(9, fashion.train().label(0));
        assertEquals("9 Ankle boot", Dataset.FASHION_MNIST.label(fashion.train().label(0)));
        assertTrue(fashion.toString().startsWith("Fashion-MNIST[train (60000, 28, 28)"), fashion.toString());
    }

    @Test
    void theDataSetsHaveTheirOwnNamesChecksumsAndMirrors() {
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), Dataset.FASHION_MNIST.classNames());
        assertEquals("7", Dataset.MNIST.label(7));
        for (MnistFile file : MnistFile.values()) {
            assertNotEquals(Dataset.MNIST.checksums(file).rawSha256(),
                    Dataset.FASHION_MNIST.checksums(file).rawSha256());
            assertEquals(Dataset.FASHION_MNIST, Dataset.owning(file,
                    Dataset.FASHION_MNIST.checksums(file).rawSha256()).orElseThrow());
        }
        assertEquals("8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                Dataset.FASHION_MNIST.checksums(MnistFile.TRAIN_IMAGES).gzip(), "Zalando's README");
        assertEquals("MD5", Dataset.FASHION_MNIST.gzipAlgorithm());
        assertFalse(Dataset.FASHION_MNIST.mirrors().stream().anyMatch(Dataset.MNIST.mirrors()::contains));
        assertEquals(Dataset.FASHION_MNIST, Dataset.byId("fashion-mnist").orElseThrow());
        assertTrue(Dataset.byId("Fashion").isEmpty());
    }

    @Test
    void mnistGivenAsFashionMnistIsNamed() {
        FixableProblem e = assertThrows(FixableProblem.class, () -> source(Dataset.FASHION_MNIST,
                TestData.mnistDir(), Map.of(), temp).locate());
        assertTrue(e.getMessage().endsWith("train-images-idx3-ubyte.gz is MNIST's train-images-idx3-ubyte, not"
                + " Fashion-MNIST's; pass --dataset mnist to train on MNIST, or point --data-dir or FASHION_MNIST_DIR"
                + " at Fashion-MNIST's files"), e.getMessage());
    }

    @Test
    void fashionMnistGivenAsMnistIsNamed() {
        Path debian = TestData.fashionMnistDir();
        FixableProblem e = assertThrows(FixableProblem.class, () -> source(Dataset.MNIST, null,
                Map.of("MNIST_DIR", debian.toString()), temp).locate());
        assertEquals(debian.resolve("train-images-idx3-ubyte.gz") + " is Fashion-MNIST's train-images-idx3-ubyte,"
                + " not MNIST's; pass --dataset fashion-mnist to train on Fashion-MNIST, or point --data-dir or"
                + " MNIST_DIR at MNIST's files", e.getMessage());
    }

    @Test
    void aDownloadMustHaveThePublishedChecksum() throws IOException {
        Path debian = TestData.fashionMnistDir();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/debian/", exchange -> { // serves Debian's re-compressed files
            byte[] body = Files.readAllBytes(debian.resolve(exchange.getRequestURI().getPath().substring(8)));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            MnistDownloader downloader = new MnistDownloader(List.of(URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/debian/")), Duration.ofSeconds(5), false, log);
            Path cache = temp.resolve("cache");
            FixableProblem e = assertThrows(FixableProblem.class, () -> new MnistSource(Dataset.FASHION_MNIST, null,
                    Map.of(), cache, downloader, log).locate());
            assertTrue(e.getMessage().contains("checksum mismatch: got MD5 ") && e.getMessage().contains(
                    ", expected " + Dataset.FASHION_MNIST.checksums(MnistFile.TRAIN_IMAGES).gzip()), e.getMessage());
            assertFalse(Files.exists(cache.resolve("train-images-idx3-ubyte.gz")), "nothing unverified is cached");
            assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("Fashion-MNIST: downloading"));
        } finally {
            server.stop(0);
        }
    }
}
