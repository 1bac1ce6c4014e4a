package cnnvsmlp.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.TestData;
import cnnvsmlp.data.Mnist;

class DigitPicturesTest {

    @TempDir
    Path dir;

    @Test
    void theFirstImageIsARasterPixelForPixelWithoutGridLines() {
        Mnist.Split train = TestData.mnist().train();
        Picture picture = DigitPictures.firstImage(train);
        assertTrue(picture.texts().get(0).endsWith("label 5"), picture.texts().toString());
        BufferedImage raster = DigitPictures.raster(train, 0);
        for (int row = 0; row < 28; row++) {
            for (int column = 0; column < 28; column++) {
                int grey = train.pixel(0, row, column);
                assertEquals(grey, raster.getRGB(column, row) & 0xff, "pixel " + row + "," + column);
            }
        }
        // drawn at 18 screen pixels per image pixel: every screen pixel of image pixel (row 14, column 14) and
        // of its neighbours has that pixel's grey (no white hairline between squares)
        int scale = 18;
        int left = (picture.image().getWidth() - 28 * scale) / 2;
        int top = DigitPictures.TITLE_HEIGHT + DigitPictures.CAPTION_HEIGHT;
        for (int row = 10; row < 18; row++) {
            for (int column = 10; column < 18; column++) {
                int grey = train.pixel(0, row, column);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        assertEquals(grey, picture.image().getRGB(left + column * scale + dx, top + row * scale + dy)
                                & 0xff, "screen pixel of image pixel " + row + "," + column);
                    }
                }
            }
        }
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
    void greysAreThePostsGrayColourMap() {
        assertEquals(Color.BLACK, DigitPictures.colour(0), "cmap='gray': 0 black");
        assertEquals(Color.WHITE, DigitPictures.colour(255));
    }

    @Test
    void everyDigitIsCaptionedWithItsLabel() {
        Picture digits = DigitPictures.firstOfEachClass(TestData.mnist().train());
        for (int digit = 0; digit < 10; digit++) {
            String label = "label " + digit + " ";
            assertTrue(digits.texts().stream().anyMatch(t -> t.startsWith(label)), label + " in " + digits.texts());
        }
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
        assertEquals(28 * 18 + 2 * DigitPictures.GAP, a.getWidth());
        assertEquals(5 * (28 * 5 + DigitPictures.GAP) + DigitPictures.GAP, b.getWidth());
    }
}
