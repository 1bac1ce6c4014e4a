package cnnvsmlp.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;

import cnnvsmlp.model.ExperimentId;

/**
 * The project's colours and line styles, the same on every chart: each model has its colour (from Okabe and Ito's
 * palette, told apart by colour-blind readers: the MNIST MLP blue, LeNet-5 vermillion, the 6-layer MLP bluish
 * green, the beans MLP black), training is dashed and test (or evaluation) solid, so that a chart printed in grey
 * still reads. Speed charts, which compare programs rather than models, use greys.
 */
public final class Palette {

    /** By the registry's order: beans MLP, MNIST MLP, LeNet-5, 6-layer MLP; then reddish purple, sky blue. */
    private static final Color[] MODELS = {new Color(0, 0, 0), new Color(0, 114, 178), new Color(213, 94, 0),
        new Color(0, 158, 115), new Color(204, 121, 167), new Color(86, 180, 233)};

    /** The zero line, the mean difference and other neutral ink. */
    public static final Color INK = Color.BLACK;
    /** Reference lines and single seeds behind a mean. */
    public static final Color GREY = new Color(150, 150, 150);
    /** This project's bars in a speed chart, and the anchors' (PyTorch, DJL). */
    public static final Color[] PROGRAMS = {new Color(60, 60, 60), new Color(150, 150, 150), new Color(205, 205, 205)};

    private Palette() {
    }

    /** The colour of {@code experiment}'s model. */
    public static Color of(ExperimentId experiment) {
        return MODELS[experiment.ordinal() % MODELS.length];
    }

    /**
     * The colour of the model whose display name or short name is {@code model} ("LeNet-5", "MLP"); grey for none of
     * the registry's.
     */
    public static Color ofModel(String model) {
        return Arrays.stream(ExperimentId.values()).filter(e -> e.model().equals(model) || e.shortName().equals(model))
                .findFirst()
                .map(Palette::of).orElse(GREY);
    }

    /** {@code colour} with {@code alpha} (0-255). */
    public static Color translucent(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    /** A solid line of {@code width}: test and evaluation curves. */
    public static BasicStroke solid(float width) {
        return new BasicStroke(width);
    }

    /** A dashed line of {@code width}: training curves, and interval ends. */
    public static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }
}
