package cnnvsmlp.run;

import java.util.List;

/**
 * Where a run stands: {@code completedEpochs} whole epochs, then {@code batchesDone} batches of the next with
 * their summed loss (weighted by batch size) and correct predictions; {@code history} the completed epochs.
 */
public record TrainingState(int completedEpochs, int batchesDone, double lossSum, long correct,
        double lastGoodLoss, List<EpochResult> history) {
    public TrainingState {
        history = List.copyOf(history);
    }
}
