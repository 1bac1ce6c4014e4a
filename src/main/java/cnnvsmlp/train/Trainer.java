package cnnvsmlp.train;

import java.util.concurrent.atomic.AtomicBoolean;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.data.ElasticDistortion;
import cnnvsmlp.dl4j.FlushDenormals;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.run.TrainingState;

/**
 * The epoch loop of Keras' {@code model.fit(X, Y, epochs, batch_size)}: every epoch visits the training set
 * once in a new random order (shuffle=True), in batches of {@code batchSize}, the last one smaller when the
 * size does not divide (60,000 = 29 x 2048 + 608). After each epoch the evaluation set is scored. The
 * optimizer's denormal state values are set to zero every few steps, as TensorFlow's flush-to-zero has them
 * ({@link FlushDenormals}: no weight changes by it, and Adam's steps stay as fast as a fresh network's).
 */
public final class Trainer {

    /**
     * @param epochs how many epochs to run (the post: 5000)
     * @param batchSize the post's batch_size
     * @param shuffleSeed drives the order of every epoch
     * @param distortion distorts every training image anew each epoch (null: the images as loaded, the post's)
     * @param distortionSeed drives the distortions' fields
     */
    public record Settings(int epochs, int batchSize, long shuffleSeed, ElasticDistortion distortion,
            long distortionSeed) {

        /** The post's: no distortions. */
        public Settings(int epochs, int batchSize, long shuffleSeed) {
            this(epochs, batchSize, shuffleSeed, null, 0);
        }

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
        Loop loop = new Loop(settings, model, train, evaluation, observer, checkpoints);
        model.addListeners(loop.batchMetrics, loop.flushDenormals);
        TrainingState from = checkpoints.resumeFrom();
        int firstEpoch = loop.resume(from);
        observer.started(settings.epochs(), loop.batches);
        try {
            for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
                boolean partial = from != null && epoch == firstEpoch && from.batchesDone() > 0;
                loop.epoch(epoch, partial ? from : null);
                loop.checkpointAfter(epoch);
            }
        } finally {
            model.getListeners().remove(loop.batchMetrics);
            model.getListeners().remove(loop.flushDenormals);
            observer.finished();
        }
        return loop.history;
    }

    /** One call of {@link #fit}: the data's batching, the history so far and the last finite batch loss. */
    private static final class Loop {
        private final Settings settings;
        private final MultiLayerNetwork model;
        private final DataSet evaluation;
        private final TrainingObserver observer;
        private final Checkpoints checkpoints;
        private final int n;
        private final int batchSize;
        private final int batches;
        private final EpochShuffler shuffler;
        private final BatchMetricsListener batchMetrics = new BatchMetricsListener();
        private final FlushDenormals flushDenormals = new FlushDenormals();
        private final History history = new History();
        private double lastGoodLoss = Double.NaN;

        Loop(Settings settings, MultiLayerNetwork model, DataSet train, DataSet evaluation, TrainingObserver observer,
                Checkpoints checkpoints) {
            this.settings = settings;
            this.model = model;
            this.evaluation = evaluation;
            this.observer = observer;
            this.checkpoints = checkpoints;
            this.n = train.numExamples();
            this.batchSize = Math.min(settings.batchSize(), n);
            this.batches = (n + batchSize - 1) / batchSize;
            this.shuffler = new EpochShuffler(train, settings.shuffleSeed(), settings.distortion(),
                    settings.distortionSeed());
        }

        /** Takes over {@code from}'s history and shuffling generator (none: a new run); the first epoch to run. */
        int resume(TrainingState from) {
            if (from == null) {
                return 1;
            }
            from.history().forEach(history::add);
            lastGoodLoss = from.lastGoodLoss();
            for (int e = 0; e < from.completedEpochs(); e++) {
                shuffler.shuffle(); // the same generator state as the interrupted run
            }
            observer.resumed(from.completedEpochs());
            return from.completedEpochs() + 1;
        }

        /** Trains one epoch, continuing the batches of {@code partial} when set, then scores the evaluation set. */
        void epoch(int epoch, TrainingState partial) {
            long start = System.nanoTime();
            shuffler.shuffle();
            double lossSum = partial == null ? 0 : partial.lossSum();
            long correctBefore = partial == null ? 0 : partial.correct();
            batchMetrics.takeCorrect();
            for (int b = partial == null ? 0 : partial.batchesDone(); b < batches; b++) {
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
        }

        /** A checkpoint when one is due (every few epochs, at the end, or asked for), and the stop when asked. */
        void checkpointAfter(int epoch) {
            boolean stop = checkpoints.stop().get();
            if (stop || epoch == settings.epochs() || checkpoints.every() > 0 && epoch % checkpoints.every() == 0) {
                TrainingState state = new TrainingState(epoch, 0, 0, 0, lastGoodLoss, history.epochs());
                checkpoints.sink().save(model, state);
                if (stop && epoch < settings.epochs()) {
                    throw new TrainingInterrupted(state);
                }
            }
        }
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
}
