package cnnvsmlp.train;

import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Evaluates a network on a data set in chunks, with its loss (the post's mean squared error, or a cross-entropy)
 * and Keras' accuracy; one forward pass serves both. {@link #confusion} adds DL4J's {@link Evaluation} for the
 * confusion matrix and per-class precision and recall.
 */
public final class Evaluator {

    /** Rows per forward pass: bounds memory on the 10,000 test images. */
    static final int CHUNK = 2048;

    /** Loss and accuracy over a whole data set. */
    public record Score(double loss, double accuracy) {
    }

    private Evaluator() {
    }

    /** Keras clips probabilities to [1e-7, 1 - 1e-7] before a cross-entropy's logarithm. */
    static final double KERAS_EPSILON = 1e-7;

    /**
     * The loss of the model's output layer (Keras' value: mean squared error as the mean over outputs and examples;
     * categorical cross-entropy as the mean over examples of -sum y log p; binary cross-entropy as the mean over
     * outputs and examples; probabilities clipped as Keras clips them) and Keras' accuracy.
     */
    public static Score score(MultiLayerNetwork model, DataSet data) {
        Loss loss = loss(model);
        long n = data.numExamples();
        double sum = 0;
        long correct = 0;
        for (long start = 0; start < n; start += CHUNK) {
            long end = Math.min(n, start + CHUNK);
            INDArray x = rows(data.getFeatures(), start, end);
            INDArray y = rows(data.getLabels(), start, end);
            INDArray out = model.output(x, false);
            sum += switch (loss) {
                case MSE -> out.squaredDistance(y);
                case CATEGORICAL -> -Transforms.log(clipped(out), false).muli(y).sumNumber().doubleValue();
                case BINARY -> -Transforms.log(clipped(out), false).muli(y).addi(Transforms.log(clipped(out.rsub(1.0)),
                        false).muli(y.rsub(1.0))).sumNumber().doubleValue();
            };
            correct += KerasAccuracy.correct(y, out, false);
        }
        long outputs = data.getLabels().size(1);
        return new Score(loss == Loss.CATEGORICAL ? sum / n : sum / (n * outputs), (double) correct / n);
    }

    private static INDArray clipped(INDArray p) {
        return Transforms.max(Transforms.min(p, 1 - KERAS_EPSILON, true), KERAS_EPSILON, false);
    }

    /** DL4J's evaluation (confusion matrix, precision, recall; binary at 0.5 for one output column). */
    public static Evaluation confusion(MultiLayerNetwork model, DataSet data) {
        long classes = Math.max(2, data.getLabels().size(1));
        Evaluation evaluation = new Evaluation((int) classes);
        long n = data.numExamples();
        for (long start = 0; start < n; start += CHUNK) {
            long end = Math.min(n, start + CHUNK);
            evaluation.eval(rows(data.getLabels(), start, end), model.output(rows(data.getFeatures(), start, end),
                    false));
        }
        return evaluation;
    }

    /** The class the model predicts for each example: Keras' argmax (for one output column, 1 above 0.5). */
    public static int[] predictions(MultiLayerNetwork model, DataSet data) {
        int n = Math.toIntExact(data.numExamples());
        int[] predicted = new int[n];
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            INDArray out = model.output(rows(data.getFeatures(), start, end), false);
            if (out.size(1) == 1) {
                INDArray positive = out.gt(0.5).castTo(DataType.INT);
                for (int i = start; i < end; i++) {
                    predicted[i] = positive.getInt(i - start, 0);
                }
            } else {
                int[] argmax = out.argMax(1).toIntVector();
                System.arraycopy(argmax, 0, predicted, start, end - start);
            }
        }
        return predicted;
    }

    /** Rows {@code start} (inclusive) to {@code end} (exclusive) of a 2-D or 4-D array, as a view. */
    public static INDArray rows(INDArray array, long start, long end) {
        if (array.rank() == 2) {
            return array.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
        }
        return array.get(NDArrayIndex.interval(start, end), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all());
    }

    private enum Loss { MSE, CATEGORICAL, BINARY }

    private static Loss loss(MultiLayerNetwork model) {
        Object conf = model.getOutputLayer().conf().getLayer();
        if (conf instanceof BaseOutputLayer output) {
            if (output.getLossFn() instanceof LossMSE) {
                return Loss.MSE;
            }
            if (output.getLossFn() instanceof LossMCXENT) {
                return Loss.CATEGORICAL;
            }
            if (output.getLossFn() instanceof LossBinaryXENT) {
                return Loss.BINARY;
            }
        }
        throw new IllegalArgumentException("the evaluator computes mean squared error and the cross-entropies; this"
                + " model's output layer has another loss");
    }
}
