package cnnvsmlp.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import cnnvsmlp.data.Mnist;
import cnnvsmlp.report.CompareReport.ModelRun;
import cnnvsmlp.report.CompareReport;
import cnnvsmlp.report.PngFiles;
import cnnvsmlp.report.ResultsIndex;
import cnnvsmlp.run.History;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.RunFolder;

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
        PngFiles.savePng(CompareReport.bars(summary), dir.resolve(CompareReport.BARS_PNG));
        PngFiles.savePng(CompareReport.accuracyCurves(mlp, cnn), dir.resolve(CompareReport.ACCURACY_PNG));
        PngFiles.savePng(CompareReport.lossCurves(mlp, cnn), dir.resolve(CompareReport.LOSS_PNG));
        PngFiles.savePng(CompareReport.timeToAccuracy(mlp, cnn), dir.resolve(CompareReport.TIME_PNG));
        ResultsIndex.write(context.outputDir());
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
        Path runs = outputDir.resolve(experiment.id());
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> list = Files.list(runs)) {
            for (Path run : list.sorted(Comparator.reverseOrder()).toList()) {
                Optional<ModelRun> found = read(run, experiment, seed, epochs, batchSize);
                if (found.isPresent()) {
                    return found;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<ModelRun> read(Path run, ExperimentId experiment, long seed, int epochs, int batchSize) {
        try {
            JsonNode config = Json.MAPPER.readTree(run.resolve(RunFolder.CONFIG).toFile());
            boolean matches = "finished".equals(config.path("status").asText())
                    && config.path("seed").asLong() == seed
                    && config.path("budget").path("epochs").asInt() == epochs
                    && config.path("hyperParameters").path("batchSize").asInt() == batchSize;
            if (!matches) {
                return Optional.empty();
            }
            double accuracy = Json.MAPPER.readTree(run.resolve(RunFolder.METRICS).toFile()).path("accuracy").asDouble();
            var history = History.fromCsv(Files.readString(run.resolve(RunFolder.HISTORY)));
            if (history.size() != epochs) {
                return Optional.empty();
            }
            return Optional.of(new ModelRun(experiment.model(), seed, history, accuracy, run.toString(), true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not a finished run of this project: train anew
        }
    }
}
