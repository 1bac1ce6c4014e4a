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

    /**
     * The genuine Fashion-MNIST files: {@code $FASHION_MNIST_DIR}, else Debian's {@code dataset-fashion-mnist}
     * ({@code /usr/share/datasets/fashion-mnist}, which .ci/run installs). Skipped without them, failed in CI or
     * when the variable names a folder without them.
     */
    public static Path fashionMnistDir() {
        String fromEnvironment = System.getenv("FASHION_MNIST_DIR");
        Path dir = fromEnvironment != null && !fromEnvironment.isBlank() ? Path.of(fromEnvironment)
                : Path.of("/usr/share/datasets/fashion-mnist");
        boolean present = Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"));
        boolean named = fromEnvironment != null && !fromEnvironment.isBlank(); // .ci/run names it: never skipped
        if (!present && ("true".equals(System.getenv("CI")) || named)) {
            fail("CI needs the Fashion-MNIST files: apt-get install dataset-fashion-mnist, or set FASHION_MNIST_DIR"
                    + " (looked in " + dir.toAbsolutePath() + ")");
        }
        assumeTrue(present, "Fashion-MNIST files not found in " + dir.toAbsolutePath() + "; apt-get install"
                + " dataset-fashion-mnist or set FASHION_MNIST_DIR");
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
