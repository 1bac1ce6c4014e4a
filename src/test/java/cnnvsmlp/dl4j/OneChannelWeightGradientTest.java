package cnnvsmlp.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The first layer's weight gradient on the JVM against the same sums in double precision, plain Java. */
class OneChannelWeightGradientTest {

    private static final int H = 28;
    private static final int W = 28;
    private static final int K = 5;
    private static final int C = 6;
    private static final int OH = H - K + 1;
    private static final int OW = W - K + 1;

    private record Batch(INDArray images, INDArray z, INDArray epsilon) {
    }

    private static Batch batch(int n, boolean channelsLast, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray images = Nd4j.rand(DataType.FLOAT, n, H, W, 1);
        long[] shape = channelsLast ? new long[] {n, OH, OW, C} : new long[] {n, C, OH, OW};
        return new Batch(images, Nd4j.rand(DataType.FLOAT, shape).subi(0.5), Nd4j.rand(DataType.FLOAT, shape).subi(0.5));
    }

    /** dW and db in double, straight from the definition: delta = epsilon where z > 0 (or epsilon if z is null). */
    private static double[] reference(Batch b, boolean channelsLast, boolean relu) {
        int n = (int) b.images().size(0);
        float[] x = b.images().data().asFloat();
        float[] z = b.z().data().asFloat();
        float[] e = b.epsilon().data().asFloat();
        double[] sums = new double[C * K * K + C];
        for (int im = 0; im < n; im++) {
            for (int o = 0; o < C; o++) {
                for (int y = 0; y < OH; y++) {
                    for (int xx = 0; xx < OW; xx++) {
                        int at = channelsLast ? ((im * OH + y) * OW + xx) * C + o : ((im * C + o) * OH + y) * OW + xx;
                        double d = !relu || z[at] > 0 ? e[at] : 0;
                        sums[C * K * K + o] += d;
                        for (int i = 0; i < K; i++) {
                            for (int j = 0; j < K; j++) {
                                sums[(o * K + i) * K + j] += d * x[im * H * W + (y + i) * W + xx + j];
                            }
                        }
                    }
                }
            }
        }
        return sums;
    }

    private static double largestDifference(double[] expected, double[] actual) {
        double scale = 0;
        double difference = 0;
        for (int k = 0; k < expected.length; k++) {
            scale = Math.max(scale, Math.abs(expected[k]));
            difference = Math.max(difference, Math.abs(expected[k] - actual[k]));
        }
        return difference / scale;
    }

    @Test
    void equalsTheDoubleSumsInEitherLayoutWithAndWithoutTheRelu() {
        for (boolean channelsLast : new boolean[] {true, false}) {
            for (int n : new int[] {3, 300, 1031}) { // one part of a few images; one part; four parts, uneven
                Batch b = batch(n, channelsLast, n);
                OneChannelWeightGradient kernel = new OneChannelWeightGradient(H, W, K, K, C, channelsLast);
                double withRelu = largestDifference(reference(b, channelsLast, true), kernel.compute(b.images(), b.z(),
                        b.epsilon()));
                double plain = largestDifference(reference(b, channelsLast, false), kernel.compute(b.images(), null,
                        b.epsilon()));
                String what = (channelsLast ? "channels last" : "channels first") + ", " + n + " images";
                assertTrue(withRelu < 1e-5, what + ", ReLU fused: " + withRelu);
                assertTrue(plain < 1e-5, what + ", delta given: " + plain);
            }
        }
    }

    @Test
    void spreadsAPooledGradientAsTheAveragePoolingsBackpropWould() {
        int n = 517;
        Batch full = batch(n, true, 4);
        Nd4j.getRandom().setSeed(5);
        INDArray pooled = Nd4j.rand(DataType.FLOAT, n, OH / 2, OW / 2, C).subi(0.5);
        // what a 2x2 average pooling's backprop gives its input: each value / 4 over its window
        INDArray spread = Nd4j.create(DataType.FLOAT, n, OH, OW, C);
        for (int y = 0; y < OH; y++) {
            for (int x = 0; x < OW; x++) {
                spread.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(y),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(x), org.nd4j.linalg.indexing.NDArrayIndex.all())
                        .assign(pooled.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                                org.nd4j.linalg.indexing.NDArrayIndex.point(y / 2),
                                org.nd4j.linalg.indexing.NDArrayIndex.point(x / 2),
                                org.nd4j.linalg.indexing.NDArrayIndex.all()).div(4));
            }
        }
        double[] fromSpread = new OneChannelWeightGradient(H, W, K, K, C, true).compute(full.images(), full.z(), spread);
        double[] fromPooled = new OneChannelWeightGradient(H, W, K, K, C, true, true).compute(full.images(), full.z(),
                pooled);
        assertArrayEquals(fromSpread, fromPooled, "the same deltas, the same sums, bit for bit");
        assertTrue(largestDifference(reference(new Batch(full.images(), full.z(), spread), true, true), fromPooled)
                < 1e-5);
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() {
        Batch b = batch(2048, true, 7);
        OneChannelWeightGradient kernel = new OneChannelWeightGradient(H, W, K, K, C, true);
        double[] parallel = kernel.compute(b.images(), b.z(), b.epsilon());
        int threads = Nd4j.getEnvironment().maxThreads();
        try {
            Nd4j.getEnvironment().setMaxThreads(1);
            assertArrayEquals(parallel, kernel.compute(b.images(), b.z(), b.epsilon()), "one thread, bit for bit");
        } finally {
            Nd4j.getEnvironment().setMaxThreads(threads);
        }
        assertArrayEquals(parallel, kernel.compute(b.images(), b.z(), b.epsilon()), "again, bit for bit");
    }

    @Test
    void theReluDerivativeIsOneAboveZeroOnly() {
        assertEquals(2.5f, OneChannelWeightGradient.positiveOrZero(0.1f, 2.5f));
        assertEquals(-2.5f, OneChannelWeightGradient.positiveOrZero(Float.MIN_VALUE, -2.5f), "a denormal is above 0");
        assertEquals(-2.5f, OneChannelWeightGradient.positiveOrZero(Float.POSITIVE_INFINITY, -2.5f));
        for (float z : new float[] {0f, -0f, -Float.MIN_VALUE, -3f, Float.NEGATIVE_INFINITY}) {
            assertEquals(0f, Math.abs(OneChannelWeightGradient.positiveOrZero(z, 2.5f)), "z = " + z);
        }
    }

    @Test
    void readsOnlyDenseFloatArraysAndOnlyLargeBatches() {
        INDArray dense = Nd4j.rand(DataType.FLOAT, 4, 28, 28, 1);
        assertTrue(OneChannelWeightGradient.readable(dense));
        assertTrue(OneChannelWeightGradient.readable(dense.permute(0, 3, 1, 2)), "a size-1 dimension moved");
        assertFalse(OneChannelWeightGradient.readable(dense.permute(0, 2, 1, 3)), "transposed");
        assertFalse(OneChannelWeightGradient.readable(dense.castTo(DataType.DOUBLE)));
        assertFalse(OneChannelWeightGradient.readable(Nd4j.rand(DataType.FLOAT, 4, 30).get(
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 28))),
                "a column slice");
        assertFalse(OneChannelWeightGradient.pays(64));
        assertTrue(OneChannelWeightGradient.pays(2048));
    }
}
