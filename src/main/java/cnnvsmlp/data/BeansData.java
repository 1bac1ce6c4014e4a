package cnnvsmlp.data;

import java.util.Arrays;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Two-class points in the plane for the beans network: the post's "beans", two interleaved spirals
 * ({@code dataset.get_beans(m)} of the course it follows, {@link #generate}), or another shape
 * ({@link BeansShape}), or a CSV file ({@link BeansCsv}).
 *
 * <p>The spiral: {@code m / 2} points per spiral, the positive spiral (label 1, phase 0) first, then the negative one
 * (label 0, phase pi). Point {@code i} of a spiral has radius {@code r = 5 i / n} and angle
 * {@code t = 1.75 (i / n) 2 pi + offset}, and lies at {@code (r sin t + u1, r cos t + u2)} with
 * {@code u1, u2} uniform in [-0.1, 0.1]. Immutable; the arrays handed out are copies.
 */
public final class BeansData {

    /** The post's size: {@code get_beans(100)}. */
    public static final int POST_SIZE = 100;
    public static final double NOISE = 0.1;
    static final double MAX_RADIUS = 5.0;
    static final double TURNS = 1.75;

    private final double[][] x;
    private final int[] y;
    private final String source;

    private BeansData(double[][] x, int[] y, String source) {
        this.x = x;
        this.y = y;
        this.source = source;
    }

    /**
     * Points {@code x} (each two finite coordinates) with labels {@code y} (0 or 1), described by {@code source}
     * (e.g. "circle, noise +-0, seed 1"); the arrays are copied.
     */
    public static BeansData of(double[][] x, int[] y, String source) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many labels as points, and at least one: " + x.length
                    + " points, " + y.length + " labels");
        }
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != 2 || !Double.isFinite(x[i][0]) || !Double.isFinite(x[i][1])) {
                throw new IllegalArgumentException("point " + i + " is not two finite numbers");
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label " + i + " is " + y[i] + ", not 0 or 1");
            }
            copy[i] = x[i].clone();
        }
        return new BeansData(copy, y.clone(), source);
    }

    /**
     * Generates {@code m} points (m even, at least 2), the noise drawn from a generator seeded with {@code seed}.
     */
    public static BeansData generate(int m, long seed) {
        return generate(m, seed, NOISE);
    }

    /** The spiral with uniform noise in {@code [-noise, noise]} instead of the post's 0.1. */
    public static BeansData generate(int m, long seed, double noise) {
        if (m < 2 || m % 2 != 0) {
            throw new IllegalArgumentException("beans size m must be an even number >= 2, got " + m);
        }
        Random random = new Random(seed);
        int n = m / 2;
        double[][] x = new double[m][];
        int[] y = new int[m];
        for (int spiral = 0; spiral < 2; spiral++) {
            double offset = spiral == 0 ? 0.0 : Math.PI;
            int label = spiral == 0 ? 1 : 0;
            for (int i = 0; i < n; i++) {
                double r = MAX_RADIUS * i / n;
                double t = TURNS * ((double) i / n) * 2 * Math.PI + offset;
                double u1 = uniform(random, noise);
                double u2 = uniform(random, noise);
                x[spiral * n + i] = new double[] {r * Math.sin(t) + u1, r * Math.cos(t) + u2};
                y[spiral * n + i] = label;
            }
        }
        return new BeansData(x, y, "spiral, noise +-" + noise + ", seed " + seed);
    }

    /** Uniform in {@code [-amplitude, amplitude]}. */
    static double uniform(Random random, double amplitude) {
        return (random.nextDouble() * 2 - 1) * amplitude;
    }

    public int size() {
        return y.length;
    }

    /** Where the points come from: the shape, its noise and seed, or the file. */
    public String source() {
        return source;
    }

    /** How many points carry {@code label}. */
    public int count(int label) {
        return (int) Arrays.stream(y).filter(v -> v == label).count();
    }

    /** Feature {@code j} (0 for x1, 1 for x2) of point {@code i}. */
    public double x(int i, int j) {
        return x[i][j];
    }

    public int label(int i) {
        return y[i];
    }

    /** A copy of X, shape (m, 2). */
    public double[][] features() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        return copy;
    }

    /** A copy of Y, shape (m,), values 0 or 1. */
    public int[] labels() {
        return y.clone();
    }

    /** X as float32 (m, 2) features and Y as (m, 1) labels, the shapes the network trains on. */
    public DataSet toDataSet() {
        float[][] features = new float[x.length][2];
        float[][] labels = new float[y.length][1];
        for (int i = 0; i < x.length; i++) {
            features[i][0] = (float) x[i][0];
            features[i][1] = (float) x[i][1];
            labels[i][0] = y[i];
        }
        return new DataSet(Nd4j.create(features).castTo(DataType.FLOAT), Nd4j.create(labels).castTo(DataType.FLOAT));
    }

    @Override
    public String toString() {
        return "BeansData[m=" + y.length + ", positives=" + count(1) + ", negatives=" + count(0) + ", " + source + "]";
    }
}
