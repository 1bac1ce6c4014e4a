package cnnvsmlp.report.chart;

import static cnnvsmlp.Fixtures.beansModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.data.BeansShape;
import cnnvsmlp.run.History;
import cnnvsmlp.train.Trainer;
import cnnvsmlp.train.TrainingObserver;

/** The numbers behind the pictures, and pictures that really are pictures. */
class PngFilesTest {

    @TempDir
    Path dir;

    @Test
    void surfaceGridSpansTheDataAndHoldsTheModelsOutputs() {
        BeansData beans = BeansData.generate(100, 42);
        MultiLayerNetwork model = beansModel(42);
        BeansSurface surface = BeansSurface.of(model, beans, 0.1);
        double min1 = Double.MAX_VALUE;
        double max1 = -Double.MAX_VALUE;
        for (int i = 0; i < 100; i++) {
            min1 = Math.min(min1, beans.x(i, 0));
            max1 = Math.max(max1, beans.x(i, 0));
        }
        // the post's grid (min1, min1 + 0.1, ...) widened by a margin of whole steps: no point on the edge
        int inside = (int) Math.floor((max1 - min1) / 0.1 + 1e-9) + 1;
        int margin = BeansSurface.margin(inside);
        assertEquals(5, margin, "about 5 % of the spiral's 10-wide span");
        assertEquals(inside + 2 * margin, surface.x1().length);
        assertEquals(min1, surface.x1()[margin], 1e-12);
        assertTrue(surface.x1()[0] < min1 - 0.45, "the field extends past the leftmost point");
        assertTrue(surface.x1()[surface.x1().length - 1] > max1 + 0.4, "and past the rightmost");
        assertEquals(0.1, surface.x1()[1] - surface.x1()[0], 1e-12);
        for (int[] ij : new int[][] {{0, 0}, {7, 31}, {surface.x1().length - 1, surface.x2().length - 1}}) {
            double expected = model.output(Nd4j.createFromArray(new float[][] {
                    {(float) surface.x1()[ij[0]], (float) surface.x2()[ij[1]]}}), false).getDouble(0, 0);
            assertEquals(expected, surface.probability()[ij[0]][ij[1]], 1e-6, "grid point " + ij[0] + "," + ij[1]);
        }
    }

    @Test
    void theGridFollowsTheDataAtThePostsStepOrFiner() {
        assertEquals(0.1, BeansSurface.stepFor(BeansData.generate(100, 42)), 0, "the spiral: the post's 0.1");
        BeansData circle = BeansShape.CIRCLE.generate(100, 2);
        double step = BeansSurface.stepFor(circle);
        BeansSurface surface = BeansSurface.of(beansModel(42), circle, step);
        double min2 = java.util.stream.IntStream.range(0, 100).mapToDouble(i -> circle.x(i, 1)).min().orElseThrow();
        double max2 = java.util.stream.IntStream.range(0, 100).mapToDouble(i -> circle.x(i, 1)).max().orElseThrow();
        assertTrue(step < 0.025 && step > 0.015, "a circle of diameter 2 gets about 100 cells: " + step);
        assertTrue(surface.x2()[0] < min2 - step / 2, "no point on the lower edge");
        assertTrue(surface.x2()[surface.x2().length - 1] > max2 + step / 2, "nor on the upper one");
        assertTrue(surface.x1().length >= 90, surface.x1().length + " columns");
    }

    @Test
    void theBoundaryIsTheInterpolatedHalfLevelLine() {
        // one cell: 0.1 (0,0), 0.4 (1,0), 0.7 (1,1), 0.2 (0,1): 0.5 is crossed on the right edge at y = 1/3 and on the
        // top edge at x = 0.6
        BeansSurface surface = new BeansSurface(new double[] {0, 1}, new double[] {0, 1},
                new double[][] {{0.1, 0.2}, {0.4, 0.7}});
        List<double[]> edge = surface.boundary();
        assertEquals(1, edge.size());
        assertArrayEquals(new double[] {1, 1 / 3.0, 0.6, 1}, edge.get(0), 1e-12);
        // a plane p = x / 4 crosses 0.5 at x = 2 on every row: a straight vertical line of segments
        double[] x = {0, 1, 2.5, 3, 4};
        double[] y = {0, 1, 2, 3};
        double[][] p = new double[x.length][y.length];
        for (int i = 0; i < x.length; i++) {
            java.util.Arrays.fill(p[i], x[i] / 4);
        }
        List<double[]> line = new BeansSurface(x, y, p).boundary();
        assertEquals(3, line.size(), "one segment per row of cells");
        for (double[] segment : line) {
            assertEquals(2, segment[0], 1e-12);
            assertEquals(2, segment[2], 1e-12);
        }
        // a saddle (0.9 and 0.8 on one diagonal, 0.1 and 0.2 on the other, centre 0.5 counts as above): two segments
        List<double[]> saddle = new BeansSurface(new double[] {0, 1}, new double[] {0, 1},
                new double[][] {{0.9, 0.1}, {0.2, 0.8}}).boundary();
        assertEquals(2, saddle.size());
    }

    @Test
    void theColourScaleIsCentredAtOneHalf() {
        assertEquals(new Color(255, 255, 255), BeansSurface.colour(0.5));
        assertTrue(BeansSurface.colour(0.0).getBlue() > BeansSurface.colour(0.0).getRed());
        assertTrue(BeansSurface.colour(1.0).getRed() > BeansSurface.colour(1.0).getBlue());
    }

    @Test
    void learningCurvesAreTheRecordedHistory() {
        BeansData beans = BeansData.generate(100, 1);
        History history = new Trainer(new Trainer.Settings(5, 10, 1)).fit(beansModel(42), beans.toDataSet(),
                beans.toDataSet(), TrainingObserver.NONE);
        XYChart accuracy = LearningCurves.accuracy(history, "beans", null, "the points");
        XYChart loss = LearningCurves.loss(history, "beans", null, "the points", "mean_squared_error");
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, accuracy.getSeriesCollection().iterator().next().getXData());
        assertArrayEquals(history.epochs().stream().mapToDouble(e -> e.testAccuracy()).toArray(),
                accuracy.getSeries("evaluation: the points").getYData());
        assertArrayEquals(history.epochs().stream().mapToDouble(e -> e.trainLoss()).toArray(),
                loss.getSeries("training").getYData());
    }

    @Test
    void picturesArePngsOfTheirSizeAndNotBlank() throws Exception {
        BeansData beans = BeansData.generate(100, 42);
        Path surfacePng = dir.resolve("surface.png");
        Path dataPng = dir.resolve("data.png");
        Picture surface = BeansSurface.of(beansModel(42), beans, BeansSurface.STEP).picture(beans, "test");
        assertTrue(surface.texts().contains(SurfacePicture.BAR_TITLE), "a titled colour bar: " + surface.texts());
        PngFiles.savePng(surface, surfacePng);
        PngFiles.savePng(BeansSurface.scatter(beans), dataPng);
        for (Path png : new Path[] {surfacePng, dataPng}) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " decodes as an image");
            assertEquals(png == surfacePng ? 700 + SurfacePicture.BAR_WIDTH : 700, image.getWidth());
            assertEquals(640, image.getHeight());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 4) {
                for (int x = 0; x < image.getWidth(); x += 4) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 8, png + " has " + colours.size() + " colours");
        }
    }

    @Test
    void theTrainingPanelHasOneLegendAndOneColourBarAndAFieldWithoutStripes() {
        BeansData beans = BeansData.generate(100, 42);
        BeansSurface surface = BeansSurface.of(beansModel(42), beans, BeansSurface.STEP);
        java.util.Map<String, BeansSurface> titled = new java.util.LinkedHashMap<>();
        for (String t : new String[] {"epoch 0", "epoch 50", "epoch 500", "epoch 5000"}) {
            titled.put(t, surface);
        }
        Picture panel = BeansSurface.panel(titled, beans);
        assertEquals(1, panel.texts().stream().filter("label 1"::equals).count(), "one legend: " + panel.texts());
        assertEquals(1, panel.texts().stream().filter(SurfacePicture.BAR_TITLE::equals).count(), "one colour bar");
        // the field is a raster: along a row of the plot, neighbouring pixels differ only a little (no white
        // stripes between markers); measured on the single surface picture, left to right across its middle
        BufferedImage field = SurfacePicture.field(surface);
        assertEquals(surface.x1().length, field.getWidth());
        assertEquals(surface.x2().length, field.getHeight());
        Picture single = surface.picture(beans, "t");
        BufferedImage image = single.image();
        int y = image.getHeight() / 2;
        int white = 0;
        for (int x = 100; x < 600; x++) {
            white += (image.getRGB(x, y) & 0xffffff) == 0xffffff ? 1 : 0;
        }
        assertTrue(white < 50, white + " pure white pixels across the middle of the field");
    }
}
