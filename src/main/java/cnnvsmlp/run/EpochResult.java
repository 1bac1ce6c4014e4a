package cnnvsmlp.run;

/**
 * One epoch of training, as Keras' history records it plus timings.
 *
 * @param trainLoss mean loss of the epoch's batches, each taken before its update (Keras' {@code loss})
 * @param trainAccuracy accuracy over the epoch's batches, before each update (Keras' {@code accuracy})
 * @param testLoss loss on the evaluation set after the epoch ({@code val_loss})
 * @param testAccuracy accuracy on the evaluation set after the epoch ({@code val_accuracy})
 * @param trainSeconds wall-clock seconds of the epoch's training
 * @param evalSeconds wall-clock seconds of the evaluation after it
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double testLoss,
        double testAccuracy, double trainSeconds, double evalSeconds) {
}
