package cnnvsmlp.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import cnnvsmlp.data.BeansData;

/**
 * A {@link BeansSurface} as a picture: the probability field as one raster image under the chart's axes (smoothly
 * interpolated between grid points, no markers and so no stripes between them), the 0.5 boundary as a black line,
 * the points on top, and a titled colour bar beside it. XChart paints annotations after the data, so the raster
 * goes underneath in two passes: the first lays the chart out and finds where the grid's corners land, the second
 * draws the raster there and then the chart with a transparent background over it.
 */
final class SurfacePicture {

    static final int BAR_WIDTH = 120;
    static final String BAR_TITLE = "P(label 1): the model's output";

    private SurfacePicture() {
    }

    static Picture of(BeansSurface surface, BeansData data, String title) {
        BufferedImage chart = render(surface, data, title, true);
        Picture picture = Picture.blank(chart.getWidth() + BAR_WIDTH, chart.getHeight());
        Graphics2D g = picture.graphics();
        g.drawImage(chart, 0, 0, null);
        g.setColor(chartBackground());
        g.fillRect(chart.getWidth(), 0, BAR_WIDTH, chart.getHeight());
        colourBar(picture, g, chart.getWidth() + 20, 80, chart.getHeight() - 220);
        g.dispose();
        return picture;
    }

    /**
     * Several surfaces side by side, {@code columns} to a row at {@code scale} of their size, each titled, with one
     * legend and one colour bar for the whole panel.
     */
    static Picture panel(Map<String, BeansSurface> titled, BeansData data, int columns, double scale) {
        List<BufferedImage> tiles = titled.entrySet().stream().map(e -> render(e.getValue(), data, e.getKey(), false))
                .toList();
        int tileWidth = (int) Math.round(tiles.get(0).getWidth() * scale);
        int tileHeight = (int) Math.round(tiles.get(0).getHeight() * scale);
        int rows = (tiles.size() + columns - 1) / columns;
        int width = tileWidth * Math.min(columns, tiles.size());
        Picture picture = Picture.blank(width + BAR_WIDTH, tileHeight * rows + 40);
        Graphics2D g = picture.graphics();
        g.setColor(chartBackground());
        g.fillRect(0, 0, picture.image().getWidth(), picture.image().getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        for (int k = 0; k < tiles.size(); k++) {
            g.drawImage(tiles.get(k), (k % columns) * tileWidth, (k / columns) * tileHeight, tileWidth, tileHeight,
                    null);
        }
        legend(picture, g, 20, tileHeight * rows + 26);
        colourBar(picture, g, width + 20, 60, Math.min(360, tileHeight * rows - 160));
        g.dispose();
        return picture;
    }

    /** The chart with the field under it, without a legend when {@code legend} is false. */
    private static BufferedImage render(BeansSurface surface, BeansData data, String title, boolean legend) {
        double[] x1 = surface.x1();
        double[] x2 = surface.x2();
        XYChart chart = BeansSurface.base(title);
        chart.getStyler().setLegendVisible(legend);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        if (x1.length > 1 && x2.length > 1) {
            chart.getStyler().setXAxisMin(x1[0]).setXAxisMax(x1[x1.length - 1]);
            chart.getStyler().setYAxisMin(x2[0]).setYAxisMax(x2[x2.length - 1]);
            chart.getStyler().setPlotContentSize(1.0); // the axes end at the grid's corners
        }
        addBoundary(chart, surface.boundary());
        BeansSurface.addPoints(chart, data);
        Corners corners = new Corners(x1[0], x1[x1.length - 1], x2[0], x2[x2.length - 1]);
        chart.addAnnotation(corners);
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight()); // pass 1: where the grid's corners land
        Color background = chart.getStyler().getChartBackgroundColor();
        g.setColor(background);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(field(surface), corners.left, corners.top, corners.right - corners.left,
                corners.bottom - corners.top, null);
        Color clear = new Color(0, 0, 0, 0);
        chart.getStyler().setChartBackgroundColor(clear).setPlotBackgroundColor(clear);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.paint(g, chart.getWidth(), chart.getHeight()); // pass 2: the chart over the field
        chart.getStyler().setChartBackgroundColor(background);
        g.dispose();
        return image;
    }

    /** The probability grid as an image, one pixel per grid point, x2 rising upwards. */
    static BufferedImage field(BeansSurface surface) {
        int w = surface.x1().length;
        int h = surface.x2().length;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < w; i++) {
            for (int j = 0; j < h; j++) {
                image.setRGB(i, h - 1 - j, BeansSurface.colour(surface.probability()[i][j]).getRGB());
            }
        }
        return image;
    }

    private static void addBoundary(XYChart chart, List<double[]> segments) {
        if (segments.isEmpty()) {
            return;
        }
        double[] x = new double[segments.size() * 3];
        double[] y = new double[segments.size() * 3];
        for (int k = 0; k < segments.size(); k++) {
            double[] s = segments.get(k);
            x[3 * k] = s[0];
            y[3 * k] = s[1];
            x[3 * k + 1] = s[2];
            y[3 * k + 1] = s[3];
            x[3 * k + 2] = s[2];
            y[3 * k + 2] = Double.NaN; // XChart breaks the line at NaN: one stroke per segment
        }
        XYSeries boundary = chart.addSeries("P(label 1) = 0.5", x, y);
        boundary.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        boundary.setMarker(SeriesMarkers.NONE).setLineColor(Color.BLACK)
                .setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** The scale: blue 0 at the bottom, white 0.5 (the boundary), red 1 at the top, with its title. */
    private static void colourBar(Picture picture, Graphics2D g, int x, int top, int height) {
        for (int y = 0; y < height; y++) {
            g.setColor(BeansSurface.colour(1 - y / (double) (height - 1)));
            g.fillRect(x, top + y, 24, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, top, 24, height);
        for (double p : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            int y = (int) Math.round(top + height - 1 - p * (height - 1));
            g.setColor(p == 0.5 ? Color.BLACK : Color.GRAY);
            g.setStroke(new BasicStroke(p == 0.5 ? 2.2f : 1f));
            g.drawLine(x, y, x + 30, y);
            picture.centred(g, p == 0.5 ? "0.5" : String.valueOf(p).replace(".0", ""), x + 46, y + 5, 12,
                    p == 0.5, Color.BLACK);
        }
        picture.vertical(g, BAR_TITLE, x + 82, top + height / 2.0, 12, false);
    }

    /** The panel's one legend: the two labels' markers and the boundary line. */
    private static void legend(Picture picture, Graphics2D g, int x, int baseline) {
        g.setColor(new Color(120, 0, 0));
        g.fillOval(x, baseline - 10, 10, 10);
        picture.centred(g, "label 1", x + 45, baseline, 13, false, Color.BLACK);
        g.setColor(new Color(0, 0, 110));
        g.fillPolygon(new int[] {x + 95, x + 101, x + 95, x + 89}, new int[] {baseline - 11, baseline - 5,
            baseline + 1, baseline - 5}, 4);
        picture.centred(g, "label 0", x + 136, baseline, 13, false, Color.BLACK);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2.2f));
        g.drawLine(x + 180, baseline - 5, x + 210, baseline - 5);
        String boundary = "P(label 1) = 0.5, the decision boundary";
        picture.centred(g, boundary, x + 220 + Picture.width(g, boundary, 13, false) / 2.0, baseline, 13, false,
                Color.BLACK);
    }

    private static Color chartBackground() {
        return new XYChart(10, 10).getStyler().getChartBackgroundColor();
    }

    /** Records where the grid's corners land on the screen when the chart is painted. */
    private static final class Corners extends Annotation {
        private final double x1Min;
        private final double x1Max;
        private final double x2Min;
        private final double x2Max;
        int left;
        int right;
        int top;
        int bottom;

        Corners(double x1Min, double x1Max, double x2Min, double x2Max) {
            super(false);
            this.x1Min = x1Min;
            this.x1Max = x1Max;
            this.x2Min = x2Min;
            this.x2Max = x2Max;
        }

        @Override
        public void paint(Graphics2D g) {
            left = getXAxisScreenValue(x1Min);
            right = getXAxisScreenValue(x1Max);
            top = getYAxisScreenValue(x2Max);
            bottom = getYAxisScreenValue(x2Min);
        }
    }
}
