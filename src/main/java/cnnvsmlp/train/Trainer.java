package cnnvsmlp.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.run.TrainingState;

/**
 * The epoch loop of Keras' {@code model.fit(X, Y, epochs, batch_size)}: every epoch visits the training set
 * once in a new random order (shuffle=True), in batches of {@code batchSize}, the last one smaller when the
 * size does not divide (60,000 = 29 x 2048 + 608). After each epoch the evaluation set is scored.
 */
public final class Trainer {

    /**
     * @param epochs how many epochs to run (the post: 5000)
     * @param batchSize the post's batch_size
     * @param shuffleSeed drives the order of every epoch
     */
    public record Settings(int epochs, int batchSize, long shuffleSeed) {
        public Settings {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
        }
    }

    private final Settings settings;

    public Trainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * Trains {@code model} on {@code train}, scoring {@code evaluation} after every epoch.
     *
     * @throws TrainingDiverged when a batch loss is NaN or infinite, or a parameter is after an epoch
     */
    public History fit(MultiLayerNetwork model, DataSet train, DataSet evaluation, TrainingObserver observer) {
        return fit(model, train, evaluation, observer, Checkpoints.NONE);
    }

    /**
     * As {@link #fit(MultiLayerNetwork, DataSet, DataSet, TrainingObserver)}, continuing from
     * {@code checkpoints.resumeFrom()} when it is set (the model must hold that state's parameters), saving a
     * checkpoint every {@code checkpoints.every()} epochs and at the end, and stopping after the current batch,
     * with a checkpoint, once {@code checkpoints.stop()} is set.
     *
     * @throws TrainingDiverged when a batch loss is NaN or infinite, or a parameter is after an epoch
     * @throws TrainingInterrupted when the stop flag was set; its checkpoint is saved
     */
    public History fit(MultiLayerNetwork model, DataSet train, DataSet evaluation, TrainingObserver observer,
            Checkpoints checkpoints) {
        int n = train.numExamples();
        int batchSize = Math.min(settings.batchSize(), n);
        int batches = (n + batchSize - 1) / batchSize;
        EpochShuffler shuffler = new EpochShuffler(train, settings.shuffleSeed());
        BatchMetricsListener batchMetrics = new BatchMetricsListener();
        model.addListeners(batchMetrics);
        TrainingState from = checkpoints.resumeFrom();
        History history = new History();
        int firstEpoch = 1;
        double lastGoodLoss = Double.NaN;
        if (from != null) {
            from.history().forEach(history::add);
            firstEpoch = from.completedEpochs() + 1;
            lastGoodLoss = from.lastGoodLoss();
            for (int e = 0; e < from.completedEpochs(); e++) {
                shuffler.shuffle(); // the same generator state as the interrupted run
            }
            observer.resumed(from.completedEpochs());
        }
        observer.started(settings.epochs(), batches);
        try {
            for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
                long start = System.nanoTime();
                shuffler.shuffle();
                double lossSum = 0;
                long correctBefore = 0;
                int firstBatch = 0;
                if (from != null && epoch == firstEpoch && from.batchesDone() > 0) {
                    firstBatch = from.batchesDone();
                    lossSum = from.lossSum();
                    correctBefore = from.correct();
                }
                batchMetrics.takeCorrect();
                for (int b = firstBatch; b < batches; b++) {
                    int first = b * batchSize;
                    int last = Math.min(n, first + batchSize);
                    model.fit(shuffler.batch(first, last));
                    double loss = model.score();
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDiverged(epoch, b + 1, loss, lastGoodLoss, history);
                    }
                    lastGoodLoss = loss;
                    lossSum += loss * (last - first);
                    observer.batchDone();
                    if (checkpoints.stop().get() && b + 1 < batches) {
                        TrainingState state = new TrainingState(epoch - 1, b + 1, lossSum,
                                correctBefore + batchMetrics.takeCorrect(), lastGoodLoss, history.epochs());
                        checkpoints.sink().save(model, state);
                        throw new TrainingInterrupted(state);
                    }
                }
                if (!finite(model.params())) {
                    throw TrainingDiverged.parameters(epoch, lastGoodLoss, history);
                }
                long correct = correctBefore + batchMetrics.takeCorrect();
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                long evalStart = System.nanoTime();
                Evaluator.Score score = Evaluator.score(model, evaluation);
                double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
                EpochResult result = new EpochResult(epoch, lossSum / n, (double) correct / n, score.loss(),
                        score.accuracy(), trainSeconds, evalSeconds);
                history.add(result);
                observer.epochDone(result);
                boolean stop = checkpoints.stop().get();
                if (stop || epoch == settings.epochs()
                        || checkpoints.every() > 0 && epoch % checkpoints.every() == 0) {
                    TrainingState state = new TrainingState(epoch, 0, 0, 0, lastGoodLoss, history.epochs());
                    checkpoints.sink().save(model, state);
                    if (stop && epoch < settings.epochs()) {
                        throw new TrainingInterrupted(state);
                    }
                }
            }
        } finally {
            model.getListeners().remove(batchMetrics);
            observer.finished();
        }
        return history;
    }

    /**
     * Whether every value is finite: one sum, NaN when any value is NaN or when infinities of both signs meet,
     * infinite when any is infinite. A finite loss does not prove a finite network: a sigmoid output saturated
     * by an infinite parameter gives a finite squared error and a zero gradient for ever after.
     */
    static boolean finite(INDArray values) {
        return Double.isFinite(values.sumNumber().doubleValue());
    }

    /** Receives each checkpoint: the model (with its updater state) and where training stands. */
    @FunctionalInterface
    public interface CheckpointSink {
        void save(MultiLayerNetwork model, TrainingState state);
    }

    /**
     * @param every epochs between checkpoints (0: only at the end and when stopped)
     * @param sink where checkpoints go
     * @param stop set (by a signal handler) to stop after the current batch
     * @param resumeFrom the state to continue from, or null for a new run
     */
    public record Checkpoints(int every, CheckpointSink sink, AtomicBoolean stop, TrainingState resumeFrom) {
        public static final Checkpoints NONE = new Checkpoints(0, (model, state) -> { }, new AtomicBoolean(), null);
    }

    /**
     * Draws a new order every epoch and gathers each batch's rows into a buffer allocated once per batch size
     * (no shuffled copy of the whole training set: 188 MB less for MNIST).
     *
     * <p>On the CPU backend, with float32 arrays in row-major order, the rows are copied from Java through NIO
     * views of the native memory: ND4J's {@code pullRows} (a JNI call that builds a sub-array descriptor for
     * every call) cost 0.1 ms per batch, a fifth of a beans epoch. Elsewhere (the GPU, other layouts)
     * {@code pullRows} does it.
     */
    static final class EpochShuffler {
        private final INDArray features;
        private final INDArray labels;
        private final int[] order;
        private final Random random;
        private final Map<Integer, DataSet> buffers = new HashMap<>();
        private final boolean copyInJava;

        EpochShuffler(DataSet data, long seed) {
            this.features = data.getFeatures();
            this.labels = data.getLabels();
            this.order = new int[(int) features.size(0)];
            Arrays.setAll(order, i -> i);
            this.random = new Random(seed);
            this.copyInJava = !cnnvsmlp.runtime.GpuDevices.cudaBackend() && javaCopyable(features)
                    && javaCopyable(labels);
        }

        /** Whether batches are gathered from Java (else by ND4J's pullRows). */
        boolean copiesInJava() {
            return copyInJava;
        }

        /** The next epoch's order (Fisher-Yates over the previous one). */
        int[] shuffle() {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return order;
        }

        /** Rows {@code from} to {@code to} of this epoch's order; valid until the next call. */
        DataSet batch(int from, int to) {
            int[] rows = Arrays.copyOfRange(order, from, to);
            DataSet buffer = buffers.computeIfAbsent(rows.length, size -> new DataSet(
                    Nd4j.createUninitialized(features.dataType(), withRows(features.shape(), size), 'c'),
                    Nd4j.createUninitialized(labels.dataType(), withRows(labels.shape(), size), 'c')));
            if (copyInJava) {
                copyRows(features, buffer.getFeatures(), rows);
                copyRows(labels, buffer.getLabels(), rows);
            } else {
                Nd4j.pullRows(asRows(features), asRows(buffer.getFeatures()), 1, rows);
                Nd4j.pullRows(asRows(labels), asRows(buffer.getLabels()), 1, rows);
            }
            return buffer;
        }

        /** Float32, row-major, the whole of its own buffer, under 2^31 elements: rows are runs of its NIO view. */
        private static boolean javaCopyable(INDArray array) {
            return array.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT && rowMajorDense(array)
                    && array.offset() == 0 && array.data().length() == array.length()
                    && array.length() <= Integer.MAX_VALUE && !array.isEmpty();
        }

        /** Whether every dimension longer than 1 has the row-major stride (the product of the sizes after it). */
        private static boolean rowMajorDense(INDArray array) {
            long expected = 1;
            for (int d = array.rank() - 1; d >= 0; d--) {
                if (array.size(d) > 1 && array.stride(d) != expected) {
                    return false;
                }
                expected *= array.size(d);
            }
            return true;
        }

        private static void copyRows(INDArray source, INDArray target, int[] rows) {
            int rowLength = (int) (source.length() / source.size(0));
            java.nio.FloatBuffer from = source.data().asNioFloat();
            java.nio.FloatBuffer to = target.data().asNioFloat();
            for (int i = 0; i < rows.length; i++) {
                to.put(i * rowLength, from, rows[i] * rowLength, rowLength);
            }
        }

        private static long[] withRows(long[] shape, long rows) {
            long[] copy = shape.clone();
            copy[0] = rows;
            return copy;
        }

        private static INDArray asRows(INDArray array) {
            return array.rank() == 2 ? array : array.reshape('c', array.size(0), array.length() / array.size(0));
        }
    }
}
