package cnnvsmlp.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras' {@code metrics=['accuracy']} as the post gets it: with one output unit binary accuracy
 * ({@code prediction > 0.5} equals the label), with several the categorical one (argmax equals the argmax
 * of the one-hot label).
 */
public final class KerasAccuracy {

    private KerasAccuracy() {
    }

    /**
     * The number of correct rows.
     *
     * @param labels (n, 1) zeros and ones, or (n, k) one-hot
     * @param scores (n, 1) or (n, k): probabilities, or pre-activations when {@code logits}
     * @param logits true when {@code scores} are the output layer's pre-activations: sigmoid(z) > 0.5 is
     *     z > 0, and softmax keeps the argmax
     */
    public static long correct(INDArray labels, INDArray scores, boolean logits) {
        if (labels.size(1) == 1) {
            INDArray predicted = scores.gt(logits ? 0.0 : 0.5);
            INDArray actual = labels.gt(0.5);
            return predicted.eq(actual).castTo(DataType.INT).sumNumber().longValue();
        }
        INDArray predicted = scores.argMax(1);
        INDArray actual = labels.argMax(1);
        return predicted.eq(actual).castTo(DataType.INT).sumNumber().longValue();
    }
}
