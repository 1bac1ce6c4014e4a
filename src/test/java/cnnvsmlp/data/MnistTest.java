package cnnvsmlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.TestData;

/** The facts of ../shared/data/mnist/README.md, read through the project's own loader. */
class MnistTest {

    @TempDir
    Path dir;

    @Test
    void countsAndShapesAreThePosts() {
        Mnist mnist = TestData.mnist();
        assertEquals("(60000, 28, 28)", mnist.train().imageShape());
        assertEquals("(60000,)", mnist.train().labelShape());
        assertEquals("(10000, 28, 28)", mnist.test().imageShape());
        assertEquals("(10000,)", mnist.test().labelShape());
    }

    @Test
    void labelHistogramsMatchThePublishedOnes() {
        Mnist mnist = TestData.mnist();
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                mnist.train().labelCounts());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                mnist.test().labelCounts());
    }

    @Test
    void firstLabelsAreInTheFilesOrder() {
        Mnist mnist = TestData.mnist();
        int[] train = new int[10];
        int[] test = new int[10];
        for (int i = 0; i < 10; i++) {
            train[i] = mnist.train().label(i);
            test[i] = mnist.test().label(i);
        }
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, train);
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, test);
    }

    @Test
    void meanPixelValues() {
        Mnist mnist = TestData.mnist();
        assertEquals(33.318421, mnist.train().meanPixel(), 1e-6);
        assertEquals(33.791224, mnist.test().meanPixel(), 1e-6);
    }

    @Test
    void preprocessingDividesBy255AndOneHots() {
        Mnist.Split head = TestData.mnist().train().head(100);
        INDArray flat = Mnist.flatFeatures(head);
        assertArrayEquals(new long[] {100, 784}, flat.shape());
        assertEquals(1.0, flat.maxNumber().doubleValue(), 1e-7);
        assertEquals(0.0, flat.minNumber().doubleValue());
        assertEquals(head.pixel(0, 14, 14) / 255.0, flat.getDouble(0, 14 * 28 + 14), 1e-7);

        INDArray images = Mnist.imageFeatures(head);
        assertArrayEquals(new long[] {100, 28, 28, 1}, images.shape());
        assertEquals(head.pixel(7, 10, 20) / 255.0, images.getDouble(7, 10, 20, 0), 1e-7);

        INDArray oneHot = Mnist.oneHotLabels(head);
        assertArrayEquals(new long[] {100, 10}, oneHot.shape());
        assertEquals(100.0, oneHot.sumNumber().doubleValue());
        assertEquals(1.0, oneHot.getDouble(0, 5)); // the first training label is 5
        assertEquals(head.label(42), oneHot.getRow(42).argMax().getInt(0));
    }

    @Test
    void labelOutsideZeroToNineIsRefused() throws IOException {
        IdxFixtures.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.images(3)));
        IdxFixtures.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.labels(
                (byte) 1, (byte) 12, (byte) 3)));
        FixableProblem e = assertThrows(FixableProblem.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("label 12 at index 1"), e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        IdxFixtures.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.images(3)));
        IdxFixtures.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.labels(
                (byte) 1, (byte) 2)));
        FixableProblem e = assertThrows(FixableProblem.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("3 images but") && e.getMessage().contains("2 labels"), e.getMessage());
    }

    @Test
    void rawFilesAreReadToo() throws IOException {
        for (String prefix : new String[] {"train", "t10k"}) {
            IdxFixtures.write(dir.resolve(prefix + "-images-idx3-ubyte"), IdxFixtures.images(2));
            IdxFixtures.write(dir.resolve(prefix + "-labels-idx1-ubyte"), IdxFixtures.labels((byte) 3, (byte) 8));
        }
        Mnist mnist = Mnist.load(dir);
        assertEquals(2, mnist.test().count());
        assertEquals(8, mnist.test().label(1));
        assertEquals(1, mnist.test().pixel(1, 27, 27));
    }
}
