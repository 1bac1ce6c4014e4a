package cnnvsmlp.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The hand-off between LeNet-5's first convolution and the 2x2 average pooling after it, in training. The
 * pooling's backprop would spread each gradient value, divided by 4, over its 2x2 window: a 28 MB array at batch
 * 2048, which the convolution's weight gradient then reads back. Instead, when the convolution (layer 0, on the
 * JVM path of {@link OneChannelWeightGradient}) has offered its activations and the pooling layer finds them as
 * its input, the pooling layer hands its output gradient down unchanged and the convolution spreads it itself,
 * while it computes the ReLU's derivative: the same values (a division by 4 is exact), one pass less.
 *
 * <p>Per thread: a network trains in one thread. An offer lasts until the pooling layer's backprop takes it or the
 * next forward pass replaces it; a hand-off until the convolution's backprop takes it.
 */
final class PooledGradientHandOff {

    private static final ThreadLocal<INDArray> OFFERED = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> HANDED = new ThreadLocal<>();
    /** Hand-offs taken so far, all threads: tests see that the path ran. */
    private static final java.util.concurrent.atomic.AtomicLong TAKEN = new java.util.concurrent.atomic.AtomicLong();

    private PooledGradientHandOff() {
    }

    /** The convolution: {@code activations} (its output) can take a pooled gradient back; null withdraws. */
    static void offer(INDArray activations) {
        OFFERED.set(activations);
        HANDED.remove();
    }

    /** The pooling layer: whether its {@code input} is the offered activations. */
    static boolean offered(INDArray input) {
        return input != null && OFFERED.get() == input;
    }

    /** The pooling layer: it passes its output gradient down unchanged; ends the offer. */
    static void hand() {
        OFFERED.remove();
        HANDED.set(Boolean.TRUE);
    }

    /** The convolution: whether the gradient it receives is the pooling layer's, handed down; ends the hand-off. */
    static boolean take() {
        boolean handed = Boolean.TRUE.equals(HANDED.get());
        HANDED.remove();
        OFFERED.remove();
        if (handed) {
            TAKEN.incrementAndGet();
        }
        return handed;
    }

    /** Hand-offs taken so far in this JVM. */
    static long taken() {
        return TAKEN.get();
    }
}
