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
import cnnvsmlp.report.Pictures;
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
    public static Path run(Settings mlp, Settings cnn, List<Long> seeds, boolean reuse) {
        if (mlp.epochs() != cnn.epochs() || mlp.batchSize() != cnn.batchSize()) {
            throw new IllegalArgumentException("both models need one budget and batch size");
        }
        Mnist mnist = MnistData.load(mlp); // first, so a missing data set stops before any training
        List<ModelRun> mlpRuns = new ArrayList<>();
        List<ModelRun> cnnRuns = new ArrayList<>();
        for (long seed : seeds) {
            mlpRuns.add(runOrReuse(mlp.withSeed(seed), reuse, s -> MnistMlpExperiment.run(s, mnist)));
            cnnRuns.add(runOrReuse(cnn.withSeed(seed), reuse, s -> LeNet5Experiment.run(s, mnist)));
        }
        return write(mlp, mlpRuns, cnnRuns);
    }

    /** The runs of the main job: one seed of each model. */
    static Path write(Settings settings, RunResult mlp, RunResult cnn) {
        return write(settings, List.of(modelRun(mlp, settings.seed())), List.of(modelRun(cnn, settings.seed())));
    }

    static Path write(Settings settings, List<ModelRun> mlp, List<ModelRun> cnn) {
        Instant now = Instant.now();
        CompareReport.Summary summary = CompareReport.summarize(mlp, cnn, settings.epochs(), Experiment.POST_EPOCHS,
                settings.batchSize(), settings.command(), now.toString());
        RunFolder folder = RunFolder.create(settings.outputDir(), FOLDER, RUN_ID.format(now));
        folder.writeJson(CompareReport.SUMMARY_JSON, summary);
        String markdown = CompareReport.markdown(summary);
        folder.writeText(CompareReport.SUMMARY_MD, markdown);
        Path dir = folder.path();
        Pictures.savePng(CompareReport.bars(summary), dir.resolve(CompareReport.BARS_PNG));
        Pictures.savePng(CompareReport.accuracyCurves(mlp, cnn), dir.resolve(CompareReport.ACCURACY_PNG));
        Pictures.savePng(CompareReport.lossCurves(mlp, cnn), dir.resolve(CompareReport.LOSS_PNG));
        Pictures.savePng(CompareReport.timeToAccuracy(mlp, cnn), dir.resolve(CompareReport.TIME_PNG));
        ResultsIndex.write(settings.outputDir());
        settings.console().println();
        settings.console().println(summary.verdict());
        settings.console().println("comparison: " + dir);
        return dir;
    }

    @FunctionalInterface
    interface Training {
        RunResult run(Settings settings);
    }

    private static ModelRun runOrReuse(Settings settings, boolean reuse, Training training) {
        if (reuse) {
            Optional<ModelRun> finished = findFinished(settings);
            if (finished.isPresent()) {
                settings.console().println("\nreusing " + finished.get().folder() + " (" + settings.experiment().id()
                        + ", seed " + settings.seed() + ", " + settings.epochs() + " epochs, batch " + settings.batchSize()
                        + ")");
                return finished.get();
            }
        }
        return modelRun(training.run(settings), settings.seed());
    }

    private static ModelRun modelRun(RunResult result, long seed) {
        return new ModelRun(result.experiment().model(), seed, result.history().epochs(), result.accuracy(),
                result.folder().toString(), false);
    }

    /**
     * The newest finished run in {@code <output>/<experiment>/} with this seed, budget and batch size, whose
     * files read back; runs that stopped (diverged, interrupted) or lack a file are passed over.
     */
    static Optional<ModelRun> findFinished(Settings settings) {
        return findFinished(settings.outputDir(), settings.experiment(), settings.seed(), settings.epochs(),
                settings.batchSize());
    }

    /** As {@link #findFinished(Settings)}, for runs in {@code outputDir}. */
    public static Optional<ModelRun> findFinished(Path outputDir, Experiment experiment, long seed, int epochs,
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

    private static Optional<ModelRun> read(Path run, Experiment experiment, long seed, int epochs, int batchSize) {
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
