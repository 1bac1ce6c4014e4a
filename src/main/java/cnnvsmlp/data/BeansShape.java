package cnnvsmlp.data;

import java.util.Locale;
import java.util.Random;

/**
 * The toy data sets the beans network can learn: the post's spiral and the other shapes of TensorFlow
 * Playground and the course. Each has {@code m / 2} points of label 1 first, then {@code m / 2} of label 0,
 * with uniform noise in {@code [-noise, noise]} added to each coordinate, drawn from {@code new Random(seed)}.
 */
public enum BeansShape {

    /** The post's two interleaved spirals ({@link BeansData#generate}); noise 0.1 as in the post. */
    SPIRAL(BeansData.NOISE),
    /** The course's circle: a disc of radius 0.5 (label 1) inside a ring from 0.7 to 1 (label 0), centred at (1, 1). */
    CIRCLE(0),
    /** Playground's XOR: label 1 in the quadrants where x1 and x2 have the same sign, |x1|, |x2| in [0.1, 1]. */
    XOR(0),
    /** Two round Gaussian blobs of standard deviation 0.5: label 1 around (1, 1), label 0 around (-1, -1). */
    BLOBS(0);

    static final double DISC_RADIUS = 0.5;
    static final double RING_INNER = 0.7;
    static final double RING_OUTER = 1.0;
    static final double CENTRE = 1.0;
    static final double XOR_MARGIN = 0.1;
    static final double BLOB_SD = 0.5;

    private final double defaultNoise;

    BeansShape(double defaultNoise) {
        this.defaultNoise = defaultNoise;
    }

    /** The name on the command line: spiral, circle, xor, blobs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double defaultNoise() {
        return defaultNoise;
    }

    /** {@code m} points (even, at least 2) with this shape's default noise. */
    public BeansData generate(int m, long seed) {
        return generate(m, seed, defaultNoise);
    }

    public BeansData generate(int m, long seed, double noise) {
        if (m < 2 || m % 2 != 0) {
            throw new IllegalArgumentException("the number of points must be an even number >= 2, got " + m);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
        if (this == SPIRAL) {
            return BeansData.generate(m, seed, noise);
        }
        Random random = new Random(seed);
        int n = m / 2;
        double[][] x = new double[m][];
        int[] y = new int[m];
        for (int k = 0; k < m; k++) {
            int label = k < n ? 1 : 0;
            double[] point = switch (this) {
                case CIRCLE -> circle(random, label);
                case XOR -> xor(random, label, k);
                case BLOBS -> new double[] {blobCentre(label) + BLOB_SD * random.nextGaussian(),
                        blobCentre(label) + BLOB_SD * random.nextGaussian()};
                default -> throw new AssertionError(this);
            };
            point[0] += BeansData.uniform(random, noise);
            point[1] += BeansData.uniform(random, noise);
            x[k] = point;
            y[k] = label;
        }
        return BeansData.of(x, y, id() + ", noise +-" + noise + ", seed " + seed);
    }

    /** Uniform over the disc (label 1) or the ring (label 0), by area. */
    private static double[] circle(Random random, int label) {
        double inner = label == 1 ? 0 : RING_INNER;
        double outer = label == 1 ? DISC_RADIUS : RING_OUTER;
        double r = Math.sqrt(inner * inner + random.nextDouble() * (outer * outer - inner * inner));
        double angle = random.nextDouble() * 2 * Math.PI;
        return new double[] {CENTRE + r * Math.cos(angle), CENTRE + r * Math.sin(angle)};
    }

    /** Label 1: quadrants I and III; label 0: II and IV, alternating so that each gets half. */
    private static double[] xor(Random random, int label, int k) {
        double a = XOR_MARGIN + random.nextDouble() * (1 - XOR_MARGIN);
        double b = XOR_MARGIN + random.nextDouble() * (1 - XOR_MARGIN);
        boolean firstSign = k % 2 == 0;
        double s1 = firstSign ? 1 : -1;
        double s2 = label == 1 ? s1 : -s1;
        return new double[] {s1 * a, s2 * b};
    }

    private static double blobCentre(int label) {
        return label == 1 ? 1 : -1;
    }

    /** The shape named {@code id} (spiral, circle, xor, blobs; any case). */
    public static BeansShape byId(String id) {
        for (BeansShape shape : values()) {
            if (shape.id().equalsIgnoreCase(id.trim())) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + id + "'; choose spiral, circle, xor or blobs");
    }
}
