package cnnvsmlp.dl4j;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weight and bias gradients of a convolution over images of one channel, stride 1, no padding or dilation
 * (LeNet-5's first layer), computed on the JVM: {@code dW[o][i][j] = sum over n, y, x of delta[n][y][x][o] *
 * image[n][y + i][x + j]} and {@code db[o] = sum of delta[n][y][x][o]}, with {@code delta} the output gradient
 * times the ReLU's derivative ({@code z > 0}), fused into the same pass.
 *
 * <p>Why not oneDNN: with one input channel this is a correlation of each image with its six delta maps, which
 * oneDNN (a convolution of the transposed input with the transposed delta) ran at some 10 GFLOP/s, half of the
 * time in transposing the delta (28 MB at batch 2048). Here each image's delta maps are laid on the image's row
 * width ({@code w}, zero past the output's width), so that for every kernel offset {@code (i, j)} the products of
 * a whole delta map with the shifted image are one contiguous loop the JIT turns into vector instructions; the
 * accumulators stay in the core's cache.
 *
 * <p>Sums: each accumulator lane sums the products of one map position over a part's images in float, the
 * lanes and the parts are then summed in double, in a fixed order: the result does not depend on the number of
 * threads. A test holds it against float64 and against DL4J's own convolution at the post's batch of 2048.
 */
final class OneChannelWeightGradient {

    /**
     * Parts of a batch, summed in order: one per {@value #IMAGES_PER_PART} images, at most {@value #MAX_PARTS}, so
     * the result depends on the batch alone, not on the number of cores. (Each part ends with summing its
     * accumulators, some 0.1 ms: not worth a part for a few images.)
     */
    private static final int IMAGES_PER_PART = 256;
    private static final int MAX_PARTS = 8;

    private final int height;
    private final int width;
    private final int kernelHeight;
    private final int kernelWidth;
    private final int channels;
    private final boolean channelsLast;
    private final boolean pooled;
    private final int outHeight;
    private final int outWidth;
    /** Length of one delta map laid on the image's row width. */
    private final int laid;

    /**
     * @param height the images' height
     * @param width their width
     * @param kernelHeight the kernel's height
     * @param kernelWidth its width
     * @param channels output channels
     * @param channelsLast whether delta is (n, y, x, channel) rather than (n, channel, y, x)
     */
    OneChannelWeightGradient(int height, int width, int kernelHeight, int kernelWidth, int channels,
            boolean channelsLast) {
        this(height, width, kernelHeight, kernelWidth, channels, channelsLast, false);
    }

    /**
     * As above; {@code pooled}: the epsilon given to {@link #compute} is the gradient of a 2x2 average pooling's
     * output (half the height and width, channels last), spread here over each window, divided by 4.
     */
    OneChannelWeightGradient(int height, int width, int kernelHeight, int kernelWidth, int channels,
            boolean channelsLast, boolean pooled) {
        if (pooled && (!channelsLast || (height - kernelHeight + 1) % 2 != 0 || (width - kernelWidth + 1) % 2 != 0)) {
            throw new IllegalArgumentException("a pooled epsilon needs channels last and an even output size");
        }
        this.pooled = pooled;
        this.height = height;
        this.width = width;
        this.kernelHeight = kernelHeight;
        this.kernelWidth = kernelWidth;
        this.channels = channels;
        this.channelsLast = channelsLast;
        this.outHeight = height - kernelHeight + 1;
        this.outWidth = width - kernelWidth + 1;
        this.laid = outHeight * width;
    }

    /**
     * Whether this is faster than oneDNN for a batch of {@code n}: from {@value #IMAGES_PER_PART} images on
     * (measured: 2.6-2.7 s against 3.1 s per LeNet-5 epoch at batch 2048; at batch 64, one part on one core,
     * 4.4-4.7 s against 3.8 s).
     */
    static boolean pays(long n) {
        return n >= IMAGES_PER_PART;
    }

    /**
     * Whether {@code array} is float and dense in c order (each dimension's stride the product of the later sizes;
     * any stride for a dimension of size 1), so its buffer can be read directly.
     */
    static boolean readable(INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.length() >= Integer.MAX_VALUE) {
            return false;
        }
        long expected = 1;
        for (int d = array.rank() - 1; d >= 0; d--) {
            if (array.size(d) != 1 && array.stride(d) != expected) {
                return false;
            }
            expected *= array.size(d);
        }
        return true;
    }

    /**
     * The gradients for a batch.
     *
     * @param images (n, h, w, 1) or (n, 1, h, w), {@link #readable}
     * @param z the pre-activation, shaped as {@code epsilon}, or null when {@code epsilon} already is delta
     * @param epsilon the gradient of the layer's output (after the ReLU when {@code z} is given); when pooled, of
     *     the 2x2 average pooling's output after it
     * @return {@code channels * kh * kw} weight gradients (order: channel, i, j) then {@code channels} bias ones
     */
    double[] compute(INDArray images, INDArray z, INDArray epsilon) {
        int n = (int) images.size(0);
        FloatBuffer imageData = images.data().asNioFloat();
        FloatBuffer epsilonData = epsilon.data().asNioFloat();
        FloatBuffer zData = z == null ? null : z.data().asNioFloat();
        int imageOffset = (int) images.offset();
        int epsilonOffset = (int) epsilon.offset();
        int zOffset = z == null ? 0 : (int) z.offset();
        int count = Math.max(1, Math.min(MAX_PARTS, n / IMAGES_PER_PART));
        IntStream indices = IntStream.range(0, count);
        // in parallel on the common fork-join pool, unless ND4J's ops were given one thread (--threads 1)
        double[][] parts = (Nd4j.getEnvironment().maxThreads() > 1 ? indices.parallel() : indices)
                .mapToObj(part -> part(imageData, imageOffset, zData, zOffset, epsilonData, epsilonOffset,
                        (int) ((long) n * part / count), (int) ((long) n * (part + 1) / count)))
                .toArray(double[][]::new);
        double[] sum = new double[parts[0].length];
        for (double[] part : parts) {
            for (int k = 0; k < sum.length; k++) {
                sum[k] += part[k];
            }
        }
        return sum;
    }

    private double[] part(FloatBuffer imageData, int imageOffset, FloatBuffer zData, int zOffset,
            FloatBuffer epsilonData, int epsilonOffset, int first, int end) {
        int taps = kernelHeight * kernelWidth;
        int imageSize = height * width;
        int mapSize = outHeight * outWidth * channels;
        float[][] acc = new float[channels * taps][laid];
        double[][] biasAcc = new double[channels][laid];
        // an image, with kw - 1 zeros past its end for the last offsets' reads
        float[] image = new float[imageSize + kernelWidth - 1];
        // the image shifted by each kernel offset (i, j), and its delta maps laid on the row width (zero past the
        // output's width): separate arrays indexed from 0, because Java 17's JIT vectorizes a loop over float
        // arrays only where it sees that a store cannot overlap a later load
        float[][] shifted = new float[taps][laid];
        float[][] delta = new float[channels][laid];
        int epsilonSize = pooled ? mapSize / 4 : mapSize;
        float[] eps = new float[mapSize];
        float[] handed = pooled ? new float[epsilonSize] : null;
        float[] pre = new float[mapSize];
        for (int k = first; k < end; k++) {
            imageData.get(imageOffset + k * imageSize, image, 0, imageSize);
            for (int i = 0; i < kernelHeight; i++) {
                for (int j = 0; j < kernelWidth; j++) {
                    System.arraycopy(image, i * width + j, shifted[i * kernelWidth + j], 0, laid);
                }
            }
            if (zData != null) {
                zData.get(zOffset + k * mapSize, pre, 0, mapSize);
            }
            if (pooled) {
                epsilonData.get(epsilonOffset + k * epsilonSize, handed, 0, epsilonSize);
                laySpread(handed, zData == null ? null : pre, delta, biasAcc);
            } else {
                epsilonData.get(epsilonOffset + k * mapSize, eps, 0, mapSize);
                layDelta(eps, zData == null ? null : pre, delta, biasAcc);
            }
            for (int o = 0; o < channels; o++) {
                for (int tap = 0; tap < taps; tap++) {
                    accumulate(acc[o * taps + tap], shifted[tap], delta[o], laid);
                }
            }
        }
        double[] out = new double[channels * taps + channels];
        for (int m = 0; m < channels * taps; m++) {
            double s = 0;
            for (float v : acc[m]) {
                s += v;
            }
            out[m] = s;
        }
        for (int o = 0; o < channels; o++) {
            double s = 0;
            for (double v : biasAcc[o]) {
                s += v;
            }
            out[channels * taps + o] = s;
        }
        return out;
    }

    /**
     * One image's delta ({@code eps}, times {@code z > 0} when {@code pre} is given; overwrites {@code eps}) laid
     * out per channel, and added to {@code biasAcc}. In three plain loops: a select over contiguous values, a
     * transposing copy, a vector sum.
     */
    private void layDelta(float[] eps, float[] pre, float[][] maps, double[][] biasAcc) {
        if (pre != null) {
            for (int t = 0; t < eps.length; t++) {
                eps[t] = positiveOrZero(pre[t], eps[t]);
            }
        }
        int rows = outHeight;
        int columns = outWidth;
        int rowWidth = width;
        int step = channelsLast ? channels : 1;
        for (int o = 0; o < channels; o++) {
            float[] map = maps[o];
            int from = channelsLast ? o : o * rows * columns;
            for (int y = 0; y < rows; y++) {
                for (int x = 0, to = y * rowWidth; x < columns; x++, to++, from += step) {
                    map[to] = eps[from];
                }
            }
        }
        for (int o = 0; o < channels; o++) {
            accumulateOnes(biasAcc[o], maps[o], laid);
        }
    }

    /**
     * As {@link #layDelta}, from the gradient of a 2x2 average pooling's output ({@code handed}, channels last):
     * each value divided by 4 (exactly, as the pooling layer's backprop computes it) goes to the four positions of
     * its window, times {@code z > 0} there.
     */
    private void laySpread(float[] handed, float[] pre, float[][] maps, double[][] biasAcc) {
        int pooledHeight = outHeight / 2;
        int pooledWidth = outWidth / 2;
        int rowWidth = width;
        int rowStep = outWidth * channels;
        for (int o = 0; o < channels; o++) {
            float[] map = maps[o];
            for (int py = 0; py < pooledHeight; py++) {
                for (int px = 0; px < pooledWidth; px++) {
                    float value = handed[(py * pooledWidth + px) * channels + o] * 0.25f;
                    int at = ((2 * py) * outWidth + 2 * px) * channels + o;
                    int to = 2 * py * rowWidth + 2 * px;
                    if (pre == null) {
                        map[to] = value;
                        map[to + 1] = value;
                        map[to + rowWidth] = value;
                        map[to + rowWidth + 1] = value;
                    } else {
                        map[to] = positiveOrZero(pre[at], value);
                        map[to + 1] = positiveOrZero(pre[at + channels], value);
                        map[to + rowWidth] = positiveOrZero(pre[at + rowStep], value);
                        map[to + rowWidth + 1] = positiveOrZero(pre[at + rowStep + channels], value);
                    }
                }
            }
        }
        for (int o = 0; o < channels; o++) {
            accumulateOnes(biasAcc[o], maps[o], laid);
        }
    }

    /**
     * {@code z > 0 ? value : 0}, without a branch: on a new image's pre-activations the branch would be a coin
     * toss. (A NaN {@code z} with its sign bit clear passes the value through, where DL4J's step gives 0; such a
     * network has diverged already.)
     */
    static float positiveOrZero(float z, float value) {
        int bits = Float.floatToRawIntBits(z);
        int keep = (-bits & ~bits) >> 31; // all ones when bits > 0 (z above +0), else 0
        return Float.intBitsToFloat(Float.floatToRawIntBits(value) & keep);
    }

    /** {@code acc[t] += delta[t]} for t below {@code length}. */
    private static void accumulateOnes(double[] acc, float[] delta, int length) {
        for (int t = 0; t < length; t++) {
            acc[t] += delta[t];
        }
    }

    /**
     * {@code acc[t] += shifted[t] * delta[t]} for t below {@code length}: one image, one kernel offset, one channel.
     * (Kept this plain: bounded by {@code acc.length} instead of a parameter, or summing four images per pass,
     * Java 17's JIT left it scalar, four to six times slower, in some runs or all.)
     */
    private static void accumulate(float[] acc, float[] shifted, float[] delta, int length) {
        for (int t = 0; t < length; t++) {
            acc[t] += shifted[t] * delta[t];
        }
    }
}
