package cnnvsmlp.data;

import java.util.SplittableRandom;

/**
 * Elastic distortions of a 28 x 28 image, as Simard, Steinkraus and Platt describe them ("Best practices for
 * convolutional neural networks applied to visual document analysis", ICDAR 2003, section 2): two fields of
 * displacements drawn uniformly from [-1, 1] at every pixel, each smoothed by a Gaussian of standard deviation
 * {@code sigma} pixels and scaled by {@code alpha}; the new image at (row, column) is the old one read at
 * (row + dy, column + dx) by bilinear interpolation, 0 (background) outside. {@link #SIMARD} holds that paper's
 * values for MNIST, sigma 4 and alpha 34.
 *
 * <p>As the usual implementation (SciPy's {@code gaussian_filter}, which Keras users call) does it: the Gaussian's
 * weights are normalised to sum 1 and cut at 4 sigma, and the field is extended beyond its edges by mirroring
 * (SciPy's {@code mode='reflect'}).
 *
 * <p>Deterministic: the fields of an image depend only on ({@code seed}, epoch, the image's index in the training
 * set), never on the batch it lands in or on what ran before, so a resumed run draws exactly the distortions the
 * uninterrupted one would have.
 *
 * @param sigma the smoothing Gaussian's standard deviation, in pixels
 * @param alpha the displacements' scale, in pixels
 */
public record ElasticDistortion(double sigma, double alpha) {

    /** The paper's values for MNIST. */
    public static final ElasticDistortion SIMARD = new ElasticDistortion(4, 34);

    public static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;
    /** The side of an image with a border of 0: one row and column before, two after. */
    private static final int BORDERED = SIDE + 3;

    public ElasticDistortion {
        if (!(sigma > 0) || !(alpha >= 0)) {
            throw new IllegalArgumentException("sigma " + sigma + ", alpha " + alpha);
        }
    }

    /**
     * Distorts the 784 grey values of {@code image} from {@code offset} (row by row) in place.
     *
     * @param seed the run's seed
     * @param epoch the epoch, from 1
     * @param index the image's index in the training set
     */
    public void apply(float[] image, int offset, long seed, int epoch, int index) {
        float[] dx = new float[PIXELS];
        float[] dy = new float[PIXELS];
        field(seed, epoch, index, dx, dy);
        float[] source = new float[BORDERED * BORDERED]; // the image inside a border of 0 (background)
        for (int r = 0; r < SIDE; r++) {
            System.arraycopy(image, offset + r * SIDE, source, (r + 1) * BORDERED + 1, SIDE);
        }
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int p = r * SIDE + c;
                image[offset + p] = bilinear(source, r + dy[p], c + dx[p]);
            }
        }
    }

    /** The displacements (in pixels) of one image: columns in {@code dx}, rows in {@code dy}. */
    public void field(long seed, int epoch, int index, float[] dx, float[] dy) {
        SplittableRandom random = new SplittableRandom(mix(seed, epoch, index));
        float[] rawX = new float[PIXELS];
        float[] rawY = new float[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            rawX[p] = (float) (random.nextDouble() * 2 - 1);
            rawY[p] = (float) (random.nextDouble() * 2 - 1);
        }
        float[] kernel = kernel(sigma);
        smooth(rawX, dx, kernel);
        smooth(rawY, dy, kernel);
    }

    /** The Gaussian's weights from -4 sigma to +4 sigma (rounded as SciPy does), summing to 1. */
    static float[] kernel(double sigma) {
        int radius = (int) (4 * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            w[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += w[i + radius];
        }
        float[] k = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            k[i] = (float) (w[i] / sum);
        }
        return k;
    }

    /**
     * {@code out = alpha * (kernel along rows, then along columns) * in}, mirrored at the edges. Both passes smooth
     * along columns ({@link #smoothColumns}); the image is transposed before and after the first.
     */
    private void smooth(float[] in, float[] out, float[] kernel) {
        float[] columns = new float[PIXELS];
        smoothColumns(transposed(in), columns, kernel);
        smoothColumns(transposed(columns), out, kernel);
        float a = (float) alpha;
        for (int p = 0; p < PIXELS; p++) {
            out[p] *= a;
        }
    }

    /**
     * {@code out} = {@code in} smoothed along its columns: {@code in}'s rows mirrored above and below it, then one
     * weight's shifted copy added to all pixels at a time, in one long loop ({@link #addScaled}).
     */
    private static void smoothColumns(float[] in, float[] out, float[] kernel) {
        int radius = kernel.length / 2;
        int[] mirrored = mirroredIndices(radius);
        float[] tall = new float[(SIDE + 2 * radius) * SIDE];
        for (int r = 0; r < mirrored.length; r++) {
            System.arraycopy(in, mirrored[r] * SIDE, tall, r * SIDE, SIDE);
        }
        java.util.Arrays.fill(out, 0);
        float[] shifted = new float[PIXELS];
        for (int k = 0; k < kernel.length; k++) {
            System.arraycopy(tall, k * SIDE, shifted, 0, PIXELS);
            addScaled(out, shifted, kernel[k], PIXELS);
        }
    }

    private static float[] transposed(float[] image) {
        float[] t = new float[PIXELS];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                t[c * SIDE + r] = image[r * SIDE + c];
            }
        }
        return t;
    }

    /**
     * {@code y[i] += w * x[i]} for {@code i < n}. Both start at 0: Java 17's JIT does not turn the loop into vector
     * instructions when {@code x} is read at an offset (4 times slower), hence the shifted copies.
     */
    private static void addScaled(float[] y, float[] x, float w, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += w * x[i];
        }
    }

    /** Index {@code i} of the field extended by {@code radius} on both sides: its mirrored place inside. */
    private static int[] mirroredIndices(int radius) {
        int[] indices = new int[SIDE + 2 * radius];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = reflect(i - radius);
        }
        return indices;
    }

    /** SciPy's 'reflect': d c b a | a b c d | d c b a, repeated as far as needed. */
    static int reflect(int i) {
        int period = 2 * SIDE;
        int m = Math.floorMod(i, period);
        return m < SIDE ? m : period - 1 - m;
    }

    /**
     * The image read at a fractional position, 0 outside (SciPy's map_coordinates, order 1, constant 0), from its
     * bordered copy: a position beyond the border reads the border's 0, so it is moved onto it.
     */
    private static float bilinear(float[] bordered, float row, float column) {
        float r = Math.max(-1, Math.min(SIDE, row)) + 1;
        float c = Math.max(-1, Math.min(SIDE, column)) + 1;
        int r0 = (int) r; // r, c >= 0: the cast is floor
        int c0 = (int) c;
        float fr = r - r0;
        float fc = c - c0;
        int at = r0 * BORDERED + c0;
        return (1 - fr) * ((1 - fc) * bordered[at] + fc * bordered[at + 1])
                + fr * ((1 - fc) * bordered[at + BORDERED] + fc * bordered[at + BORDERED + 1]);
    }

    /** One 64-bit seed per (run seed, epoch, image), well mixed (SplitMix64's finaliser on each step). */
    static long mix(long seed, int epoch, int index) {
        long h = splitMix(seed ^ 0x9E3779B97F4A7C15L);
        h = splitMix(h ^ epoch);
        return splitMix(h ^ index);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
