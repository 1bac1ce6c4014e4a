/**
 * The run folder, {@code results/<experiment>/<run-id>/}, as typed records read and written in one place: the
 * configuration ({@link cnnvsmlp.run.RunConfig}, {@code config.json}), the final metrics
 * ({@link cnnvsmlp.run.Metrics}), the history ({@link cnnvsmlp.run.History} of {@link cnnvsmlp.run.EpochResult},
 * {@code history.csv}), the checkpoint ({@link cnnvsmlp.run.RunCheckpoint}, {@link cnnvsmlp.run.TrainingState}),
 * the model file ({@link cnnvsmlp.run.ModelZip}), atomic writes ({@link cnnvsmlp.run.AtomicFiles}) and the JSON
 * settings ({@link cnnvsmlp.run.Json}). Below it: {@code runtime} and {@code dl4j}.
 */
package cnnvsmlp.run;
