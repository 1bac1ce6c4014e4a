package cnnvsmlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class BeansShapeTest {

    @ParameterizedTest
    @EnumSource(BeansShape.class)
    void halfOfTheLabelsAreOneTheFirstHalfAndEachShapeIsSeedable(BeansShape shape) {
        BeansData data = shape.generate(200, 5);
        assertEquals(200, data.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(i < 100 ? 1 : 0, data.label(i), "label of point " + i);
        }
        assertTrue(Arrays.deepEquals(data.features(), shape.generate(200, 5).features()), "same seed, same points");
        assertFalse(Arrays.deepEquals(data.features(), shape.generate(200, 6).features()), "another seed, other points");
        assertEquals(shape, BeansShape.byId(shape.id().toUpperCase()));
    }

    @Test
    void theSpiralIsThePostsBeans() {
        BeansData spiral = BeansShape.SPIRAL.generate(100, 42);
        assertTrue(Arrays.deepEquals(BeansData.generate(100, 42).features(), spiral.features()));
        assertArrayEquals(BeansData.generate(100, 42).labels(), spiral.labels());
    }

    @Test
    void theCircleIsADiscOfRadiusHalfInsideARingFrom07To1AroundOneOne() {
        BeansData circle = BeansShape.CIRCLE.generate(2000, 3);
        double innerMax = 0;
        double ringMin = Double.MAX_VALUE;
        double ringMax = 0;
        for (int i = 0; i < circle.size(); i++) {
            double r = Math.hypot(circle.x(i, 0) - 1, circle.x(i, 1) - 1);
            if (circle.label(i) == 1) {
                innerMax = Math.max(innerMax, r);
            } else {
                ringMin = Math.min(ringMin, r);
                ringMax = Math.max(ringMax, r);
            }
        }
        assertTrue(innerMax <= 0.5 && innerMax > 0.48, "disc radius " + innerMax);
        assertTrue(ringMin >= 0.7 && ringMin < 0.72, "ring inner " + ringMin);
        assertTrue(ringMax <= 1.0 && ringMax > 0.98, "ring outer " + ringMax);
        // uniform by area: half of the disc's points lie within radius 0.5 / sqrt(2)
        long inside = java.util.stream.IntStream.range(0, 1000)
                .filter(i -> Math.hypot(circle.x(i, 0) - 1, circle.x(i, 1) - 1) < 0.5 / Math.sqrt(2)).count();
        assertTrue(Math.abs(inside - 500) < 60, inside + " of 1000 within r/sqrt(2)");
    }

    @Test
    void noiseMovesEachCoordinateByAtMostItsAmplitude() {
        BeansData clean = BeansShape.CIRCLE.generate(400, 9, 0);
        BeansData noisy = BeansShape.CIRCLE.generate(400, 9, 0.2);
        double largest = 0;
        for (int i = 0; i < 400; i++) {
            double r = Math.hypot(noisy.x(i, 0) - 1, noisy.x(i, 1) - 1);
            largest = Math.max(largest, noisy.label(i) == 1 ? r - 0.5 : r - 1.0);
        }
        assertTrue(largest > 0 && largest <= 0.2 * Math.sqrt(2), "noise pushes points out by at most 0.2 sqrt 2: "
                + largest);
        assertFalse(Arrays.deepEquals(clean.features(), noisy.features()));
    }

    @Test
    void xorPutsLabelOneWhereTheSignsAgreeAwayFromTheAxes() {
        BeansData xor = BeansShape.XOR.generate(1000, 4);
        int[] quadrants = new int[4];
        for (int i = 0; i < xor.size(); i++) {
            double a = xor.x(i, 0);
            double b = xor.x(i, 1);
            assertTrue(Math.abs(a) >= 0.1 && Math.abs(a) <= 1 && Math.abs(b) >= 0.1 && Math.abs(b) <= 1);
            assertEquals(a * b > 0 ? 1 : 0, xor.label(i));
            quadrants[(a > 0 ? 0 : 1) + (b > 0 ? 0 : 2)]++;
        }
        assertArrayEquals(new int[] {250, 250, 250, 250}, quadrants, "each quadrant a quarter of the points");
    }

    @Test
    void blobsAreCentredAtOneOneAndMinusOneMinusOneWithSd05() {
        BeansData blobs = BeansShape.BLOBS.generate(4000, 8);
        for (int label = 0; label <= 1; label++) {
            double centre = label == 1 ? 1 : -1;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < blobs.size(); i++) {
                if (blobs.label(i) == label) {
                    sum += blobs.x(i, 0);
                    squares += (blobs.x(i, 0) - centre) * (blobs.x(i, 0) - centre);
                }
            }
            assertEquals(centre, sum / 2000, 0.05, "mean x1 of label " + label);
            assertEquals(0.5, Math.sqrt(squares / 2000), 0.03, "sd of x1 of label " + label);
        }
    }

    @Test
    void badSizesNoiseAndNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BeansShape.XOR.generate(99, 1));
        assertThrows(IllegalArgumentException.class, () -> BeansShape.XOR.generate(100, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> BeansShape.XOR.generate(100, 1, Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BeansShape.byId("moons"));
        assertTrue(e.getMessage().contains("spiral, circle, xor or blobs"));
    }
}
