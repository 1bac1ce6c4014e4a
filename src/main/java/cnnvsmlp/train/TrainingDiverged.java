package cnnvsmlp.train;

import cnnvsmlp.FixableProblem;

/** The loss became NaN or infinite; training stopped. Carries the epochs completed before. */
public final class TrainingDiverged extends FixableProblem {

    private final transient History completed;

    TrainingDiverged(int epoch, int batch, double loss, double lastGoodLoss, History completed) {
        super(String.format("training diverged: the loss became %s at epoch %d, batch %d (last finite batch loss %s);"
                + " lower the learning rate or check the input data", loss, epoch, batch,
                Double.isNaN(lastGoodLoss) ? "none" : String.valueOf(lastGoodLoss)));
        this.completed = completed;
    }

    /** The epochs that finished before the loss diverged. */
    public History completed() {
        return completed;
    }
}
