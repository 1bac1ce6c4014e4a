package cnnvsmlp.train;

/** Training stopped on request (Ctrl-C, SIGTERM) after a batch; the checkpoint of {@link #state()} is saved. */
public final class TrainingInterrupted extends RuntimeException {

    private final transient Trainer.TrainingState state;

    TrainingInterrupted(Trainer.TrainingState state) {
        super("training interrupted after " + state.completedEpochs() + " epochs and " + state.batchesDone()
                + " batches");
        this.state = state;
    }

    public Trainer.TrainingState state() {
        return state;
    }
}
