package cnnvsmlp.train;

/** Follows a training run: a progress bar, a console log, a test. All methods are optional. */
public interface TrainingObserver {

    default void started(int epochs, int batchesPerEpoch) {
    }

    default void batchDone() {
    }

    default void epochDone(EpochResult result) {
    }

    default void finished() {
    }

    /** Observes nothing. */
    TrainingObserver NONE = new TrainingObserver() {
    };
}
