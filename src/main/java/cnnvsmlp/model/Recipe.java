package cnnvsmlp.model;

import java.util.Locale;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import cnnvsmlp.data.ElasticDistortion;
import cnnvsmlp.run.HyperParameters;

/**
 * How a network is trained: the loss and the optimizer with its learning rate, by Keras' names and with Keras'
 * semantics. {@link #POST} is the post's ({@code mean_squared_error}, {@code SGD(lr=0.05)}); {@link #modern} the
 * usual recipe since (cross-entropy, {@code Adam()} with Keras' defaults).
 *
 * <ul>
 *   <li>{@code mean_squared_error}: {@link LossFunction#MSE}, the mean over outputs, then over the batch;</li>
 *   <li>{@code categorical_crossentropy} on a softmax: {@link LossFunction#MCXENT}, -sum y log p per example, the mean
 *   over the batch (Keras clips p to [1e-7, 1 - 1e-7]; DL4J does not: they differ only where p is that close to 0
 *   or 1);</li>
 *   <li>{@code binary_crossentropy} on a sigmoid: {@link LossFunction#XENT}, the mean over outputs and batch;</li>
 *   <li>{@code SGD(lr)}: plain {@code w -= lr * grad}, no momentum (Keras' default lr 0.01, the post's 0.05);</li>
 *   <li>{@code Adam(lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)}: Keras' defaults, each set explicitly
 *   (DL4J's epsilon is 1e-8); step {@code lr * sqrt(1 - beta_2^t) / (1 - beta_1^t) * m / (sqrt(v) + epsilon)} in
 *   both.</li>
 * </ul>
 *
 * @param loss Keras' name of the loss
 * @param optimizer Keras' name of the optimizer
 * @param learningRate its learning rate
 * @param augment what is done to the training images each epoch ({@link Augment#NONE}, the post's: nothing)
 */
public record Recipe(Loss loss, Optimizer optimizer, double learningRate, Augment augment) {

    public Recipe {
        if (augment == null) {
            augment = Augment.NONE;
        }
    }

    /** A recipe that trains on the images as loaded. */
    public Recipe(Loss loss, Optimizer optimizer, double learningRate) {
        this(loss, optimizer, learningRate, Augment.NONE);
    }

    /**
     * What is done to the training images: nothing (the post's), or elastic distortions with the values Simard,
     * Steinkraus and Platt (2003) give for MNIST, drawn anew each epoch ({@link ElasticDistortion}).
     */
    public enum Augment {
        NONE("none", null),
        ELASTIC("elastic", ElasticDistortion.SIMARD);

        private final String id;
        private final ElasticDistortion distortion;

        Augment(String id, ElasticDistortion distortion) {
            this.id = id;
            this.distortion = distortion;
        }

        /** The name options and config.json use: {@code none}, {@code elastic}. */
        public String id() {
            return id;
        }

        /** The distortion applied to every training image each epoch; null for none. */
        public ElasticDistortion distortion() {
            return distortion;
        }

        /** "elastic distortions (sigma 4, alpha 34, new each epoch)", or null for none. */
        public String sentence() {
            return distortion == null ? null : String.format(Locale.ROOT, "elastic distortions (sigma %s, alpha %s,"
                    + " new each epoch)", number(distortion.sigma()), number(distortion.alpha()));
        }

        public static Augment of(String name) {
            for (Augment a : values()) {
                if (a.id.equals(name)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown augmentation '" + name + "'");
        }
    }

    /** Keras' losses the project trains with. */
    public enum Loss {
        MEAN_SQUARED_ERROR("mean_squared_error", LossFunction.MSE),
        CATEGORICAL_CROSSENTROPY("categorical_crossentropy", LossFunction.MCXENT),
        BINARY_CROSSENTROPY("binary_crossentropy", LossFunction.XENT);

        private final String keras;
        private final LossFunction dl4j;

        Loss(String keras, LossFunction dl4j) {
            this.keras = keras;
            this.dl4j = dl4j;
        }

        public String keras() {
            return keras;
        }

        public LossFunction dl4j() {
            return dl4j;
        }

        /**
         * Whether it fits a network's output: cross-entropy is binary for one sigmoid output and categorical for a
         * softmax; the squared error fits both.
         */
        public boolean fits(boolean oneOutput) {
            return this != (oneOutput ? CATEGORICAL_CROSSENTROPY : BINARY_CROSSENTROPY);
        }

        /** The loss of Keras name {@code name}. */
        public static Loss of(String name) {
            for (Loss l : values()) {
                if (l.keras.equals(name)) {
                    return l;
                }
            }
            throw new IllegalArgumentException(name);
        }
    }

    /** Keras' optimizers the project trains with, each with Keras' default learning rate. */
    public enum Optimizer {
        SGD("sgd", 0.01),
        ADAM("adam", 0.001);

        private final String keras;
        private final double defaultLearningRate;

        Optimizer(String keras, double defaultLearningRate) {
            this.keras = keras;
            this.defaultLearningRate = defaultLearningRate;
        }

        public String keras() {
            return keras;
        }

        public double defaultLearningRate() {
            return defaultLearningRate;
        }

        public static Optimizer of(String name) {
            for (Optimizer o : values()) {
                if (o.keras.equals(name)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown optimizer '" + name + "'");
        }

        /** What config.json's {@code optimizer} says of it, for a reader. */
        public String sentence() {
            return this == ADAM ? "Adam (Keras: beta_1 0.9, beta_2 0.999, epsilon 1e-7)" : "SGD (plain, no momentum)";
        }

        /**
         * The optimizer of a config.json written before {@code optimizerName} was: its sentence, exactly (no
         * optimizer but these two was ever written); anything else is refused, never taken for SGD.
         */
        static Optimizer ofSentence(String sentence) {
            for (Optimizer o : values()) {
                if (o.sentence().equals(sentence)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown optimizer '" + sentence + "'");
        }
    }

    /** Keras' Adam defaults, which DL4J's differ from (its epsilon is 1e-8). */
    public static final double ADAM_BETA_1 = 0.9;
    public static final double ADAM_BETA_2 = 0.999;
    public static final double ADAM_EPSILON = 1e-7;

    /** The modern recipe's batch size for the MNIST models (the beans keep the post's 10): Keras' usual 128. */
    public static final int MODERN_BATCH = 128;

    /** The post's: {@code loss='mean_squared_error', optimizer=SGD(lr=0.05)}. */
    public static final Recipe POST = new Recipe(Loss.MEAN_SQUARED_ERROR, Optimizer.SGD, KerasDefaults.LEARNING_RATE);

    /** The usual recipe since: cross-entropy (binary for one sigmoid output) and {@code Adam()} as Keras has it. */
    public static Recipe modern(boolean oneOutput) {
        return new Recipe(oneOutput ? Loss.BINARY_CROSSENTROPY : Loss.CATEGORICAL_CROSSENTROPY, Optimizer.ADAM,
                Optimizer.ADAM.defaultLearningRate());
    }

    /** DL4J's updater with exactly Keras' semantics. */
    public IUpdater updater() {
        return optimizer == Optimizer.ADAM ? new Adam(learningRate, ADAM_BETA_1, ADAM_BETA_2, ADAM_EPSILON)
                : new Sgd(learningRate);
    }

    public boolean isPost() {
        return equals(POST);
    }

    /**
     * "mean_squared_error, sgd(lr=0.05), no momentum": the loss, the optimizer and all its settings, then the
     * augmentation when there is one.
     */
    public String describe() {
        return lossAndOptimizer()
                + (optimizer == Optimizer.ADAM ? ", beta_1 0.9, beta_2 0.999, epsilon 1e-7" : ", no momentum")
                + (augment == Augment.NONE ? "" : ", " + augment.sentence());
    }

    /** "mean_squared_error, sgd(lr=0.05)": {@link #describe()} without the optimizer's fixed settings. */
    public String lossAndOptimizer() {
        return loss.keras + ", " + optimizer.keras + String.format(Locale.ROOT, "(lr=%s)", number(learningRate));
    }

    /**
     * "categorical_crossentropy, adam": the Keras names of the loss and optimizer of a recipe that {@link #describe()}
     * wrote (a comparison's summary keeps that text, not the recipe).
     */
    public static String brief(String described) {
        String[] parts = described.split(",\\s*");
        String elastic = described.contains(Augment.ELASTIC.sentence()) ? ", elastic" : "";
        return parts.length < 2 ? parts[0] : parts[0] + ", " + parts[1].replaceAll("\\(.*", "") + elastic;
    }

    /** The Keras name of the loss of a recipe that {@link #describe()} wrote. */
    public static String lossOf(String described) {
        return described.split(",", 2)[0];
    }

    /** What config.json records under hyperParameters of the recipe (where it came from: {@code training}). */
    public HyperParameters hyperParameters(String training) {
        return HyperParameters.recipe(loss.keras, optimizer.sentence(), optimizer.keras, learningRate, training,
                augment == Augment.NONE ? null : augment.id());
    }

    /**
     * The recipe config.json records ({@code hyperParameters}): runs written before there was a choice recorded
     * the post's; files before {@code optimizerName} name the optimizer by its exact sentence.
     */
    public static Recipe fromHyperParameters(HyperParameters h) {
        if (h == null || h.loss() == null) {
            return POST;
        }
        Optimizer optimizer = h.optimizerName() != null ? Optimizer.of(h.optimizerName())
                : Optimizer.ofSentence(String.valueOf(h.optimizer()));
        double lr = h.learningRate() != null ? h.learningRate() : KerasDefaults.LEARNING_RATE;
        return new Recipe(Loss.of(h.loss()), optimizer, lr, h.augment() == null ? Augment.NONE
                : Augment.of(h.augment()));
    }

    /** This recipe with {@code other} done to the training images. */
    public Recipe with(Augment other) {
        return new Recipe(loss, optimizer, learningRate, other);
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
