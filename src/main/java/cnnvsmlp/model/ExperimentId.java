package cnnvsmlp.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The registry of experiments: everything an experiment is, in one place that every command, the index, the
 * benchmark, a saved model and the help texts read and loop over. Each entry: the name users type (and of its
 * results folder), the model's display name and parameter count, its network for a seed and recipe, its input (2-D
 * points, or MNIST-format images flat or as 28x28x1), the post's batch size, the quick preset's budget, how it uses
 * threads, and its help line. Adding an experiment: its model class, an entry here, its ide/ launcher.
 */
public enum ExperimentId {
    BEANS("beans", BeansMlp.NAME, BeansMlp.PARAMETERS, Input.POINTS, BeansMlp::configuration, 10, 5000,
            Threads.TINY, "beans MLP", "beans", "Experiment 1: the 2-8-8-8-1 MLP on the two-spiral beans (batch 10).", "about a minute"),
    MNIST_MLP("mnist-mlp", MnistMlp.NAME, MnistMlp.PARAMETERS, Input.FLAT, MnistMlp::configuration, 2048, 100,
            Threads.DENSE, "MLP", "mlp", "Experiment 2: the 784-256-256-256-10 MLP on MNIST (batch 2048).", "about 1.5 minutes"),
    LENET5("lenet5", LeNet5.NAME, LeNet5.PARAMETERS, Input.IMAGE, LeNet5::configuration, 2048, 100,
            Threads.CONVOLUTIONAL, "LeNet-5", "lenet", "Experiment 3: LeNet-5 on MNIST (batch 2048).", "about 2.5 minutes"),
    MNIST_MLP6("mnist-mlp6", MnistMlp6.NAME, MnistMlp6.PARAMETERS, Input.FLAT, MnistMlp6::configuration, 2048, 100,
            Threads.DENSE, "6-layer MLP", "mlp6", "Experiment 4: the 6-layer 784-2500-2000-1500-1000-500-10 MLP of LeCun's"
                    + " table on MNIST (batch 2048), against which the post says LeNet-5 is more accurate.",
            "about 40 minutes");

    /** The post's {@code epochs=5000}, for every model. */
    public static final int POST_EPOCHS = 5000;
    public static final long DEFAULT_SEED = 42;

    /** What an experiment's network takes in. */
    public enum Input {
        /** 2-D points (x, y), one sigmoid output: the beans. */
        POINTS,
        /** MNIST-format images flattened to 784 grey levels divided by 255, ten outputs. */
        FLAT,
        /** MNIST-format images as 28x28x1 (channels last) divided by 255, ten outputs. */
        IMAGE;

        public boolean mnist() {
            return this != POINTS;
        }
    }

    /** An experiment's network configuration for a seed and a recipe: its model class's {@code configuration}. */
    @FunctionalInterface
    public interface Network {
        MultiLayerConfiguration configuration(long seed, Recipe recipe);
    }

    /**
     * How an experiment uses the CPU threads it is given, measured on 2 cores (docs/performance.md): the beans' tiny
     * network pays only for thread hand-offs (30 % slower with two), so one thread by default; a dense network's work
     * is OpenBLAS's matrix products between element-wise ops too small to share (batch 2048: 2.0-2.3 s per epoch
     * with one op thread, 2.7-3.8 s with two; batch 64: 7-9 s against 9-20 s), so its other ops get one thread;
     * LeNet-5's matrix products are small beside its convolutions and a second OpenBLAS thread spins on the core the
     * convolutions need (batch 2048: 2.0-2.1 s against 2.4-2.7 s), so OpenBLAS gets one thread, and below batch
     * {@value #SHARED_FROM} waking a second thread for each of a batch's many small ops costs more than it saves
     * (batch 64: 2.6-2.7 s per epoch against 4.1 s; batch 512: 2.46 s against 2.43 s; batch 2048: 2.6 s against
     * 1.9-2.1 s), so its ops get one thread there.
     */
    public enum Threads {
        TINY, DENSE, CONVOLUTIONAL;

        /** The batch size from which a convolutional network's ops share the threads. */
        public static final int SHARED_FROM = 1024;
    }

    private final String id;
    private final String model;
    private final long parameters;
    private final Input input;
    private final Network network;
    private final int postBatchSize;
    private final int quickEpochs;
    private final Threads threads;
    private final String shortName;
    private final String torchName;
    private final String description;
    private final String quickTime;

    ExperimentId(String id, String model, long parameters, Input input, Network network, int postBatchSize,
            int quickEpochs, Threads threads, String shortName, String torchName, String description,
            String quickTime) {
        this.id = id;
        this.model = model;
        this.parameters = parameters;
        this.input = input;
        this.network = network;
        this.postBatchSize = postBatchSize;
        this.quickEpochs = quickEpochs;
        this.threads = threads;
        this.shortName = shortName;
        this.torchName = torchName;
        this.description = description;
        this.quickTime = quickTime;
    }

    /** The name on the command line and of the results folder. */
    public String id() {
        return id;
    }

    public String model() {
        return model;
    }

    public long parameters() {
        return parameters;
    }

    public Input input() {
        return input;
    }

    /** The network for {@code seed} trained with {@code recipe}; not yet initialised. */
    public MultiLayerNetwork network(long seed, Recipe recipe) {
        return new MultiLayerNetwork(network.configuration(seed, recipe));
    }

    /** The same with the post's training. */
    public MultiLayerConfiguration configuration(long seed) {
        return network.configuration(seed, Recipe.POST);
    }

    /** The post's batch_size: 10 for the beans, 2048 for MNIST. */
    public int postBatchSize() {
        return postBatchSize;
    }

    /**
     * The batch size it trains with under {@code recipe} by default: the post's, or for the modern recipe on MNIST
     * Keras' usual {@value Recipe#MODERN_BATCH} (the beans keep the post's 10).
     */
    public int batchSize(Recipe recipe) {
        return recipe.isPost() || !usesMnist() ? postBatchSize : Recipe.MODERN_BATCH;
    }

    /**
     * The quick preset's budget: the beans keep the post's 5000 epochs (about a minute); the MNIST models get the
     * same 100 epochs, so that the main job compares them at an equal budget and fits its 15 minutes on a 2-core
     * CPU. An explicit and printed override of the post's 5000.
     */
    public int quickEpochs() {
        return quickEpochs;
    }

    /** What tables and charts call it beside another model: "MLP", "LeNet-5". */
    public String shortName() {
        return shortName;
    }

    /** Its name in the PyTorch reference's logs and options ("mlp", "lenet"). */
    public String torchName() {
        return torchName;
    }

    /** The experiment the PyTorch reference calls {@code name}; empty for none. */
    public static java.util.Optional<ExperimentId> byTorchName(String name) {
        return Arrays.stream(values()).filter(e -> e.torchName.equals(name)).findFirst();
    }

    /** The short name of the model whose display name is {@code model}; the display name itself for no entry's. */
    public static String shortName(String model) {
        return Arrays.stream(values()).filter(e -> e.model.equals(model)).map(ExperimentId::shortName).findFirst()
                .orElse(model);
    }

    /** The help line of its command. */
    public String description() {
        return description;
    }

    /** How long its quick preset takes on 2 cores, for the help text. */
    public String quickTime() {
        return quickTime;
    }

    /** CPU threads by default: one for a tiny network, every core otherwise (see {@link Threads}). */
    public int defaultThreads() {
        return threads == Threads.TINY ? 1 : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Threads for libnd4j's own ops, oneDNN and this project's kernels when {@code threads} are asked for, at
     * {@code batchSize} (see {@link Threads}).
     */
    public int opThreads(int threads, int batchSize) {
        if (this.threads == Threads.DENSE || this.threads == Threads.CONVOLUTIONAL && batchSize < Threads.SHARED_FROM) {
            return 1;
        }
        return threads;
    }

    /** Threads for OpenBLAS when {@code threads} are asked for (see {@link Threads}). */
    public int blasThreads(int threads) {
        return this.threads == Threads.CONVOLUTIONAL ? 1 : threads;
    }

    /**
     * Epochs between checkpoints by default: a few minutes of work on a 2-core CPU (beans 500 epochs, about
     * 20 s; MNIST 10 epochs, about 1 to 2.5 minutes). A checkpoint is also written at the end and on Ctrl-C.
     */
    public int checkpointEvery() {
        return input == Input.POINTS ? 500 : 10;
    }

    public boolean usesMnist() {
        return input.mnist();
    }

    /** The experiments on MNIST-format images, in the registry's order. */
    public static List<ExperimentId> onMnist() {
        return Arrays.stream(values()).filter(ExperimentId::usesMnist).toList();
    }

    /** The names users type, in the registry's order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ExperimentId::id).toList();
    }

    public static ExperimentId byId(String id) {
        for (ExperimentId e : values()) {
            if (e.id.equals(id.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown experiment " + id);
    }
}
