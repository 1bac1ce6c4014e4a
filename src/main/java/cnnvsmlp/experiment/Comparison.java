package cnnvsmlp.experiment;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.report.CompareCharts;
import cnnvsmlp.report.CompareReport.ModelRun;
import cnnvsmlp.report.CompareReport;
import cnnvsmlp.report.PngFiles;
import cnnvsmlp.report.ResultsIndex;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.run.RunFolders;

/**
 * The question of the post, asked honestly: the MLP and LeNet-5, trained exactly as the post trains them with one
 * budget, over several seeds; which is better, by how much, and is that more than the seeds' spread?
 */
public final class Comparison {

    public static final String FOLDER = "compare";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private Comparison() {
    }

    /**
     * Trains the MLP and LeNet-5 for each of {@code seeds}, or, with {@code reuse}, takes a finished run with the
     * same seed, budget and batch size from the output folder; then writes {@code <output>/compare/<run-id>/}.
     */
    public static Path run(RunSpec mlp, RunSpec cnn, List<Long> seeds, boolean reuse, RunContext context) {
        if (mlp.epochs() != cnn.epochs() || mlp.batchSize() != cnn.batchSize()) {
            throw new IllegalArgumentException("both models need one budget and batch size");
        }
        Mnist mnist = MnistData.load(context); // first, so a missing data set stops before any training
        List<ModelRun> mlpRuns = new ArrayList<>();
        List<ModelRun> cnnRuns = new ArrayList<>();
        for (long seed : seeds) {
            mlpRuns.add(runOrReuse(new MnistMlpExperiment(mnist), mlp.withSeed(seed), context, reuse));
            cnnRuns.add(runOrReuse(new LeNet5Experiment(mnist), cnn.withSeed(seed), context, reuse));
        }
        return write(mlp, context, mlpRuns, cnnRuns);
    }

    /** The runs of the main job: one seed of each model. */
    static Path write(RunSpec spec, RunContext context, RunResult mlp, RunResult cnn) {
        return write(spec, context, List.of(modelRun(mlp, spec.seed())), List.of(modelRun(cnn, spec.seed())));
    }

    static Path write(RunSpec spec, RunContext context, List<ModelRun> mlp, List<ModelRun> cnn) {
        Instant now = Instant.now();
        CompareReport.Summary summary = CompareReport.summarize(mlp, cnn, spec.epochs(), ExperimentId.POST_EPOCHS,
                spec.batchSize(), context.command(), now.toString());
        RunFolder folder = RunFolder.create(context.outputDir(), FOLDER, RUN_ID.format(now));
        folder.writeJson(CompareReport.SUMMARY_JSON, summary);
        String markdown = CompareReport.markdown(summary);
        folder.writeText(CompareReport.SUMMARY_MD, markdown);
        Path dir = folder.path();
        PngFiles.savePng(CompareCharts.bars(summary), dir.resolve(CompareReport.BARS_PNG));
        PngFiles.savePng(CompareCharts.accuracyCurves(mlp, cnn), dir.resolve(CompareReport.ACCURACY_PNG));
        PngFiles.savePng(CompareCharts.lossCurves(mlp, cnn), dir.resolve(CompareReport.LOSS_PNG));
        PngFiles.savePng(CompareCharts.timeToAccuracy(mlp, cnn), dir.resolve(CompareReport.TIME_PNG));
        PngFiles.savePng(CompareCharts.difference(mlp, cnn), dir.resolve(CompareReport.DIFFERENCE_PNG));
        ResultsIndex.write(context.outputDir(), context.console());
        context.console().println();
        context.console().println(summary.verdict());
        context.console().println("comparison: " + dir);
        return dir;
    }

    private static ModelRun runOrReuse(Experiment experiment, RunSpec spec, RunContext context, boolean reuse) {
        if (reuse) {
            Optional<ModelRun> finished = findFinished(context.outputDir(), spec.experiment(), spec.seed(),
                    spec.epochs(), spec.batchSize());
            if (finished.isPresent()) {
                context.console().println("\nreusing " + finished.get().folder() + " (" + spec.experiment().id()
                        + ", seed " + spec.seed() + ", " + spec.epochs() + " epochs, batch " + spec.batchSize() + ")");
                return finished.get();
            }
        }
        return modelRun(Run.run(experiment, spec, context), spec.seed());
    }

    private static ModelRun modelRun(RunResult result, long seed) {
        return new ModelRun(result.experiment().model(), seed, result.history().epochs(), result.accuracy(),
                result.folder().toString(), false);
    }

    /**
     * The newest finished run in {@code <outputDir>/<experiment>/} with this seed, budget and batch size, whose
     * files read back; runs that stopped (diverged, interrupted) or lack a file are passed over.
     */
    public static Optional<ModelRun> findFinished(Path outputDir, ExperimentId experiment, long seed, int epochs,
            int batchSize) {
        for (RunFolders.Finished run : RunFolders.scan(outputDir.resolve(experiment.id())).finished()) {
            RunConfig c = run.config();
            if (c.seed() != seed || c.budget().epochs() != epochs || c.batchSize() != batchSize) {
                continue;
            }
            try {
                List<EpochResult> history = History.read(run.folder());
                if (history.size() == epochs) {
                    return Optional.of(new ModelRun(experiment.model(), seed, history, run.metrics().accuracy(),
                            run.folder().toString(), true));
                }
            } catch (FixableProblem e) {
                // its history is damaged: train anew
            }
        }
        return Optional.empty();
    }
}
