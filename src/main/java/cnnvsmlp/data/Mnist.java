package cnnvsmlp.data;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.FixableProblem;

/**
 * MNIST as {@code keras.datasets.mnist.load_data()} returns it: 60,000 training and 10,000 test images of
 * 28 x 28 grey levels (0..255) with labels 0..9, in the files' order; or Fashion-MNIST, the same for
 * {@code keras.datasets.fashion_mnist} ({@link Dataset}). Reads the four IDX files of a folder (gzipped or raw);
 * use {@link MnistSource} to find, download and verify that folder.
 */
public final class Mnist {

    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int PIXELS = ROWS * COLUMNS;
    public static final int CLASSES = 10;

    private final Dataset dataset;
    private final Split train;
    private final Split test;

    private Mnist(Dataset dataset, Split train, Split test) {
        this.dataset = dataset;
        this.train = train;
        this.test = test;
    }

    /**
     * One half of MNIST (or Fashion-MNIST): {@code count} images of 784 unsigned bytes each, row by row, and their
     * labels.
     */
    public record Split(Dataset dataset, String name, int count, byte[] pixels, byte[] labels) {

        /** Grey level 0..255 of pixel (row, column) of image {@code i}. */
        public int pixel(int i, int row, int column) {
            return pixels[i * PIXELS + row * COLUMNS + column] & 0xff;
        }

        public int label(int i) {
            return labels[i];
        }

        /** How many images carry each digit 0..9. */
        public int[] labelCounts() {
            int[] counts = new int[CLASSES];
            for (byte label : labels) {
                counts[label]++;
            }
            return counts;
        }

        /** The mean grey level (0..255) over all pixels of all images. */
        public double meanPixel() {
            long sum = 0;
            for (byte p : pixels) {
                sum += p & 0xff;
            }
            return (double) sum / pixels.length;
        }

        /** The first {@code n} images and labels (for quick checks). */
        public Split head(int n) {
            int k = Math.min(n, count);
            return new Split(dataset, name, k, Arrays.copyOf(pixels, k * PIXELS), Arrays.copyOf(labels, k));
        }

        /** The shape the post prints for the images: (count, 28, 28). */
        public String imageShape() {
            return "(" + count + ", " + ROWS + ", " + COLUMNS + ")";
        }

        public String labelShape() {
            return "(" + count + ",)";
        }
    }

    /** Reads the four MNIST files of {@code folder} (each {@code name.gz} or raw {@code name}). */
    public static Mnist load(Path folder) {
        return load(folder, Dataset.MNIST);
    }

    /** Reads the four files of {@code folder} as {@code dataset} (unchecked: {@link MnistSource} checks them). */
    public static Mnist load(Path folder, Dataset dataset) {
        Split train = readSplit(dataset, "train", folder, MnistFile.TRAIN_IMAGES, MnistFile.TRAIN_LABELS);
        Split test = readSplit(dataset, "test", folder, MnistFile.TEST_IMAGES, MnistFile.TEST_LABELS);
        return new Mnist(dataset, train, test);
    }

    /**
     * The file standing for {@code file} in {@code folder}: the gzipped one if present, else the raw one, under the
     * standard names ({@code train-images-idx3-ubyte[.gz]}) or Kaggle's ({@code train-images.idx3-ubyte[.gz]}).
     */
    public static Path pathOf(Path folder, MnistFile file) {
        for (String name : file.acceptedNames()) {
            Path path = folder.resolve(name);
            if (Files.exists(path)) {
                return path;
            }
        }
        return folder.resolve(file.gzipName());
    }

    private static Split readSplit(Dataset dataset, String name, Path folder, MnistFile imagesFile,
            MnistFile labelsFile) {
        IdxFile images = IdxFile.read(pathOf(folder, imagesFile), imagesFile.magic());
        IdxFile labels = IdxFile.read(pathOf(folder, labelsFile), labelsFile.magic());
        int[] dims = images.dimensions();
        if (dims[1] != ROWS || dims[2] != COLUMNS) {
            throw new FixableProblem("IDX file " + images.path() + " holds images of " + dims[1] + " x " + dims[2]
                    + " pixels, " + dataset.title() + "'s are 28 x 28; replace it with the original " + dataset.title()
                    + " file");
        }
        if (images.count() != labels.count()) {
            throw new FixableProblem(dataset.title() + " " + name + " files disagree: " + images.path() + " holds "
                    + images.count() + " images but " + labels.path() + " holds " + labels.count()
                    + " labels; replace both with the original " + dataset.title() + " files");
        }
        byte[] labelBytes = labels.data();
        for (int i = 0; i < labelBytes.length; i++) {
            if (labelBytes[i] < 0 || labelBytes[i] >= CLASSES) {
                throw new FixableProblem("IDX file " + labels.path() + " has label " + (labelBytes[i] & 0xff)
                        + " at index " + i + ", outside 0..9; replace it with the original " + dataset.title()
                        + " file");
            }
        }
        return new Split(dataset, name, images.count(), images.data(), labelBytes);
    }

    /**
     * The first {@code trainImages} training and {@code testImages} test images, in the files' order (for a quick
     * look; this object when both are all of them).
     */
    public Mnist head(int trainImages, int testImages) {
        if (trainImages < 1 || testImages < 1) {
            throw new IllegalArgumentException("at least one training and one test image, got " + trainImages + " and "
                    + testImages);
        }
        if (trainImages >= train.count() && testImages >= test.count()) {
            return this;
        }
        return new Mnist(dataset, train.head(trainImages), test.head(testImages));
    }

    /** MNIST or Fashion-MNIST. */
    public Dataset dataset() {
        return dataset;
    }

    public Split train() {
        return train;
    }

    public Split test() {
        return test;
    }

    // --- the post's pre-processing -------------------------------------------------------------------------

    /** {@code X.reshape(n, 784) / 255.0}: float32 features for the MLP, shape (n, 784). */
    public static INDArray flatFeatures(Split split) {
        INDArray features = Nd4j.createUninitialized(DataType.FLOAT, new long[] {split.count(), PIXELS}, 'c');
        // written straight into the native buffer: no 188 MB float[] on the Java heap
        FloatBuffer values = features.data().asNioFloat();
        byte[] pixels = split.pixels();
        for (int i = 0; i < pixels.length; i++) {
            values.put(i, (pixels[i] & 0xff) / 255.0f);
        }
        return features;
    }

    /**
     * The CNN's input: the images reshaped to one channel and divided by 255. The post's code forgot this
     * reshape; Keras wants (n, 28, 28, 1), channels last, and so does the project's LeNet-5.
     */
    public static INDArray imageFeatures(Split split) {
        return flatFeatures(split).reshape('c', split.count(), ROWS, COLUMNS, 1);
    }

    /** {@code to_categorical(Y, 10)}: float32 one-hot labels, shape (n, 10). */
    public static INDArray oneHotLabels(Split split) {
        float[] values = new float[split.count() * CLASSES];
        for (int i = 0; i < split.count(); i++) {
            values[i * CLASSES + split.label(i)] = 1f;
        }
        return Nd4j.create(values, new long[] {split.count(), CLASSES}, 'c');
    }

    /** Flat features and one-hot labels, for the MLP. */
    public static DataSet flatDataSet(Split split) {
        return new DataSet(flatFeatures(split), oneHotLabels(split));
    }

    /** (n, 28, 28, 1) features and one-hot labels, for LeNet-5. */
    public static DataSet imageDataSet(Split split) {
        return new DataSet(imageFeatures(split), oneHotLabels(split));
    }

    @Override
    public String toString() {
        // MNIST's runs record "Mnist[...]" in config.json and resume only on the same line: kept as it was
        return (dataset == Dataset.MNIST ? "Mnist" : dataset.title()) + "[train " + train.imageShape() + " "
                + train.labelShape() + ", test " + test.imageShape() + " " + test.labelShape() + "]";
    }
}
