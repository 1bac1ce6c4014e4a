package cnnvsmlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import cnnvsmlp.TestData;
import cnnvsmlp.data.Mnist;

class DigitPicturesTest {

    @TempDir
    Path dir;

    @Test
    void theFirstImageIsDrawnPixelForPixel() {
        Mnist.Split train = TestData.mnist().train();
        XYChart chart = DigitPictures.firstImage(train);
        assertTrue(chart.getTitle().endsWith("label 5"), chart.getTitle());
        int drawn = 0;
        for (XYSeries series : chart.getSeriesCollection()) {
            int shade = Integer.parseInt(series.getName().substring("shade ".length()));
            double[] x = series.getXData();
            double[] y = series.getYData();
            for (int i = 0; i < x.length; i++) {
                int column = (int) x[i];
                int row = 27 - (int) y[i];
                assertEquals(DigitPictures.shade(train.pixel(0, row, column)), shade, "pixel " + row + "," + column);
                drawn++;
            }
        }
        assertEquals(784, drawn);
    }

    @Test
    void oneDigitOfEachClassInOrder() {
        Mnist.Split train = TestData.mnist().train();
        // first training labels 5 0 4 1 9 2 1 3 1 4: digit 0 first appears at index 1, 1 at 3, 2 at 5
        List<Integer> indices = DigitPictures.firstOfEachClassIndices(train);
        assertEquals(10, indices.size());
        assertEquals(List.of(1, 3, 5, 7, 2, 0), indices.subList(0, 6));
        for (int digit = 0; digit < 10; digit++) {
            assertEquals(digit, train.label(indices.get(digit)));
        }
    }

    @Test
    void shadesRunFromWhiteToBlack() {
        assertEquals(0, DigitPictures.shade(0));
        assertEquals(DigitPictures.SHADES - 1, DigitPictures.shade(255));
        assertEquals(255, DigitPictures.colour(0).getRed());
        assertEquals(0, DigitPictures.colour(DigitPictures.SHADES - 1).getRed());
    }

    @Test
    void picturesAreWrittenAsPngs() throws Exception {
        Mnist.Split train = TestData.mnist().train();
        Path first = dir.resolve("first.png");
        Path digits = dir.resolve("digits.png");
        PngFiles.savePng(DigitPictures.firstImage(train), first);
        PngFiles.savePng(DigitPictures.firstOfEachClass(train), digits);
        BufferedImage a = ImageIO.read(first.toFile());
        BufferedImage b = ImageIO.read(digits.toFile());
        assertNotNull(a);
        assertNotNull(b);
        assertEquals(560, a.getWidth());
        assertEquals(1000, b.getWidth());
    }
}
