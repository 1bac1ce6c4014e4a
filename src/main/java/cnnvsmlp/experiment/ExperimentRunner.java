package cnnvsmlp.experiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.KerasDefaults;
import cnnvsmlp.report.LearningCurves;
import cnnvsmlp.report.Pictures;
import cnnvsmlp.report.ResultsIndex;
import cnnvsmlp.run.History;
import cnnvsmlp.run.Metrics;
import cnnvsmlp.run.RunCheckpoint;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.runtime.Nd4jRuntime;
import cnnvsmlp.runtime.RunEnvironment;
import cnnvsmlp.train.ConsoleProgress;
import cnnvsmlp.train.Evaluator;
import cnnvsmlp.train.Trainer;
import cnnvsmlp.train.TrainingDiverged;
import cnnvsmlp.train.TrainingInterrupted;
import cnnvsmlp.train.TrainingObserver;

/**
 * What every experiment does around its few lines: print the resolved settings, create the run folder,
 * train with Keras' fit semantics, and write config, history, metrics and model.
 */
public final class ExperimentRunner {

    public static final String ACCURACY_PNG = "accuracy.png";
    public static final String LOSS_PNG = "loss.png";
    /** What the run printed, from its settings to its final line (the notebooks quote it). */
    public static final String CONSOLE = "console.txt";

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ExperimentRunner() {
    }

    /**
     * Trains {@code model} (not yet initialised) like Keras' {@code model.fit} and records the run.
     *
     * @param train the training set
     * @param evaluation the set scored after every epoch and at the end
     * @param data one line describing the data, for config.json
     * @param evaluatedOn what {@code evaluation} is, e.g. "MNIST test set (10,000 images)"
     */
    public static RunResult fit(Settings settings, MultiLayerNetwork model, DataSet train, DataSet evaluation,
            String data, String evaluatedOn) {
        return fit(settings, model, train, evaluation, data, evaluatedOn, (trained, folder) -> { });
    }

    /** Pictures an experiment draws of its trained model, into its run folder. */
    @FunctionalInterface
    public interface ExtraPictures {
        void draw(MultiLayerNetwork trained, Path folder);
    }

    /**
     * As {@link #fit(Settings, MultiLayerNetwork, DataSet, DataSet, String, String)}, then {@code pictures}
     * draws what only this experiment can.
     */
    public static RunResult fit(Settings settings, MultiLayerNetwork model, DataSet train, DataSet evaluation,
            String data, String evaluatedOn, ExtraPictures pictures) {
        return fit(settings, model, train, evaluation, data, evaluatedOn, TrainingObserver.NONE, pictures);
    }

    /** As above, with {@code watcher} following the training (e.g. to draw the model at chosen epochs). */
    public static RunResult fit(Settings settings, MultiLayerNetwork model, DataSet train, DataSet evaluation,
            String data, String evaluatedOn, TrainingObserver watcher, ExtraPictures pictures) {
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(settings.console(), transcript), true, StandardCharsets.UTF_8);
        Experiment experiment = settings.experiment();
        Nd4jRuntime.configure(settings.threads(), settings.opThreads());
        model.init();
        if (model.numParams() != experiment.parameters()) {
            throw new IllegalStateException(experiment.model() + " has " + model.numParams()
                    + " parameters, the post's has " + experiment.parameters());
        }
        Instant started = Instant.now();
        RunCheckpoint.Loaded resumed = null;
        RunFolder folder;
        String command = settings.command();
        if (settings.resume() != null) {
            folder = RunFolder.open(settings.resume());
            RunConfig before = RunConfig.read(folder);
            if (!before.data().equals(data)) {
                throw new FixableProblem("cannot resume " + folder.path() + " on other data: the run had " + before.data()
                        + ", this command gives " + data + "; give the run's data options");
            }
            resumed = RunCheckpoint.load(folder.path());
            resumed.restoreInto(model);
            started = Instant.parse(before.started());
            command = before.command() + " (resumed: " + settings.command() + ")";
        } else {
            folder = RunFolder.create(settings.outputDir(), experiment.id(),
                    RUN_ID.format(started) + "-seed" + settings.seed());
        }
        RunConfig config = new RunConfig(experiment.id(), experiment.model(), model.numParams(), "running",
                new RunConfig.Budget(settings.epochs(), Experiment.POST_EPOCHS, settings.isPostBudget(),
                        settings.budgetSource()),
                hyperParameters(settings), settings.seed(), data, evaluatedOn, command,
                started.toString(), null, RunEnvironment.capture());
        folder.writeJson(RunFolder.CONFIG, config);

        out.printf(Locale.ROOT, "%n== %s (%,d parameters) ==%n", experiment.model(), model.numParams());
        out.println(settings.budgetLine());
        out.println("data: " + data + "; evaluated on " + evaluatedOn);
        int opThreads = settings.opThreads();
        out.printf(Locale.ROOT, "fit: batch_size %d, SGD(lr=%s), mean_squared_error, seed %d, %d threads%s%n",
                settings.batchSize(), KerasDefaults.LEARNING_RATE, settings.seed(), settings.threads(),
                opThreads == settings.threads() ? "" : " for OpenBLAS, " + opThreads + " for the other ops");
        out.println("CPU kernels: OpenBLAS runs " + config.environment().cpuKernels().get("openblasCore") + ", "
                + config.environment().cpuKernels().get("chosen") + "; OMP_WAIT_POLICY "
                + config.environment().cpuKernels().get("ompWaitPolicy"));
        out.println("convolutions: " + config.environment().backend().get("convolutions"));
        if (config.environment().backend().containsKey("devices")) {
            Map<String, String> gpu = config.environment().backend();
            out.println("GPU: " + gpu.get("devices") + "; CUDA runtime " + gpu.get("cudaRuntime") + ", driver "
                    + gpu.get("cudaDriver") + ", cuDNN " + gpu.get("cudnn") + ", " + gpu.get("dataType"));
        }
        out.println("results: " + folder.path());
        if (resumed != null) {
            out.printf(Locale.ROOT, "resuming from the checkpoint after %d epochs and %d batches%n",
                    resumed.state().completedEpochs(), resumed.state().batchesDone());
        }
        out.print(model.summary());

        Trainer trainer = new Trainer(new Trainer.Settings(settings.epochs(), settings.batchSize(),
                settings.shuffleSeed()));
        Path runDir = folder.path();
        Trainer.Checkpoints checkpoints = new Trainer.Checkpoints(settings.checkpointEvery(),
                (trained, state) -> RunCheckpoint.save(runDir, trained, state), new AtomicBoolean(),
                resumed == null ? null : resumed.state());
        History history;
        try (StopSignals signals = StopSignals.install(checkpoints.stop())) {
            history = trainer.fit(model, train, evaluation, TrainingObserver.both(
                    new ConsoleProgress(out, experiment.id(), settings.showProgress()), watcher), checkpoints);
        } catch (TrainingInterrupted e) {
            int code = StopSignals.exitCode();
            String resume = "cnn-vs-mlp " + experiment.id() + " --resume " + folder.path();
            out.printf(Locale.ROOT, "interrupted: stopped after %d epochs and %d batches of the next; checkpoint saved in"
                    + " %s; continue with: %s%n", e.state().completedEpochs(), e.state().batchesDone(),
                    folder.path().resolve(RunCheckpoint.FOLDER), resume);
            folder.writeText(CONSOLE, transcript.toString(StandardCharsets.UTF_8));
            folder.writeText(RunFolder.HISTORY, History.toCsv(e.state().history()));
            folder.writeJson(RunFolder.CONFIG, config.ended("interrupted", Instant.now().toString()));
            throw new RunInterrupted(code, "interrupted; continue with: " + resume);
        } catch (TrainingDiverged e) {
            out.println("diverged: " + e.getMessage());
            folder.writeText(CONSOLE, transcript.toString(StandardCharsets.UTF_8));
            folder.writeText(RunFolder.HISTORY, e.completed().toCsv());
            folder.writeJson(RunFolder.CONFIG, config.ended("diverged", Instant.now().toString()));
            throw e;
        }
        Evaluation confusion = Evaluator.confusion(model, evaluation);
        Metrics metrics = Metrics.of(evaluatedOn, history.last(), confusion);
        folder.writeText(RunFolder.HISTORY, history.toCsv());
        folder.writeJson(RunFolder.METRICS, metrics);
        folder.writeModel(model);
        Pictures.savePng(LearningCurves.accuracy(history, experiment.model(), evaluatedOn),
                folder.path().resolve(ACCURACY_PNG));
        Pictures.savePng(LearningCurves.loss(history, experiment.model(), evaluatedOn), folder.path().resolve(LOSS_PNG));
        pictures.draw(model, folder.path());
        folder.writeJson(RunFolder.CONFIG, config.ended("finished", Instant.now().toString()));
        ResultsIndex.write(settings.outputDir());
        double seconds = history.totalSeconds();
        out.printf(Locale.ROOT, "%s: accuracy %.4f, loss %.5f on %s after %d epochs, %.1f s%n", experiment.id(),
                metrics.accuracy(), metrics.loss(), evaluatedOn, history.size(), seconds);
        folder.writeText(CONSOLE, transcript.toString(StandardCharsets.UTF_8));
        return new RunResult(experiment, model.numParams(), history.size(), history, metrics, seconds,
                folder.path());
    }

    private static Map<String, Object> hyperParameters(Settings settings) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("loss", "mean_squared_error");
        h.put("optimizer", "SGD (plain, no momentum)");
        h.put("learningRate", KerasDefaults.LEARNING_RATE);
        h.put("batchSize", settings.batchSize());
        h.put("postBatchSize", settings.experiment().postBatchSize());
        h.put("epochs", settings.epochs());
        h.put("shuffle", "every epoch; last partial batch kept");
        h.put("initialisation", "glorot_uniform kernels, zero biases");
        h.put("metric", "accuracy (Keras: binary at 0.5 for one output, argmax otherwise)");
        h.put("dataType", "float32");
        h.put("threads", settings.threads());
        h.put("opThreads", settings.opThreads());
        return h;
    }

    /** Writes to the console and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream copy;

        Tee(OutputStream console, OutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}
