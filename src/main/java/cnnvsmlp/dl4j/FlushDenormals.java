package cnnvsmlp.dl4j;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Sets the optimizer state's denormal values (nonzero, below the smallest normal float, 2^-126) to zero every
 * {@link #EVERY} steps, as TensorFlow does for every value it computes: its CPU threads run with the flush-to-zero
 * and denormals-are-zero flags on ({@code tensorflow/core/common_runtime/local_device.cc}, "Set the processor flag
 * to flush denormals to zero"), so Keras' Adam never holds one. libnd4j keeps them, and x86 cores take a slow
 * microcode path for each: Adam's moments of units whose gradient stays zero decay (by beta_1 = 0.9, beta_2 =
 * 0.999 a step) into that range, and there stay for thousands of steps. After 10 epochs of the 6-layer MLP,
 * 5.2 million of Adam's 24 million values were denormal and its epochs took 222-289 s against 74-82 s with this
 * flush (docs/performance.md, "Adam's denormals").
 *
 * <p>The weights do not change by it: a moment below 2^-126 moves a weight by less than lr x 2^-126 / epsilon,
 * about 1e-34, which no weight larger than about 1e-27 can hold, and a second moment that small is lost beside
 * epsilon (1e-7) in the update's denominator. {@code FlushDenormalsTest} trains with and without the flush from a
 * state full of denormals and finds every weight bit for bit the same.
 *
 * <p>Optimizers without state (the post's plain SGD) have nothing to flush. The step count is the network's own,
 * kept in its checkpoints, so a resumed run flushes at the same steps as one that was not stopped.
 */
public final class FlushDenormals extends BaseTrainingListener {

    /**
     * Steps between flushes: one flush of the 6-layer MLP's 24 million values takes 70-120 ms, a step 150-600 ms
     * (2 threads), so every 50 steps costs under 1 % and lets at most 50 steps' worth of new denormals slow a step.
     */
    public static final int EVERY = 50;

    /** What a run's config.json says of it. */
    public static final String SENTENCE = "the optimizer's denormal state values (below 2^-126) set to zero every "
            + EVERY + " steps, as TensorFlow flushes denormals; no weight changes by it";

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if ((iteration + 1) % EVERY == 0 && model instanceof MultiLayerNetwork net) {
            flush(net);
        }
    }

    /** Sets the denormal values of {@code net}'s optimizer state to zero (none: nothing to do). */
    public static void flush(MultiLayerNetwork net) {
        INDArray state = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        if (state != null && !state.isEmpty()) {
            double smallestNormal = state.dataType() == DataType.DOUBLE ? Double.MIN_NORMAL : Float.MIN_NORMAL;
            BooleanIndexing.replaceWhere(state, 0.0, Conditions.absLessThan(smallestNormal));
        }
    }
}
