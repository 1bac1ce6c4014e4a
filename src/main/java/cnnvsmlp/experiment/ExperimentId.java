package cnnvsmlp.experiment;

import java.util.Locale;

import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.MnistMlp;

/**
 * The post's three experiments, with the settings it trains them with. Every default of the project lives
 * here: the post's budget, batch sizes and the seed, and the quick preset's shorter budgets.
 */
public enum ExperimentId {
    BEANS("beans", BeansMlp.NAME, BeansMlp.PARAMETERS, 10, 5000),
    MNIST_MLP("mnist-mlp", MnistMlp.NAME, MnistMlp.PARAMETERS, 2048, 100),
    LENET5("lenet5", LeNet5.NAME, LeNet5.PARAMETERS, 2048, 100);

    /** The post's {@code epochs=5000}, for every model. */
    public static final int POST_EPOCHS = 5000;
    public static final long DEFAULT_SEED = 42;

    private final String id;
    private final String model;
    private final long parameters;
    private final int postBatchSize;
    private final int quickEpochs;

    ExperimentId(String id, String model, long parameters, int postBatchSize, int quickEpochs) {
        this.id = id;
        this.model = model;
        this.parameters = parameters;
        this.postBatchSize = postBatchSize;
        this.quickEpochs = quickEpochs;
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

    /** The post's batch_size: 10 for the beans, 2048 for MNIST. */
    public int postBatchSize() {
        return postBatchSize;
    }

    /**
     * The quick preset's budget: the beans keep the post's 5000 epochs (about a minute); the two MNIST models
     * get the same 100 epochs, so that the main job compares them at an equal budget and fits its 15 minutes on
     * a 2-core CPU. An explicit and printed override of the post's 5000.
     */
    public int quickEpochs() {
        return quickEpochs;
    }

    /**
     * CPU threads by default: one for the beans (a 177-parameter network only pays for thread hand-offs: 30 %
     * slower with two), every core for the MNIST models.
     */
    public int defaultThreads() {
        return this == BEANS ? 1 : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Threads for libnd4j's own ops, oneDNN and this project's kernels when {@code threads} are asked for, at
     * {@code batchSize}: one for the MNIST MLP, whose work is matrix products (OpenBLAS) between element-wise ops
     * too small to share (measured on 2 cores, batch 2048: 2.0-2.3 s per epoch with one, 2.7-3.8 s with two;
     * batch 64: 7-9 s against 9-20 s); one for LeNet-5 below batch {@value #LENET5_SHARED_FROM}, where waking a
     * second thread for each of a batch's many small ops costs more than it saves (batch 64: 2.6-2.7 s per epoch
     * against 4.1 s; batch 512: 2.46 s against 2.43 s; batch 2048: 2.6 s against 1.9-2.1 s); all of them
     * otherwise.
     */
    public int opThreads(int threads, int batchSize) {
        if (this == MNIST_MLP || this == LENET5 && batchSize < LENET5_SHARED_FROM) {
            return 1;
        }
        return threads;
    }

    /** The batch size from which LeNet-5's ops share the threads: see {@link #opThreads}. */
    static final int LENET5_SHARED_FROM = 1024;

    /**
     * Threads for OpenBLAS when {@code threads} are asked for: one for LeNet-5, whose matrix products (its three
     * dense layers, 256-120-84-10) are small beside its convolutions, and whose second OpenBLAS thread spins
     * between them on the core the convolutions need (measured on 2 cores, batch 2048: 2.0-2.1 s per epoch
     * against 2.4-2.7 s); every thread for the others.
     */
    public int blasThreads(int threads) {
        return this == LENET5 ? 1 : threads;
    }

    /**
     * Epochs between checkpoints by default: a few minutes of work on a 2-core CPU (beans 500 epochs, about
     * 20 s; MNIST 10 epochs, about 1 to 2.5 minutes). A checkpoint is also written at the end and on Ctrl-C.
     */
    public int checkpointEvery() {
        return this == BEANS ? 500 : 10;
    }

    public boolean usesMnist() {
        return this != BEANS;
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
