package cnnvsmlp.report.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture drawn with Java2D on a white background: images as rasters (no markers, so no hairline grid between
 * pixels), text anti-aliased. It keeps the texts it wrote, so tests can check that every label is there.
 *
 * @param image the pixels
 * @param texts every text written, in order
 */
public record Picture(BufferedImage image, List<String> texts) {

    /** Starts a white picture of this size. */
    static Picture blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return new Picture(image, new ArrayList<>());
    }

    /** A graphics context with anti-aliased text and nearest-neighbour image scaling (pixels stay squares). */
    Graphics2D graphics() {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        return g;
    }

    /** Writes {@code text} centred on {@code centreX} with its baseline at {@code baseline}. */
    void centred(Graphics2D g, String text, double centreX, double baseline, int size, boolean bold, Color colour) {
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
        FontMetrics m = g.getFontMetrics();
        g.setColor(colour);
        g.drawString(text, (float) (centreX - m.stringWidth(text) / 2.0), (float) baseline);
        texts.add(text);
    }

    /** Writes {@code text} rotated a quarter turn anticlockwise, centred on ({@code x}, {@code centreY}). */
    void vertical(Graphics2D g, String text, double x, double centreY, int size, boolean bold) {
        Graphics2D r = (Graphics2D) g.create();
        r.translate(x, centreY);
        r.rotate(-Math.PI / 2);
        centred(r, text, 0, 0, size, bold, Color.BLACK);
        r.dispose();
    }

    /** The width of {@code text} in this font. */
    static int width(Graphics2D g, String text, int size, boolean bold) {
        return g.getFontMetrics(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size)).stringWidth(text);
    }
}
