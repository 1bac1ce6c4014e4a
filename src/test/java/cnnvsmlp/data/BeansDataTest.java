package cnnvsmlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class BeansDataTest {

    private final BeansData beans = BeansData.generate(100, 42);

    @Test
    void hasFiftyPositivesFirstThenFiftyNegatives() {
        assertEquals(100, beans.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(1, beans.label(i), "point " + i);
            assertEquals(0, beans.label(50 + i), "point " + (50 + i));
        }
    }

    @Test
    void everyPointLiesWithinTheNoiseOfItsSpiral() {
        int n = 50;
        for (int spiral = 0; spiral < 2; spiral++) {
            for (int i = 0; i < n; i++) {
                double r = 5.0 * i / n;
                double t = 1.75 * i / n * 2 * Math.PI + (spiral == 0 ? 0 : Math.PI);
                int p = spiral * n + i;
                double u1 = beans.x(p, 0) - r * Math.sin(t);
                double u2 = beans.x(p, 1) - r * Math.cos(t);
                assertTrue(Math.abs(u1) <= 0.1 && Math.abs(u2) <= 0.1, "noise of point " + p + ": " + u1 + ", " + u2);
            }
        }
    }

    @Test
    void chosenPointsHaveTheirRadiusAndAngle() {
        // positive point 25: r = 2.5, t = 1.75 * 0.5 * 2 pi = 1.75 pi -> (2.5 sin t, 2.5 cos t) = (-1.768, 1.768)
        assertEquals(-1.7678, beans.x(25, 0), 0.1 + 1e-4);
        assertEquals(1.7678, beans.x(25, 1), 0.1 + 1e-4);
        // negative point 25 is the same point turned by pi
        assertEquals(1.7678, beans.x(75, 0), 0.1 + 1e-4);
        assertEquals(-1.7678, beans.x(75, 1), 0.1 + 1e-4);
        // the first point of each spiral sits at the origin, up to noise
        assertEquals(0, Math.hypot(beans.x(0, 0), beans.x(0, 1)), 0.1 * Math.sqrt(2));
        // the last positive point: r = 4.9, t = 1.715 * 2 pi
        double t = 1.75 * 49 / 50.0 * 2 * Math.PI;
        assertEquals(4.9 * Math.sin(t), beans.x(49, 0), 0.1 + 1e-9);
        assertEquals(4.9 * Math.cos(t), beans.x(49, 1), 0.1 + 1e-9);
    }

    @Test
    void noiseSpreadsOverItsWholeRange() {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        BeansData many = BeansData.generate(2000, 7);
        for (int p = 0; p < 1000; p++) {
            double r = 5.0 * p / 1000;
            double t = 1.75 * p / 1000.0 * 2 * Math.PI;
            double u = many.x(p, 0) - r * Math.sin(t);
            min = Math.min(min, u);
            max = Math.max(max, u);
        }
        assertTrue(min < -0.09 && max > 0.09, "noise range [" + min + ", " + max + "]");
    }

    @Test
    void sameSeedSameData_otherSeedOtherNoise() {
        BeansData again = BeansData.generate(100, 42);
        BeansData other = BeansData.generate(100, 43);
        assertTrue(Arrays.deepEquals(beans.features(), again.features()));
        assertFalse(Arrays.deepEquals(beans.features(), other.features()));
        assertArrayEquals(beans.labels(), other.labels());
    }

    @Test
    void isImmutable() {
        double[][] x = beans.features();
        int[] y = beans.labels();
        double before = beans.x(3, 0);
        x[3][0] = 1000;
        y[3] = 7;
        assertEquals(before, beans.x(3, 0));
        assertEquals(1, beans.label(3));
    }

    @Test
    void refusesOddOrTooSmallSizes() {
        assertThrows(IllegalArgumentException.class, () -> BeansData.generate(99, 1));
        assertThrows(IllegalArgumentException.class, () -> BeansData.generate(0, 1));
        assertThrows(IllegalArgumentException.class, () -> BeansData.generate(-4, 1));
    }

    @Test
    void becomesADataSetOfTheNetworksShapes() {
        DataSet ds = beans.toDataSet();
        assertArrayEquals(new long[] {100, 2}, ds.getFeatures().shape());
        assertArrayEquals(new long[] {100, 1}, ds.getLabels().shape());
        assertEquals(50.0, ds.getLabels().sumNumber().doubleValue());
        assertEquals((float) beans.x(10, 1), ds.getFeatures().getFloat(10, 1));
    }

    @Test
    void describesItself() {
        assertEquals("BeansData[m=100, positives=50, negatives=50, spiral, noise +-0.1, seed 42]", beans.toString());
    }
}
