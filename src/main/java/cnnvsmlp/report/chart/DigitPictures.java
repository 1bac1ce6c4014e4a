package cnnvsmlp.report.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.data.ElasticDistortion;
import cnnvsmlp.data.Mnist;

/**
 * MNIST images as the post shows them ({@code plt.imshow(X_train[0], cmap='gray')}), drawn as rasters: each pixel
 * a grey square, 0 black, 255 white, scaled up without smoothing and without lines between pixels.
 * {@link #firstImage} is the first training image with its label; {@link #firstOfEachClass} the first image of
 * each digit 0..9 side by side; {@link #grid} any images with captions.
 */
public final class DigitPictures {

    static final int TITLE_HEIGHT = 40;
    static final int SUBTITLE_HEIGHT = 20;
    static final int CAPTION_HEIGHT = 18;
    static final int GAP = 12;

    private DigitPictures() {
    }

    public static Picture firstImage(Mnist.Split split) {
        Dataset dataset = split.dataset();
        return grid(split, List.of(0), List.of(""), 1, 18, dataset.title() + " " + split.name() + " image 0, label "
                + dataset.label(split.label(0)));
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
        Dataset dataset = split.dataset();
        if (dataset == Dataset.MNIST) {
            List<String> captions = indices.stream().map(i -> "label " + split.label(i) + " (image " + i + ")")
                    .toList();
            return grid(split, indices, captions, 5, 5, "MNIST " + split.name() + ": the first image of each digit"
                    + " 0-9");
        }
        List<String> captions = indices.stream().map(i -> dataset.label(split.label(i))).toList();
        return grid(split, indices, captions, 5, 5, dataset.title() + " " + split.name() + ": the first image of each"
                + " class 0-9", null);
    }

    /**
     * The key to class numbers, for pictures too small for class names: "0 T-shirt/top · 1 Trouser · ..."; null for
     * MNIST, whose classes are their numbers.
     */
    public static String classKey(Dataset dataset) {
        if (dataset == Dataset.MNIST) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < dataset.classNames().size(); c++) {
            names.add(dataset.label(c));
        }
        return "classes: " + String.join(" · ", names);
    }

    public static Picture grid(Mnist.Split split, List<Integer> indices, List<String> captions, int perRow, int scale,
            String title) {
        return grid(split, indices, captions, perRow, scale, title, null);
    }

    /**
     * Images {@code indices} of {@code split}, {@code perRow} to a row, each pixel {@code scale} screen pixels,
     * each image with its caption above it (the misclassified digits: "true 4 -> 9"), the {@code subtitle} (or
     * none, when null) under the title.
     */
    public static Picture grid(Mnist.Split split, List<Integer> indices, List<String> captions, int perRow, int scale,
            String title, String subtitle) {
        int side = Mnist.COLUMNS * scale;
        int columns = Math.max(1, Math.min(perRow, indices.size()));
        int rows = Math.max(1, (indices.size() + perRow - 1) / perRow);
        int cellWidth = side + GAP;
        int cellHeight = side + CAPTION_HEIGHT + GAP;
        Graphics2D probe = Picture.blank(1, 1).graphics();
        int width = Math.max(columns * cellWidth + GAP, Picture.width(probe, title, 15, true) + 2 * GAP);
        if (subtitle != null) {
            width = Math.max(width, Picture.width(probe, subtitle, 12, false) + 2 * GAP);
        }
        probe.dispose();
        int head = TITLE_HEIGHT + (subtitle == null ? 0 : SUBTITLE_HEIGHT);
        Picture picture = Picture.blank(width, head + rows * cellHeight);
        Graphics2D g = picture.graphics();
        picture.centred(g, title, width / 2.0, 26, 15, true, Color.BLACK);
        if (subtitle != null) {
            picture.centred(g, subtitle, width / 2.0, 26 + SUBTITLE_HEIGHT, 12, false, Color.DARK_GRAY);
        }
        int left = (width - columns * cellWidth + GAP) / 2;
        for (int k = 0; k < indices.size(); k++) {
            int x = left + (k % perRow) * cellWidth;
            int y = head + (k / perRow) * cellHeight;
            if (!captions.get(k).isEmpty()) {
                picture.centred(g, captions.get(k), x + side / 2.0, y + CAPTION_HEIGHT - 5, 12, false, Color.BLACK);
            }
            g.drawImage(raster(split, indices.get(k)), x, y + CAPTION_HEIGHT, side, side, null);
        }
        g.dispose();
        return picture;
    }

    /**
     * The first image of each of {@code classes} classes in the left column and, beside it, the distorted copies
     * the training of {@code seed} saw in epochs 1, 2 and 3.
     */
    public static Picture distorted(Mnist.Split split, ElasticDistortion distortion, long seed, int classes,
            String title, String subtitle) {
        List<Integer> firsts = firstOfEachClassIndices(split).subList(0, classes);
        int epochs = 3;
        byte[] pixels = new byte[firsts.size() * (epochs + 1) * Mnist.PIXELS];
        List<String> captions = new ArrayList<>();
        for (int k = 0; k < firsts.size(); k++) {
            int index = firsts.get(k);
            float[] original = new float[Mnist.PIXELS];
            for (int p = 0; p < Mnist.PIXELS; p++) {
                original[p] = split.pixels()[index * Mnist.PIXELS + p] & 0xff;
            }
            for (int e = 0; e <= epochs; e++) {
                float[] copy = original.clone();
                if (e > 0) {
                    distortion.apply(copy, 0, seed, e, index);
                }
                int at = (k * (epochs + 1) + e) * Mnist.PIXELS;
                for (int p = 0; p < Mnist.PIXELS; p++) {
                    pixels[at + p] = (byte) Math.round(Math.max(0, Math.min(255, copy[p])));
                }
                captions.add(k > 0 ? "" : e == 0 ? "as loaded" : "epoch " + e);
            }
        }
        Mnist.Split shown = new Mnist.Split(split.dataset(), split.name(), firsts.size() * (epochs + 1), pixels,
                new byte[firsts.size() * (epochs + 1)]);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < shown.count(); i++) {
            all.add(i);
        }
        return grid(shown, all, captions, epochs + 1, 3, title, subtitle);
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
