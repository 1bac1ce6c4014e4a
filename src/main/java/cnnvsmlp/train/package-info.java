/**
 * Keras' {@code fit} loop ({@link cnnvsmlp.train.Trainer}): shuffling, batches, checkpoints, divergence and
 * interruption; scoring ({@link cnnvsmlp.train.Evaluator}, {@link cnnvsmlp.train.KerasAccuracy}) and the console
 * progress. Writes nothing itself: checkpoints go to a sink, the history is a {@code run} record.
 */
package cnnvsmlp.train;
