package cnnvsmlp.data;

import java.util.Arrays;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The post's "beans": two interleaved spirals ({@code dataset.get_beans(m)} of the course it follows).
 *
 * <p>{@code m / 2} points per spiral, the positive spiral (label 1, phase 0) first, then the negative one
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
    private final long seed;

    private BeansData(double[][] x, int[] y, long seed) {
        this.x = x;
        this.y = y;
        this.seed = seed;
    }

    /**
     * Generates {@code m} points (m even, at least 2), the noise drawn from a generator seeded with {@code seed}.
     */
    public static BeansData generate(int m, long seed) {
        if (m < 2 || m % 2 != 0) {
            throw new IllegalArgumentException("beans size m must be an even number >= 2, got " + m);
        }
        Random noise = new Random(seed);
        int n = m / 2;
        double[][] x = new double[m][];
        int[] y = new int[m];
        for (int spiral = 0; spiral < 2; spiral++) {
            double offset = spiral == 0 ? 0.0 : Math.PI;
            int label = spiral == 0 ? 1 : 0;
            for (int i = 0; i < n; i++) {
                double r = MAX_RADIUS * i / n;
                double t = TURNS * ((double) i / n) * 2 * Math.PI + offset;
                double u1 = uniformNoise(noise);
                double u2 = uniformNoise(noise);
                x[spiral * n + i] = new double[] {r * Math.sin(t) + u1, r * Math.cos(t) + u2};
                y[spiral * n + i] = label;
            }
        }
        return new BeansData(x, y, seed);
    }

    private static double uniformNoise(Random random) {
        return (random.nextDouble() * 2 - 1) * NOISE;
    }

    public int size() {
        return y.length;
    }

    public long seed() {
        return seed;
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
        long positives = Arrays.stream(y).filter(v -> v == 1).count();
        return "BeansData[m=" + y.length + ", positives=" + positives + ", negatives=" + (y.length - positives)
                + ", noise=+-" + NOISE + ", seed=" + seed + "]";
    }
}
