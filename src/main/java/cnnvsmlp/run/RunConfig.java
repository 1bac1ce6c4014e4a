package cnnvsmlp.run;

import java.util.Map;

import cnnvsmlp.runtime.RunEnvironment;

/**
 * The resolved configuration of a run, written as {@code config.json} before training starts and again,
 * with its status and end time, when it ends.
 */
public record RunConfig(String experiment, String model, long parameters, String status, Budget budget,
        Map<String, Object> hyperParameters, long seed, String data, String evaluatedOn, String command,
        String started, String ended, RunEnvironment environment) {

    /**
     * @param epochs epochs run (or to run)
     * @param postEpochs the post's budget, 5000
     * @param isPostBudget whether {@code epochs} is the post's
     * @param source where the budget came from: "the post", "quick preset" or "--epochs"
     */
    public record Budget(int epochs, int postEpochs, boolean isPostBudget, String source) {
    }

    /** The config.json of {@code folder}. */
    public static RunConfig read(cnnvsmlp.run.RunFolder folder) {
        try {
            return cnnvsmlp.run.Json.MAPPER.readValue(folder.path().resolve(cnnvsmlp.run.RunFolder.CONFIG)
                    .toFile(), RunConfig.class);
        } catch (java.io.IOException e) {
            throw new cnnvsmlp.FixableProblem(folder.path().resolve(cnnvsmlp.run.RunFolder.CONFIG)
                    + " cannot be read (" + e.getMessage() + "); it is damaged: start a new run", e);
        }
    }

    public RunConfig ended(String newStatus, String at) {
        return new RunConfig(experiment, model, parameters, newStatus, budget, hyperParameters, seed, data,
                evaluatedOn, command, started, at, environment);
    }
}
