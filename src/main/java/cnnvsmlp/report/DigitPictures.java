package cnnvsmlp.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import cnnvsmlp.data.Mnist;

/**
 * MNIST images as the post shows them ({@code plt.imshow(X_train[0], cmap='gray')}), drawn as rasters: each pixel
 * a grey square, 0 black, 255 white, scaled up without smoothing and without lines between pixels.
 * {@link #firstImage} is the first training image with its label; {@link #firstOfEachClass} the first image of
 * each digit 0..9 side by side; {@link #grid} any images with captions.
 */
public final class DigitPictures {

    static final int TITLE_HEIGHT = 40;
    static final int CAPTION_HEIGHT = 18;
    static final int GAP = 12;

    private DigitPictures() {
    }

    public static Picture firstImage(Mnist.Split split) {
        return grid(split, List.of(0), List.of(""), 1, 18, "MNIST " + split.name() + " image 0, label " + split.label(0));
    }

    /** The index of the first image of each digit, in digit order. */
    public static List<Integer> firstOfEachClassIndices(Mnist.Split split) {
        List<Integer> indices = new ArrayList<>();
        for (int digit = 0; digit < Mnist.CLASSES; digit++) {
            for (int i = 0; i < split.count(); i++) {
                if (split.label(i) == digit) {
                    indices.add(i);
                    break;
                }
            }
        }
        return indices;
    }

    public static Picture firstOfEachClass(Mnist.Split split) {
        List<Integer> indices = firstOfEachClassIndices(split);
        List<String> captions = indices.stream().map(i -> "label " + split.label(i) + " (image " + i + ")").toList();
        return grid(split, indices, captions, 5, 5, "MNIST " + split.name() + ": the first image of each digit 0-9");
    }

    /**
     * Images {@code indices} of {@code split}, {@code perRow} to a row, each pixel {@code scale} screen pixels,
     * each image with its caption above it (the misclassified digits: "true 4 -> 9").
     */
    public static Picture grid(Mnist.Split split, List<Integer> indices, List<String> captions, int perRow, int scale,
            String title) {
        int side = Mnist.COLUMNS * scale;
        int columns = Math.max(1, Math.min(perRow, indices.size()));
        int rows = Math.max(1, (indices.size() + perRow - 1) / perRow);
        int cellWidth = side + GAP;
        int cellHeight = side + CAPTION_HEIGHT + GAP;
        Graphics2D probe = Picture.blank(1, 1).graphics();
        int width = Math.max(columns * cellWidth + GAP, Picture.width(probe, title, 15, true) + 2 * GAP);
        probe.dispose();
        Picture picture = Picture.blank(width, TITLE_HEIGHT + rows * cellHeight);
        Graphics2D g = picture.graphics();
        picture.centred(g, title, width / 2.0, 26, 15, true, Color.BLACK);
        int left = (width - columns * cellWidth + GAP) / 2;
        for (int k = 0; k < indices.size(); k++) {
            int x = left + (k % perRow) * cellWidth;
            int y = TITLE_HEIGHT + (k / perRow) * cellHeight;
            if (!captions.get(k).isEmpty()) {
                picture.centred(g, captions.get(k), x + side / 2.0, y + CAPTION_HEIGHT - 5, 12, false, Color.BLACK);
            }
            g.drawImage(raster(split, indices.get(k)), x, y + CAPTION_HEIGHT, side, side, null);
        }
        g.dispose();
        return picture;
    }

    /** Image {@code index} at its own 28 x 28 size. */
    static BufferedImage raster(Mnist.Split split, int index) {
        BufferedImage image = new BufferedImage(Mnist.COLUMNS, Mnist.ROWS, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < Mnist.ROWS; row++) {
            for (int column = 0; column < Mnist.COLUMNS; column++) {
                image.setRGB(column, row, colour(split.pixel(index, row, column)).getRGB());
            }
        }
        return image;
    }

    /** Grey level {@code grey} (0..255) as the post's {@code cmap='gray'}: 0 black, 255 white. */
    static Color colour(int grey) {
        return new Color(grey, grey, grey);
    }
}
