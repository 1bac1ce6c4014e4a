package cnnvsmlp.report.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.AtomicFiles;

/** Saves XChart charts as PNG files, atomically, without a display. */
public final class PngFiles {

    private PngFiles() {
    }

    /**
     * Small multiples: {@code charts} drawn at {@code scale} of their size, {@code columns} to a row, in one PNG.
     * Every chart must have the same size.
     */
    public static void saveTiles(List<? extends Chart<?, ?>> charts, int columns, double scale, Path target) {
        int tileWidth = (int) Math.round(charts.get(0).getWidth() * scale);
        int tileHeight = (int) Math.round(charts.get(0).getHeight() * scale);
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(tileWidth * Math.min(columns, charts.size()), tileHeight * rows,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        for (int k = 0; k < charts.size(); k++) {
            BufferedImage tile = BitmapEncoder.getBufferedImage(charts.get(k));
            g.drawImage(tile, (k % columns) * tileWidth, (k / columns) * tileHeight, tileWidth, tileHeight, null);
        }
        g.dispose();
        savePng(image, target);
    }

    /** Panels of one picture side by side, at full size (one panel: the chart alone). */
    public static void saveSideBySide(List<? extends Chart<?, ?>> panels, Path target) {
        if (panels.size() == 1) {
            savePng(panels.get(0), target);
        } else {
            saveTiles(panels, panels.size(), 1.0, target);
        }
    }

    /** A picture drawn with Java2D. */
    public static void savePng(Picture picture, Path target) {
        savePng(picture.image(), target);
    }

    public static void savePng(BufferedImage image, Path target) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            AtomicFiles.write(target, png.toByteArray());
        } catch (IOException e) {
            throw new FixableProblem("cannot write the picture " + target + " (" + e.getMessage()
                    + "); free disk space or pass --output-dir with another folder");
        }
    }

    public static void savePng(Chart<?, ?> chart, Path target) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.write(target, png);
        } catch (IOException e) {
            throw new FixableProblem("cannot write the picture " + target + " (" + e.getMessage()
                    + "); free disk space or pass --output-dir with another folder");
        }
    }
}
