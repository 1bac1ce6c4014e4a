package cnnvsmlp.train;

import cnnvsmlp.run.EpochResult;

/** Follows a training run: a progress bar, a console log, a test. All methods are optional. */
public interface TrainingObserver {

    /** Called before {@link #started} when a run continues from a checkpoint after {@code completedEpochs}. */
    default void resumed(int completedEpochs) {
    }

    default void started(int epochs, int batchesPerEpoch) {
    }

    default void batchDone() {
    }

    default void epochDone(EpochResult result) {
    }

    default void finished() {
    }

    /** {@code first}, then {@code second}, at every call. */
    static TrainingObserver both(TrainingObserver first, TrainingObserver second) {
        return new TrainingObserver() {
            @Override
            public void resumed(int completedEpochs) {
                first.resumed(completedEpochs);
                second.resumed(completedEpochs);
            }

            @Override
            public void started(int epochs, int batchesPerEpoch) {
                first.started(epochs, batchesPerEpoch);
                second.started(epochs, batchesPerEpoch);
            }

            @Override
            public void batchDone() {
                first.batchDone();
                second.batchDone();
            }

            @Override
            public void epochDone(EpochResult result) {
                first.epochDone(result);
                second.epochDone(result);
            }

            @Override
            public void finished() {
                first.finished();
                second.finished();
            }
        };
    }

    /** Observes nothing. */
    TrainingObserver NONE = new TrainingObserver() {
    };
}
