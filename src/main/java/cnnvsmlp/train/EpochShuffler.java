package cnnvsmlp.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.data.ElasticDistortion;
import cnnvsmlp.runtime.GpuDevices;

/**
 * Draws a new order every epoch and gathers each batch's rows into a buffer allocated once per batch size
 * (no shuffled copy of the whole training set: 188 MB less for MNIST).
 *
 * <p>On the CPU backend, with float32 arrays in row-major order, the rows are copied from Java through NIO
 * views of the native memory: ND4J's {@code pullRows} (a JNI call that builds a sub-array descriptor for
 * every call) cost 0.1 ms per batch, a fifth of a beans epoch. Elsewhere (the GPU, other layouts)
 * {@code pullRows} does it.
 *
 * <p>With a {@link ElasticDistortion} every image of a batch is distorted after it is gathered, by fields drawn
 * from (seed, epoch, the image's index): the stored training set stays as loaded.
 */
final class EpochShuffler {
    private final INDArray features;
    private final INDArray labels;
    private final int[] order;
    private final Random random;
    private final Map<Integer, DataSet> buffers = new HashMap<>();
    private final boolean copyInJava;
    private final ElasticDistortion distortion;
    private final long distortionSeed;
    private int epoch;

    EpochShuffler(DataSet data, long seed) {
        this(data, seed, null, 0);
    }

    /**
     * @param distortion distorts every image of every batch (null: none)
     * @param distortionSeed the seed its fields are drawn from
     */
    EpochShuffler(DataSet data, long seed, ElasticDistortion distortion, long distortionSeed) {
        this.features = data.getFeatures();
        this.labels = data.getLabels();
        this.order = new int[(int) features.size(0)];
        Arrays.setAll(order, i -> i);
        this.random = new Random(seed);
        this.copyInJava = !GpuDevices.cudaBackend() && javaCopyable(features)
                && javaCopyable(labels);
        this.distortion = distortion;
        this.distortionSeed = distortionSeed;
        if (distortion != null && features.length() / features.size(0) != ElasticDistortion.SIDE
                * ElasticDistortion.SIDE) {
            throw new IllegalArgumentException("elastic distortions need 28 x 28 images, got rows of "
                    + features.length() / features.size(0) + " values");
        }
    }

    /** Whether batches are gathered from Java (else by ND4J's pullRows). */
    boolean copiesInJava() {
        return copyInJava;
    }

    /** The next epoch's order (Fisher-Yates over the previous one). */
    int[] shuffle() {
        epoch++;
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Rows {@code from} to {@code to} of this epoch's order; valid until the next call. */
    DataSet batch(int from, int to) {
        int[] rows = Arrays.copyOfRange(order, from, to);
        DataSet buffer = buffers.computeIfAbsent(rows.length, size -> new DataSet(
                Nd4j.createUninitialized(features.dataType(), withRows(features.shape(), size), 'c'),
                Nd4j.createUninitialized(labels.dataType(), withRows(labels.shape(), size), 'c')));
        if (copyInJava) {
            copyRows(features, buffer.getFeatures(), rows);
            copyRows(labels, buffer.getLabels(), rows);
        } else {
            Nd4j.pullRows(asRows(features), asRows(buffer.getFeatures()), 1, rows);
            Nd4j.pullRows(asRows(labels), asRows(buffer.getLabels()), 1, rows);
        }
        if (distortion != null) {
            distort(buffer.getFeatures(), rows);
        }
        return buffer;
    }

    /** Distorts each gathered image by the fields of (seed, this epoch, its index in the training set). */
    private void distort(INDArray batch, int[] rows) {
        int pixels = ElasticDistortion.SIDE * ElasticDistortion.SIDE;
        float[] values = batch.data().asFloat();
        for (int i = 0; i < rows.length; i++) {
            distortion.apply(values, i * pixels, distortionSeed, epoch, rows[i]);
        }
        if (copyInJava) {
            batch.data().asNioFloat().put(0, values);
        } else {
            batch.assign(Nd4j.create(values, batch.shape(), 'c'));
        }
    }

    /** Float32, row-major, the whole of its own buffer, under 2^31 elements: rows are runs of its NIO view. */
    private static boolean javaCopyable(INDArray array) {
        return array.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT && rowMajorDense(array)
                && array.offset() == 0 && array.data().length() == array.length()
                && array.length() <= Integer.MAX_VALUE && !array.isEmpty();
    }

    /** Whether every dimension longer than 1 has the row-major stride (the product of the sizes after it). */
    private static boolean rowMajorDense(INDArray array) {
        long expected = 1;
        for (int d = array.rank() - 1; d >= 0; d--) {
            if (array.size(d) > 1 && array.stride(d) != expected) {
                return false;
            }
            expected *= array.size(d);
        }
        return true;
    }

    private static void copyRows(INDArray source, INDArray target, int[] rows) {
        int rowLength = (int) (source.length() / source.size(0));
        java.nio.FloatBuffer from = source.data().asNioFloat();
        java.nio.FloatBuffer to = target.data().asNioFloat();
        for (int i = 0; i < rows.length; i++) {
            to.put(i * rowLength, from, rows[i] * rowLength, rowLength);
        }
    }

    private static long[] withRows(long[] shape, long rows) {
        long[] copy = shape.clone();
        copy[0] = rows;
        return copy;
    }

    private static INDArray asRows(INDArray array) {
        return array.rank() == 2 ? array : array.reshape('c', array.size(0), array.length() / array.size(0));
    }
}
