package cnnvsmlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

import cnnvsmlp.TestData;
import cnnvsmlp.data.Mnist;

class MnistPicturesTest {

    @TempDir
    Path dir;

    @Test
    void theHeatMapHoldsEveryCellOfTheConfusionMatrix() {
        int[][] matrix = new int[10][10];
        for (int actual = 0; actual < 10; actual++) {
            for (int predicted = 0; predicted < 10; predicted++) {
                matrix[actual][predicted] = actual == predicted ? 900 + actual : actual * 10 + predicted % 3;
            }
        }
        HeatMapChart chart = MnistPictures.confusion(matrix, "t");
        List<? extends Number[]> cells = chart.getHeatMapSeries().getHeatData();
        assertEquals(100, cells.size());
        for (Number[] cell : cells) {
            int predicted = cell[0].intValue();
            int actual = cell[1].intValue();
            assertEquals(matrix[actual][predicted], cell[2].intValue(), "cell true " + actual + ", predicted " + predicted);
        }
        assertEquals(92, chart.getStyler().getMax(), 0, "colours capped at the largest mistake (true 9, predicted 2)");
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

        XYChart grid = MnistPictures.misclassifiedGrid(test, predicted, "m");
        assertTrue(grid.getTitle().contains("the first 40 of 100 misclassified test images"), grid.getTitle());
        // image 7 of the test set is a 9 (labels 7 2 1 0 4 1 4 9 5 9)
        assertEquals(9, test.label(7));
        assertEquals("true 9 -> " + predicted[7], MnistPictures.captions(test, predicted, List.of(7)).get(0));
        Path png = dir.resolve("misclassified.png");
        PngFiles.savePng(grid, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1140, image.getWidth());
        assertEquals(590, image.getHeight());
    }
}
