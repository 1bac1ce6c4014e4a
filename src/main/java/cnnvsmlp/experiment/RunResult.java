package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.nio.file.Path;

import cnnvsmlp.run.History;
import cnnvsmlp.run.Metrics;

/** What a finished run returns, so that a caller (or a test) can check it. */
public record RunResult(ExperimentId experiment, long parameters, int epochsRun, History history, Metrics metrics,
        double seconds, Path folder) {

    /** Keras accuracy on the evaluation set after the last epoch. */
    public double accuracy() {
        return metrics.accuracy();
    }
}
