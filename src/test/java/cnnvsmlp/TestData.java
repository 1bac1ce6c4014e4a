package cnnvsmlp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import cnnvsmlp.data.Mnist;

/**
 * The genuine MNIST files for tests: {@code $MNIST_DIR}, else {@code ../shared/data/mnist} beside the
 * checkout. Without them a test is skipped on a developer's machine and fails in CI ({@code CI=true}).
 */
public final class TestData {

    private static Mnist mnist;

    private TestData() {
    }

    public static Path mnistDir() {
        String fromEnvironment = System.getenv("MNIST_DIR");
        Path dir = fromEnvironment != null && !fromEnvironment.isBlank() ? Path.of(fromEnvironment)
                : Path.of("..", "shared", "data", "mnist");
        boolean present = Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI needs the MNIST files: set MNIST_DIR (looked in " + dir.toAbsolutePath() + ")");
        }
        assumeTrue(present, "MNIST files not found in " + dir.toAbsolutePath() + "; set MNIST_DIR");
        return dir;
    }

    /** The real MNIST, read once per test JVM. */
    public static synchronized Mnist mnist() {
        if (mnist == null) {
            mnist = Mnist.load(mnistDir());
        }
        return mnist;
    }
}
