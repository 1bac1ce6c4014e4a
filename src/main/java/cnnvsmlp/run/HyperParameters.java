package cnnvsmlp.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What config.json records under {@code hyperParameters}, and plan.json under {@code training} (the recipe's four
 * fields and where it came from, the rest null). Fields a file written by an earlier version lacks are null:
 * {@code optimizerName} (before 2026-12-03; {@code optimizer}'s sentence names it), {@code training} (the post's
 * recipe, and runs before there was a choice), {@code blasThreads}. A null field is not written, so files keep the
 * shape they always had.
 *
 * @param loss Keras' name of the loss, e.g. {@code mean_squared_error}
 * @param optimizer the optimizer in words, e.g. "SGD (plain, no momentum)"
 * @param optimizerName Keras' name of the optimizer, {@code sgd} or {@code adam}
 * @param learningRate its learning rate
 * @param training where a recipe other than the post's came from, e.g. {@code --training modern}
 * @param augment how training images are altered each epoch: {@code elastic}; null: not at all (the post's)
 * @param batchSize the batch size it trains with
 * @param postBatchSize the post's batch size for this model
 * @param epochs the budget
 * @param shuffle how batches are drawn
 * @param initialisation how parameters are drawn
 * @param metric the accuracy reported
 * @param dataType the floating-point type of the arithmetic
 * @param threads the CPU threads of the run
 * @param opThreads ND4J's threads for its own operations
 * @param blasThreads OpenBLAS's threads
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HyperParameters(String loss, String optimizer, String optimizerName, Double learningRate,
        String training, String augment, Integer batchSize, Integer postBatchSize, Integer epochs, String shuffle,
        String initialisation, String metric, String dataType, Integer threads, Integer opThreads,
        Integer blasThreads) {

    /** A recipe alone: loss, optimizer, learning rate, and where it came from ({@code training}, null: the post). */
    public static HyperParameters recipe(String loss, String optimizer, String optimizerName, double learningRate,
            String training) {
        return recipe(loss, optimizer, optimizerName, learningRate, training, null);
    }

    /** A recipe with its augmentation ({@code augment}, null: none). */
    public static HyperParameters recipe(String loss, String optimizer, String optimizerName, double learningRate,
            String training, String augment) {
        return new HyperParameters(loss, optimizer, optimizerName, learningRate, training, augment, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** This recipe as a run trains it: the batch, budget, threads and the rules every run follows. */
    public HyperParameters forRun(int batch, int postBatch, int budget, int runThreads, int ops, int blas) {
        return new HyperParameters(loss, optimizer, optimizerName, learningRate, training, augment, batch, postBatch,
                budget,
                "every epoch; last partial batch kept", "glorot_uniform kernels, zero biases",
                "accuracy (Keras: binary at 0.5 for one output, argmax otherwise)", "float32", runThreads, ops, blas);
    }

    /** The recipe's fields alone, as plan.json records them. */
    public HyperParameters recipeOnly() {
        return recipe(loss, optimizer, optimizerName, learningRate == null ? Double.NaN : learningRate, training,
                augment);
    }
}
