package cnnvsmlp.train;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.History;

/**
 * The loss became NaN or infinite, or a parameter did while the loss stayed finite (a saturated output); training
 * stopped. Carries the epochs completed before.
 */
public final class TrainingDiverged extends FixableProblem {

    private static final String ADVICE = "; lower the learning rate or check the input data";

    private final transient History completed;

    TrainingDiverged(int epoch, int batch, double loss, double lastGoodLoss, History completed) {
        this(String.format("training diverged: the loss became %s at epoch %d, batch %d (last finite batch loss %s)",
                loss, epoch, batch, lastLoss(lastGoodLoss)), completed);
    }

    private TrainingDiverged(String message, History completed) {
        super(message + ADVICE);
        this.completed = completed;
    }

    /** A parameter became NaN or infinite during {@code epoch} although every batch loss was finite. */
    static TrainingDiverged parameters(int epoch, double lastGoodLoss, History completed) {
        return new TrainingDiverged(String.format("training diverged: a parameter became NaN or infinite in epoch %d"
                + " while the loss stayed finite (last batch loss %s: the outputs saturated)", epoch,
                lastLoss(lastGoodLoss)), completed);
    }

    private static String lastLoss(double loss) {
        return Double.isNaN(loss) ? "none" : String.valueOf(loss);
    }

    /** The epochs that finished before the loss diverged. */
    public History completed() {
        return completed;
    }
}
