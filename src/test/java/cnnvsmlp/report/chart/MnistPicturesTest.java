package cnnvsmlp.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class MnistPicturesTest {

    @TempDir
    Path dir;

    @Test
    void theConfusionMatrixLabelsEveryRowAndColumnAndWritesEveryCount() {
        int[][] matrix = new int[10][10];
        for (int actual = 0; actual < 10; actual++) {
            for (int predicted = 0; predicted < 10; predicted++) {
                matrix[actual][predicted] = actual == predicted ? 900 + actual : actual * 10 + predicted % 3;
            }
        }
        Picture picture = MnistPictures.confusion(matrix, "t");
        List<String> texts = picture.texts();
        for (int c = 0; c < 10; c++) {
            String label = String.valueOf(c);
            assertTrue(texts.stream().filter(label::equals).count() >= 2, "digit " + c + " on both axes: " + texts);
        }
        for (int actual = 0; actual < 10; actual++) {
            for (int predicted = 0; predicted < 10; predicted++) {
                assertTrue(texts.contains(String.valueOf(matrix[actual][predicted])), "count of cell " + actual + ","
                        + predicted);
            }
        }
        assertTrue(texts.contains("mistakes per cell (0 to the largest, 92)"), "the scale is titled and names its top"
                + " (true 9, predicted 2): " + texts);
        assertTrue(texts.stream().noneMatch(t -> t.contains(".")), "counts, no decimals: " + texts);
        // the largest mistake is the darkest red, a zero-mistake cell white, the diagonal green
        assertEquals(MnistPictures.mistakeColour(1), MnistPictures.mistakeColour(92 / 92.0));
        assertEquals(Color.WHITE, MnistPictures.mistakeColour(0));
    }

    @Test
    void theMisclassifiedGridShowsTheFirstMistakesWithTheirLabels() throws Exception {
        Mnist.Split test = TestData.mnist().test();
        int[] predicted = new int[test.count()];
        for (int i = 0; i < predicted.length; i++) {
            // a model that mistakes every 100th image for the next digit
            predicted[i] = i % 100 == 7 ? (test.label(i) + 1) % 10 : test.label(i);
        }
        List<Integer> wrong = MnistPictures.misclassified(test, predicted);
        assertEquals(100, wrong.size());
        assertEquals(List.of(7, 107, 207), wrong.subList(0, 3));

        Picture grid = MnistPictures.misclassifiedGrid(test, predicted, "m");
        assertTrue(grid.texts().get(0).contains("the first 40 of 100 misclassified test images"), grid.texts().get(0));
        assertEquals(41, grid.texts().size(), "the title and a caption per digit");
        // image 7 of the test set is a 9 (labels 7 2 1 0 4 1 4 9 5 9)
        assertEquals(9, test.label(7));
        assertEquals("true 9 -> " + predicted[7], MnistPictures.captions(test, predicted, List.of(7)).get(0));
        Path png = dir.resolve("misclassified.png");
        PngFiles.savePng(grid, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(10 * (3 * 28 + DigitPictures.GAP) + DigitPictures.GAP, image.getWidth());
        assertEquals(DigitPictures.TITLE_HEIGHT + 4 * (3 * 28 + DigitPictures.CAPTION_HEIGHT + DigitPictures.GAP),
                image.getHeight());
    }
}
