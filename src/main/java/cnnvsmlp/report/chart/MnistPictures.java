package cnnvsmlp.report.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.data.Mnist;

/**
 * What a trained MNIST model gets wrong: its confusion matrix with counts in the cells, and the first misclassified test
 * digits with their true and predicted labels.
 */
public final class MnistPictures {

    /** Misclassified digits drawn at most. */
    public static final int MISCLASSIFIED_SHOWN = 40;
    static final int PER_ROW = 10;

    private MnistPictures() {
    }

    /**
     * The confusion matrix {@code matrix[actual][predicted]}: predicted digit across, true digit down, every row and
     * column labelled, each cell's count written in it. The mistakes (off the diagonal) are coloured on a scale from
     * white (0) to red (the largest mistake count, which the titled colour bar names), the correct predictions (the
     * diagonal) in green, so neither saturates the other.
     */
    public static Picture confusion(int[][] matrix, String title) {
        return confusion(matrix, title, Dataset.MNIST);
    }

    /**
     * The same for a model of {@code dataset}: rows labelled with the class names ("6 Shirt"), columns with their
     * numbers.
     */
    public static Picture confusion(int[][] matrix, String title, Dataset dataset) {
        int k = matrix.length;
        int largestMistake = 1;
        for (int actual = 0; actual < k; actual++) {
            for (int predicted = 0; predicted < k; predicted++) {
                if (actual != predicted) {
                    largestMistake = Math.max(largestMistake, matrix[actual][predicted]);
                }
            }
        }
        int cell = 56;
        Graphics2D probe = Picture.blank(1, 1).graphics();
        int widest = 0;
        for (int c = 0; c < k; c++) {
            widest = Math.max(widest, Picture.width(probe, dataset.label(c), 13, false));
        }
        probe.dispose();
        int left = Math.max(90, 60 + widest);
        int top = 90;
        Picture picture = Picture.blank(left + k * cell + 190, top + k * cell + 30);
        Graphics2D g = picture.graphics();
        picture.centred(g, title, picture.image().getWidth() / 2.0, 28, 15, true, Color.BLACK);
        String item = dataset.classWord();
        picture.centred(g, "predicted " + item, left + k * cell / 2.0, 58, 13, true, Color.BLACK);
        picture.vertical(g, "true " + item, 30, top + k * cell / 2.0, 13, true);
        for (int c = 0; c < k; c++) {
            picture.centred(g, String.valueOf(c), left + (c + 0.5) * cell, top - 8, 13, false, Color.BLACK);
            String row = dataset.label(c);
            picture.centred(g, row, left - 12 - Picture.width(g, row, 13, false) / 2.0, top + (c + 0.5) * cell + 5, 13,
                    false, Color.BLACK);
        }
        for (int actual = 0; actual < k; actual++) {
            for (int predicted = 0; predicted < k; predicted++) {
                int count = matrix[actual][predicted];
                Color fill = actual == predicted ? CORRECT : mistakeColour(count / (double) largestMistake);
                g.setColor(fill);
                g.fillRect(left + predicted * cell, top + actual * cell, cell, cell);
                boolean dark = actual == predicted || count > largestMistake / 2;
                picture.centred(g, String.valueOf(count), left + (predicted + 0.5) * cell, top + (actual + 0.5) * cell
                        + 5, 13, actual == predicted, dark ? Color.WHITE : Color.BLACK);
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, top, k * cell, k * cell);
        colourBar(picture, g, left + k * cell + 40, top, k * cell, largestMistake);
        g.dispose();
        return picture;
    }

    static final Color CORRECT = new Color(40, 120, 60);

    /** White (0) through orange to red (1). */
    static Color mistakeColour(double t) {
        double s = Math.max(0, Math.min(1, t));
        return s < 0.5 ? mix(Color.WHITE, new Color(250, 170, 100), s / 0.5)
                : mix(new Color(250, 170, 100), new Color(190, 30, 30), (s - 0.5) / 0.5);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** The mistakes' scale: 0 at the bottom, the largest mistake count at the top, and the diagonal's colour. */
    private static void colourBar(Picture picture, Graphics2D g, int x, int top, int height, int largestMistake) {
        int barHeight = height - 70;
        for (int y = 0; y < barHeight; y++) {
            g.setColor(mistakeColour(1 - y / (double) (barHeight - 1)));
            g.fillRect(x, top + y, 22, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, top, 22, barHeight);
        for (int tick = 0; tick <= 2; tick++) {
            int value = (int) Math.round(largestMistake * tick / 2.0);
            double y = top + barHeight - barHeight * (tick / 2.0);
            g.setColor(Color.BLACK);
            g.drawLine(x + 22, (int) y, x + 27, (int) y);
            picture.centred(g, String.valueOf(value), x + 45, y + 5, 12, false, Color.BLACK);
        }
        picture.vertical(g, "mistakes per cell (0 to the largest, " + largestMistake + ")", x + 75,
                top + barHeight / 2.0, 12, false);
        g.setColor(CORRECT);
        g.fillRect(x, top + height - 40, 22, 22);
        picture.centred(g, "correct", x + 60, top + height - 24, 12, false, Color.BLACK);
    }

    /** Indices of the test images whose prediction differs from the label, in order. */
    public static List<Integer> misclassified(Mnist.Split split, int[] predicted) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < split.count(); i++) {
            if (predicted[i] != split.label(i)) {
                wrong.add(i);
            }
        }
        return wrong;
    }

    /** The first {@link #MISCLASSIFIED_SHOWN} misclassified images, each captioned "true t -> predicted p". */
    public static Picture misclassifiedGrid(Mnist.Split split, int[] predicted, String model) {
        List<Integer> wrong = misclassified(split, predicted);
        List<Integer> shown = wrong.subList(0, Math.min(MISCLASSIFIED_SHOWN, wrong.size()));
        List<String> captions = captions(split, predicted, shown);
        return DigitPictures.grid(split, shown, captions, PER_ROW, 3, String.format(java.util.Locale.ROOT,
                "%s: the first %d of %,d misclassified %s images (true label -> predicted)", model,
                shown.size(), wrong.size(), split.name()), DigitPictures.classKey(split.dataset()));
    }

    /** "true 9 -> 4" for each of {@code shown}. */
    static List<String> captions(Mnist.Split split, int[] predicted, List<Integer> shown) {
        return shown.stream().map(i -> "true " + split.label(i) + " -> " + predicted[i]).toList();
    }
}
