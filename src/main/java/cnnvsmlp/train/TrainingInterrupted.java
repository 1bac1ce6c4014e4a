package cnnvsmlp.train;

import cnnvsmlp.run.TrainingState;

/** Training stopped on request (Ctrl-C, SIGTERM) after a batch; the checkpoint of {@link #state()} is saved. */
public final class TrainingInterrupted extends RuntimeException {

    private final transient TrainingState state;

    TrainingInterrupted(TrainingState state) {
        super("training interrupted after " + state.completedEpochs() + " epochs and " + state.batchesDone()
                + " batches");
        this.state = state;
    }

    public TrainingState state() {
        return state;
    }
}
