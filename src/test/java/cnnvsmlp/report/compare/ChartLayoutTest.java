package cnnvsmlp.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.AxisPair;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator_;
import org.knowm.xchart.style.Styler;

import cnnvsmlp.Fixtures;
import cnnvsmlp.report.compare.CompareReport.ModelRun;
import cnnvsmlp.report.chart.LearningCurves;
import cnnvsmlp.report.chart.Palette;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;

/** Legends never over the data, losses on a log scale, numbers with their leading zero (issue 20's defects). */
class ChartLayoutTest {

    private static History history(int epochs) {
        History h = new History();
        for (int e = 1; e <= epochs; e++) {
            h.add(new EpochResult(e, 0.25 / e, 0.5 + e * 0.001, 0.24 / e, 0.5 + e * 0.001, 0.01, 0.01));
        }
        return h;
    }

    @Test
    void learningCurvesKeepTheirLegendBelowThePlotAndTheLossOnALogScale() {
        XYChart accuracy = LearningCurves.accuracy(history(5000), "beans MLP", null, "the 100 training points");
        XYChart loss = LearningCurves.loss(history(5000), "beans MLP", null, "the 100 training points",
                "mean_squared_error");
        for (XYChart chart : List.of(accuracy, loss)) {
            assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        }
        assertTrue(loss.getStyler().isYAxisLogarithmic(), "0.25 down to 0.00005: four decades");
        History narrow = new History();
        for (int e = 1; e <= 100; e++) {
            narrow.add(new EpochResult(e, 0.09 - e * 0.0007, 0.5, 0.09 - e * 0.0007, 0.5, 0.01, 0.01));
        }
        assertTrue(!LearningCurves.loss(narrow, "LeNet-5", null, "test", "mean_squared_error").getStyler()
                .isYAxisLogarithmic(),
                "0.09 to 0.02: linear, where its ticks are labelled");
        assertEquals("0.0#", accuracy.getStyler().getYAxisDecimalPattern(), "0.25, not .25");
        assertEquals("MLP 784-256-256-256-10 on Fashion-MNIST: accuracy per epoch", LearningCurves.accuracy(narrow,
                "MNIST MLP 784-256-256-256-10", "Fashion-MNIST", "test").getTitle(), "the data set, not MNIST's name");
        assertEquals("MNIST MLP 784-256-256-256-10: accuracy per epoch", LearningCurves.accuracy(narrow,
                "MNIST MLP 784-256-256-256-10", null, "test").getTitle());
    }

    @Test
    void comparisonCurvesKeepTheirLegendBelowThePlot() {
        List<ModelRun> mlp = List.of(Fixtures.modelRun("MLP", 1, 0.5, 0.6), Fixtures.modelRun("MLP", 2, 0.5, 0.7));
        List<ModelRun> cnn = List.of(Fixtures.modelRun("LeNet-5", 1, 0.4, 0.8),
                Fixtures.modelRun("LeNet-5", 2, 0.4, 0.9));
        for (XYChart chart : List.of(CompareCharts.accuracyCurves(mlp, cnn), CompareCharts.lossCurves(mlp, cnn),
                CompareCharts.timeToAccuracy(mlp, cnn))) {
            assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition(), chart.getTitle());
        }
    }

    /** The x axis's tick labels as XChart lays them out when it paints the chart. */
    static List<String> xTickLabels(XYChart chart) throws ReflectiveOperationException {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        chart.paint(image.createGraphics(), chart.getWidth(), chart.getHeight());
        Field pair = AxesChart.class.getDeclaredField("axisPair");
        pair.setAccessible(true);
        Object xAxis = ((AxisPair<?, ?>) pair.get(chart)).getXAxis();
        Method calculator = xAxis.getClass().getSuperclass().getDeclaredMethod("getAxisTickCalculator");
        calculator.setAccessible(true);
        return ((AxisTickCalculator_) calculator.invoke(xAxis)).getTickLabels();
    }

    @Test
    void epochAxesEndAtTheLastEpochWithRoundTicks() throws Exception {
        for (int epochs : new int[] {50, 100, 300, 5000}) {
            List<String> ticks = xTickLabels(LearningCurves.accuracy(history(epochs), "m", null, "test"));
            assertEquals(String.valueOf(epochs), ticks.get(ticks.size() - 1), epochs + " epochs: " + ticks);
            assertEquals("0", ticks.get(0));
            double step = Double.parseDouble(ticks.get(1)) - Double.parseDouble(ticks.get(0));
            double decade = Math.pow(10, Math.floor(Math.log10(step)));
            assertTrue(java.util.Set.of(1.0, 2.0, 2.5, 5.0).contains(step / decade), "round steps, not a tick per k-th"
                    + " epoch: " + ticks);
            List<String> loss = xTickLabels(LearningCurves.loss(history(epochs), "m", null, "test",
                    "mean_squared_error"));
            assertEquals(String.valueOf(epochs), loss.get(loss.size() - 1), "loss, " + epochs + " epochs: " + loss);
        }
        List<ModelRun> mlp = List.of(Fixtures.modelRun("MLP", 1, 0.5, 0.6), Fixtures.modelRun("MLP", 2, 0.5, 0.7));
        List<ModelRun> cnn = List.of(Fixtures.modelRun("LeNet-5", 1, 0.4, 0.8),
                Fixtures.modelRun("LeNet-5", 2, 0.4, 0.9));
        int last = mlp.get(0).epochs().size();
        for (XYChart chart : List.of(CompareCharts.accuracyCurves(mlp, cnn), CompareCharts.lossCurves(mlp, cnn),
                CompareCharts.difference(CompareCharts.Labels.POST, mlp, cnn).get(0))) {
            List<String> ticks = xTickLabels(chart);
            assertEquals(String.valueOf(last), ticks.get(ticks.size() - 1), chart.getTitle() + ": " + ticks);
        }
    }

    @Test
    void multiSeedChartsDrawEachModelOnceAsMeanAndBandWithTheSeedsThin() {
        List<ModelRun> mlp = List.of(Fixtures.modelRun("MLP", 1, 0.5, 0.6), Fixtures.modelRun("MLP", 2, 0.5, 0.7),
                Fixtures.modelRun("MLP", 3, 0.5, 0.65));
        List<ModelRun> cnn = List.of(Fixtures.modelRun("LeNet-5", 1, 0.4, 0.8),
                Fixtures.modelRun("LeNet-5", 2, 0.4, 0.9), Fixtures.modelRun("LeNet-5", 3, 0.4, 0.85));
        for (XYChart chart : List.of(CompareCharts.accuracyCurves(mlp, cnn), CompareCharts.timeToAccuracy(mlp, cnn))) {
            List<XYSeries> legend = chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).toList();
            assertEquals(List.of("MLP mean ± sd (3 seeds)", "MLP mean of 3 seeds", "LeNet-5 mean ± sd (3 seeds)",
                    "LeNet-5 mean of 3 seeds"), legend.stream().map(XYSeries::getName).toList(), chart.getTitle());
            XYSeries band = chart.getSeries("MLP mean ± sd (3 seeds)");
            assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle().orElseThrow());
            XYSeries mean = chart.getSeries("MLP mean of 3 seeds");
            int last = mean.getYData().length - 1;
            assertEquals((0.6 + 0.7 + 0.65) / 3, mean.getYData()[last], 1e-9, "the mean of the seeds' last epoch");
            double sd = CompareReport.sd(new double[] {0.6, 0.7, 0.65});
            assertEquals((0.6 + 0.7 + 0.65) / 3 + sd, band.getYData()[last], 1e-9, "the band's upper edge");
            assertEquals(Palette.ofModel("MLP"), mean.getLineColor());
            assertEquals(Palette.ofModel("LeNet-5"), chart.getSeries("LeNet-5 mean of 3 seeds").getLineColor());
            assertNotEquals(Palette.ofModel("MLP"), Palette.ofModel("LeNet-5"));
            long thin = chart.getSeriesCollection().stream().filter(x -> x.getName().contains(" seed ")).count();
            assertEquals(6, thin, "every seed drawn");
        }
    }

    @Test
    void theBarsAreInTheModelsColoursWithADotPerSeedAndAnAxisThatShowsTheDifference() {
        List<ModelRun> mlp = List.of(Fixtures.modelRun("MLP", 1, 0.5, 0.96), Fixtures.modelRun("MLP", 2, 0.5, 0.97));
        List<ModelRun> cnn = List.of(Fixtures.modelRun("LeNet-5", 1, 0.4, 0.98),
                Fixtures.modelRun("LeNet-5", 2, 0.4, 0.985));
        CompareReport.Summary two = CompareReport.summarize(mlp, cnn, 2, 5000, 2048, "c", "d");
        CategoryChart bars = CompareCharts.bars(two);
        assertEquals(Palette.ofModel("MLP"), bars.getSeries("MLP mean ± sd").getFillColor());
        assertEquals(Palette.ofModel("LeNet-5"), bars.getSeries("LeNet-5 mean ± sd").getFillColor());
        assertTrue(bars.getStyler().getYAxisMin() >= 0.9, "0.96 to 0.985 on an axis from "
                + bars.getStyler().getYAxisMin());
        assertEquals(2, bars.getSeriesCollection().stream().filter(x -> x.getChartCategorySeriesRenderStyle()
                .equals(java.util.Optional.of(CategorySeries.CategorySeriesRenderStyle.Scatter))).count(), "a dot series per seed");
        CompareReport.Summary one = CompareReport.summarize(mlp.subList(0, 1), cnn.subList(0, 1), 2, 5000, 2048, "c",
                "d");
        CategoryChart single = CompareCharts.bars(one);
        assertTrue(single.getSeriesCollection().stream().allMatch(x -> x.getExtraValues() == null),
                "one seed: no error bars of height zero");
    }

    @Test
    void convergedCurvesGetAnAxisThatShowsTheirGap() {
        List<ModelRun> mlp = List.of(Fixtures.modelRun("MLP", 1, 0.962, 0.98), Fixtures.modelRun("MLP", 2, 0.96, 0.981));
        List<ModelRun> cnn = List.of(Fixtures.modelRun("LeNet-5", 1, 0.97, 0.99),
                Fixtures.modelRun("LeNet-5", 2, 0.965, 0.989));
        assertEquals(0.94, CompareCharts.accuracyCurves(mlp, cnn).getStyler().getYAxisMin(), 1e-12,
                "0.96 and up: the axis from 0.94");
        List<ModelRun> slow = List.of(Fixtures.modelRun("MLP", 1, 0.1, 0.9));
        List<ModelRun> slowCnn = List.of(Fixtures.modelRun("LeNet-5", 1, 0.1, 0.95));
        assertEquals(0.0, CompareCharts.accuracyCurves(slow, slowCnn).getStyler().getYAxisMin(), 0, "from chance: 0");
    }

    @Test
    void aLongComparisonShowsTheWholeRunOnLogEpochsAndTheSecondHalfZoomedInPoints() {
        double[] mlpCurve = new double[400];
        double[] cnnCurve = new double[400];
        for (int e = 0; e < 400; e++) { // both near 0.97 in the second half, 0.8 points apart: squeezed on 0-1
            mlpCurve[e] = 0.97 - 0.5 / (e + 1);
            cnnCurve[e] = 0.978 - 0.8 / (e + 1);
        }
        List<ModelRun> mlp = List.of(Fixtures.modelRun("MLP", 1, mlpCurve));
        List<ModelRun> cnn = List.of(Fixtures.modelRun("LeNet-5", 1, cnnCurve));
        List<XYChart> accuracy = CompareCharts.accuracyPanels(CompareCharts.Labels.POST, mlp, cnn);
        assertEquals(2, accuracy.size());
        assertTrue(accuracy.get(0).getStyler().isXAxisLogarithmic(), "the whole run: log-scaled epochs");
        assertTrue(accuracy.get(0).getTitle().contains("MNIST, the post's training"), accuracy.get(0).getTitle());
        XYChart zoom = accuracy.get(1);
        assertEquals(200.0, zoom.getStyler().getXAxisMin(), 0, "the second half");
        assertTrue(zoom.getStyler().getYAxisMin() > 0.95 && zoom.getStyler().getYAxisMax() < 0.99,
                "zoomed on the curves: " + zoom.getStyler().getYAxisMin() + " to " + zoom.getStyler().getYAxisMax());
        List<XYChart> difference = CompareCharts.difference(CompareCharts.Labels.POST, mlp, cnn);
        double[] last = difference.get(1).getSeries("mean difference").getYData();
        assertEquals(100 * (cnnCurve[399] - mlpCurve[399]), last[last.length - 1], 1e-9, "in points");
        assertTrue(difference.get(1).getStyler().getYAxisMax() < 1.5, "zoomed on the plateau, not the early dip");
    }
}
