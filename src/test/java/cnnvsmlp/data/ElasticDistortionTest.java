package cnnvsmlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cnnvsmlp.TestData;

class ElasticDistortionTest {

    private static final int PIXELS = 784;

    private static float[] digit(Mnist.Split split, int i) {
        float[] image = new float[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            image[p] = (split.pixels()[i * PIXELS + p] & 0xff) / 255f;
        }
        return image;
    }

    @Test
    void theSameSeedEpochAndImageGiveTheSameFieldAnyOtherADifferentOne() {
        ElasticDistortion d = ElasticDistortion.SIMARD;
        float[][] a = field(d, 42, 3, 17);
        assertArrayEquals(a[0], field(d, 42, 3, 17)[0]);
        assertArrayEquals(a[1], field(d, 42, 3, 17)[1]);
        assertFalse(Arrays.equals(a[0], field(d, 42, 4, 17)[0]), "a new field every epoch");
        assertFalse(Arrays.equals(a[0], field(d, 42, 3, 18)[0]), "a field of its own for every image");
        assertFalse(Arrays.equals(a[0], field(d, 43, 3, 17)[0]), "another seed, other fields");
        assertFalse(Arrays.equals(a[0], a[1]), "rows and columns move independently");
    }

    private static float[][] field(ElasticDistortion d, long seed, int epoch, int index) {
        float[] dx = new float[PIXELS];
        float[] dy = new float[PIXELS];
        d.field(seed, epoch, index, dx, dy);
        return new float[][] {dx, dy};
    }

    @Test
    void theGaussianIsSciPysNormalisedAndCutAtFourSigmaTheEdgesMirrored() {
        float[] k = ElasticDistortion.kernel(4);
        assertEquals(33, k.length, "radius int(4 * 4 + 0.5) = 16");
        double sum = 0;
        for (float w : k) {
            sum += w;
        }
        assertEquals(1, sum, 1e-6);
        assertEquals(k[16] * Math.exp(-0.5), k[20], 1e-7, "one sigma out: exp(-1/2) of the centre");
        // SciPy's mode='reflect': d c b a | a b c d | d c b a
        assertEquals(0, ElasticDistortion.reflect(-1));
        assertEquals(3, ElasticDistortion.reflect(-4));
        assertEquals(27, ElasticDistortion.reflect(28));
        assertEquals(12, ElasticDistortion.reflect(43));
        assertEquals(27, ElasticDistortion.reflect(-29));
    }

    @Test
    void simardsValuesMoveEachPixelAboutOneAndAHalfPixels() {
        // uniform [-1, 1] noise (variance 1/3) through a normalised 2-D Gaussian of sigma 4 (sum of squared weights
        // about 1 / (4 pi sigma^2)) has a standard deviation of about 0.041, times alpha 34: 1.4 pixels
        double sumSquares = 0;
        int n = 0;
        for (int image = 0; image < 200; image++) {
            float[][] f = field(ElasticDistortion.SIMARD, 7, 1, image);
            for (float[] axis : f) {
                for (float v : axis) {
                    sumSquares += v * v;
                    n++;
                }
            }
        }
        double rms = Math.sqrt(sumSquares / n);
        assertTrue(rms > 1.1 && rms < 2.0, "root mean square displacement " + rms + " pixels");
    }

    /** The fast passes against the textbook loops: smooth the raw fields, scale, read bilinearly with 0 outside. */
    @Test
    void theFastPassesComputeWhatTheTextbookLoopsDo() {
        ElasticDistortion d = new ElasticDistortion(4, 34);
        float[] image = new float[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            image[p] = (float) Math.max(0, Math.sin(p * 0.37) * Math.cos(p * 0.011));
        }
        for (int index = 0; index < 5; index++) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(ElasticDistortion.mix(9, 2, index));
            double[] rawX = new double[PIXELS];
            double[] rawY = new double[PIXELS];
            for (int p = 0; p < PIXELS; p++) {
                rawX[p] = (float) (random.nextDouble() * 2 - 1);
                rawY[p] = (float) (random.nextDouble() * 2 - 1);
            }
            double[] dx = textbookSmooth(rawX, 4, 34);
            double[] dy = textbookSmooth(rawY, 4, 34);
            float[] fast = image.clone();
            d.apply(fast, 0, 9, 2, index);
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    double expected = textbookBilinear(image, r + dy[r * 28 + c], c + dx[r * 28 + c]);
                    assertEquals(expected, fast[r * 28 + c], 1e-4, "pixel (" + r + ", " + c + ")");
                }
            }
        }
    }

    private static double[] textbookSmooth(double[] in, double sigma, double alpha) {
        int radius = (int) (4 * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double total = 0;
        for (int i = -radius; i <= radius; i++) {
            w[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            total += w[i + radius];
        }
        double[] rows = new double[PIXELS];
        double[] out = new double[PIXELS];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                for (int k = -radius; k <= radius; k++) {
                    rows[r * 28 + c] += w[k + radius] / total * in[r * 28 + ElasticDistortion.reflect(c + k)];
                }
            }
        }
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                for (int k = -radius; k <= radius; k++) {
                    out[r * 28 + c] += w[k + radius] / total * rows[ElasticDistortion.reflect(r + k) * 28 + c];
                }
                out[r * 28 + c] *= alpha;
            }
        }
        return out;
    }

    private static double textbookBilinear(float[] image, double row, double column) {
        int r0 = (int) Math.floor(row);
        int c0 = (int) Math.floor(column);
        double fr = row - r0;
        double fc = column - c0;
        return (1 - fr) * (1 - fc) * at(image, r0, c0) + (1 - fr) * fc * at(image, r0, c0 + 1)
                + fr * (1 - fc) * at(image, r0 + 1, c0) + fr * fc * at(image, r0 + 1, c0 + 1);
    }

    private static double at(float[] image, int r, int c) {
        return r < 0 || c < 0 || r >= 28 || c >= 28 ? 0 : image[r * 28 + c];
    }

    @Test
    void alphaZeroLeavesTheImageAsItWas() {
        float[] image = new float[PIXELS + 5];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i * 37 % 101) / 100f;
        }
        float[] copy = image.clone();
        new ElasticDistortion(4, 0).apply(image, 5, 1, 1, 0);
        assertArrayEquals(copy, image, "no displacement, bilinear reading at whole pixels");
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ElasticDistortion(0, 34));
        assertThrows(IllegalArgumentException.class, () -> new ElasticDistortion(4, -1));
        assertThrows(IllegalArgumentException.class, () -> new ElasticDistortion(Double.NaN, 34));
    }

    /** Real digits stay digits: most ink kept, in place, yet a visible change, different each epoch. */
    @Test
    @Tag("real-data")
    void aRealDigitKeepsItsInkAndPlaceButChanges() {
        Mnist.Split train = TestData.mnist().train();
        for (int i = 0; i < 20; i++) {
            float[] original = digit(train, i);
            float[] distorted = original.clone();
            ElasticDistortion.SIMARD.apply(distorted, 0, 42, 1, i);
            float[] otherEpoch = original.clone();
            ElasticDistortion.SIMARD.apply(otherEpoch, 0, 42, 2, i);
            double ink = sum(original);
            double kept = sum(distorted);
            assertTrue(kept > 0.6 * ink && kept < 1.6 * ink, "image " + i + ": ink " + ink + " -> " + kept);
            double changed = 0;
            for (int p = 0; p < PIXELS; p++) {
                changed += Math.abs(distorted[p] - original[p]);
            }
            assertTrue(changed > 0.15 * ink, "image " + i + " changed by " + changed + " of " + ink);
            double[] before = centre(original);
            double[] after = centre(distorted);
            double shift = Math.hypot(after[0] - before[0], after[1] - before[1]);
            assertTrue(shift < 3, "image " + i + " stays where it was: its centre moved " + shift + " pixels");
            assertFalse(Arrays.equals(distorted, otherEpoch));
            for (float v : distorted) {
                assertTrue(v >= 0 && v <= 1, "grey values stay in [0, 1]: " + v);
            }
        }
    }

    /** The centre of the ink, (row, column). */
    private static double[] centre(float[] image) {
        double r = 0;
        double c = 0;
        double ink = sum(image);
        for (int p = 0; p < PIXELS; p++) {
            r += image[p] * (p / 28);
            c += image[p] * (p % 28);
        }
        return new double[] {r / ink, c / ink};
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
