package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.report.chart.LearningCurves;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.run.HyperParameters;
import cnnvsmlp.run.Metrics;
import cnnvsmlp.run.RunCheckpoint;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.run.TrainingState;
import cnnvsmlp.runtime.Nd4jRuntime;
import cnnvsmlp.runtime.ProcessLoad;
import cnnvsmlp.runtime.RunEnvironment;
import cnnvsmlp.train.ConsoleProgress;
import cnnvsmlp.train.Evaluator;
import cnnvsmlp.train.Trainer;
import cnnvsmlp.train.TrainingDiverged;
import cnnvsmlp.train.TrainingInterrupted;
import cnnvsmlp.train.TrainingObserver;

/**
 * One run of an experiment, around its few lines: {@link #open} (a new run folder, or the one to resume with its
 * checkpoint; config.json "running"; the resolved settings printed), then {@link #train} (Keras' fit, with
 * checkpoints and Ctrl-C), which ends in {@code finish} (history, metrics, model, pictures, "finished", the
 * results index) or in {@code stop} ("interrupted" or "diverged", with what was done kept).
 */
public final class Run {

    public static final String ACCURACY_PNG = LearningCurves.ACCURACY_PNG;
    public static final String LOSS_PNG = LearningCurves.LOSS_PNG;
    /** What the run printed, from its settings to its final line (the notebooks quote it). */
    public static final String CONSOLE = "console.txt";


    private final Experiment experiment;
    private final RunSpec spec;
    private final RunContext context;
    private final MultiLayerNetwork model;
    private final Experiment.Data data;
    private final RunFolder folder;
    private final RunConfig config;
    private final TrainingState resumedFrom;
    private double trainingCpuStart = Double.NaN;
    private final Transcript transcript;
    private final RunFolder.RunLock lock;

    private Run(Experiment experiment, RunSpec spec, RunContext context, MultiLayerNetwork model,
            Experiment.Data data, RunFolder folder, RunConfig config, TrainingState resumedFrom,
            Transcript transcript, RunFolder.RunLock lock) {
        this.experiment = experiment;
        this.spec = spec;
        this.context = context;
        this.model = model;
        this.data = data;
        this.folder = folder;
        this.config = config;
        this.resumedFrom = resumedFrom;
        this.transcript = transcript;
        this.lock = lock;
    }

    /** The run folder. */
    public Path folder() {
        return folder.path();
    }

    /** Opens and trains: the whole life of a run. */
    public static RunResult run(Experiment experiment, RunSpec spec, RunContext context) {
        return open(experiment, spec, context).train();
    }

    /**
     * The run of {@code spec}: a new folder under {@code context.outputDir()}, or, with {@code context.resume()},
     * that folder with its checkpoint's parameters (refused on other data). Writes config.json and prints the
     * resolved settings.
     */
    public static Run open(Experiment experiment, RunSpec spec, RunContext context) {
        Transcript transcript = new Transcript(context.console());
        ExperimentId id = experiment.id();
        Nd4jRuntime.configure(context.blasThreads(id), context.opThreads(id, spec.batchSize()));
        MultiLayerNetwork model = experiment.network(spec.seed(), spec.recipe());
        model.init();
        if (model.numParams() != id.parameters()) {
            throw new IllegalStateException(id.model() + " has " + model.numParams() + " parameters, the post's has "
                    + id.parameters());
        }
        if (experiment.dataset() != null && experiment.dataset() != spec.dataset()) {
            throw new IllegalArgumentException("the run is for " + spec.dataset().title() + ", the data is "
                    + experiment.dataset().title());
        }
        Experiment.Data data = experiment.data();
        String checksum = DataChecksum.of(data.train(), data.evaluation());
        Instant now = Instant.now();
        RunFolder folder = context.resume() != null ? RunFolder.open(context.resume())
                : RunFolder.create(context.outputDir(), id.id(), RunFolder.RUN_ID.format(now)
                        + (spec.datasetLine() == null ? "" : "-" + spec.dataset().id()) + "-seed" + spec.seed());
        RunFolder.RunLock lock = folder.lock();
        try {
            RunConfig before = context.resume() == null ? null : RunConfig.read(folder);
            RunCheckpoint.Loaded resumed = before == null ? null : resume(folder, before, spec, data, checksum, model);
            RunEnvironment environment = RunEnvironment.capture();
            List<RunConfig.Segment> segments = new ArrayList<>();
            if (resumed != null) {
                segments.addAll(before.segmentsSoFar(resumed.state().completedEpochs()));
            }
            segments.add(RunConfig.Segment.start(environment, now.toString(),
                    resumed == null ? 0 : resumed.state().completedEpochs()));
            RunConfig config = new RunConfig(id.id(), id.model(), model.numParams(), "running",
                    new RunConfig.Budget(spec.epochs(), ExperimentId.POST_EPOCHS, spec.isPostBudget(),
                            spec.budgetSource()),
                    hyperParameters(spec, context), spec.seed(), data.description(), data.evaluatedOn(),
                    before == null ? context.command() : before.command() + " (resumed: " + context.command() + ")",
                    before == null ? now.toString() : before.started(), null, environment, segments, checksum,
                    spec.datasetId());
            folder.writeJson(RunFolder.CONFIG, config);
            TrainingState from = resumed == null ? null : resumed.state();
            RunBanner.print(transcript.out(), spec, context, config, folder.path(), from, model);
            return new Run(experiment, spec, context, model, data, folder, config, from, transcript, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The checkpoint of the run {@code before} put into {@code model}, once its data is shown to be the same. */
    private static RunCheckpoint.Loaded resume(RunFolder folder, RunConfig before, RunSpec spec,
            Experiment.Data data, String checksum, MultiLayerNetwork model) {
        if (before.budget().epochs() > spec.epochs() || before.batchSize() != spec.batchSize()
                || before.seed() != spec.seed() || !Recipe.fromHyperParameters(before.hyperParameters()).equals(spec.recipe())) {
            throw new FixableProblem("cannot resume " + folder.path() + " as a run of " + spec.epochs() + " epochs,"
                    + " batch " + spec.batchSize() + ", seed " + spec.seed() + ", " + spec.recipe().describe()
                    + ": it was started for " + before.budget().epochs() + " epochs, batch " + before.batchSize()
                    + ", seed " + before.seed() + ", " + Recipe.fromHyperParameters(before.hyperParameters()).describe());
        }
        if (!java.util.Objects.equals(before.datasetId(), spec.datasetId())) {
            throw new FixableProblem("cannot resume " + folder.path() + " on " + spec.dataset().title() + ": the run"
                    + " trains on " + before.datasetId() + "; give --dataset " + before.datasetId()
                    + " or leave it out");
        }
        if (!before.data().equals(data.description())) {
            throw new FixableProblem("cannot resume " + folder.path() + " on other data: the run had "
                    + before.data() + ", this command gives " + data.description() + "; give the run's data"
                    + " options");
        }
        if (before.dataSha256() != null && !before.dataSha256().equals(checksum)) {
            throw new FixableProblem("cannot resume " + folder.path() + " on other data: the points or images"
                    + " differ from the run's (SHA-256 " + before.dataSha256().substring(0, 12) + "..., now "
                    + checksum.substring(0, 12) + "...; was the file edited?); restore the run's data or start"
                    + " a new run");
        }
        boolean finished = "finished".equals(before.status());
        if (finished && spec.epochs() <= before.budget().epochs()) {
            throw new FixableProblem(folder.path() + " finished its " + before.budget().epochs() + " epochs already;"
                    + " give --epochs with a larger budget to extend it, or start a new run");
        }
        RunCheckpoint.Loaded resumed = finished ? RunCheckpoint.ofFinished(folder.path())
                : RunCheckpoint.load(folder.path());
        resumed.restoreInto(model);
        return resumed;
    }

    /**
     * Trains to the end of the budget and finishes the run.
     *
     * @throws RunInterrupted after Ctrl-C or SIGTERM, the checkpoint saved and the run marked "interrupted"
     * @throws TrainingDiverged when the loss or a parameter became NaN or infinite; the run is marked "diverged"
     */
    public RunResult train() {
        try {
            return trainHeld();
        } finally {
            lock.close(); // the run folder is free for another process
        }
    }

    private RunResult trainHeld() {
        PrintStream out = transcript.out();
        Trainer trainer = new Trainer(new Trainer.Settings(spec.epochs(), spec.batchSize(), spec.shuffleSeed(),
                spec.recipe().augment().distortion(), spec.seed()));
        Path runDir = folder.path();
        Trainer.Checkpoints checkpoints = new Trainer.Checkpoints(spec.checkpointEvery(),
                (trained, state) -> RunCheckpoint.save(runDir, trained, state), new AtomicBoolean(), resumedFrom);
        Experiment.Pictures pictures = experiment.pictures(model, spec, folder.path());
        TrainingObserver observers = TrainingObserver.both(
                new ConsoleProgress(out, experiment.id().id(), context.showProgress()), pictures);
        History history;
        trainingCpuStart = ProcessLoad.cpuSeconds();
        try (StopSignals signals = StopSignals.install(checkpoints.stop())) { // held until the files are written
            try {
                history = trainer.fit(model, data.train(), data.evaluation(), observers, checkpoints);
            } catch (TrainingInterrupted e) {
                String resume = "cnn-vs-mlp " + experiment.id().id() + " --resume "
                        + RunFolder.shellQuoted(folder.path());
                out.printf(Locale.ROOT, "interrupted: stopped after %d epochs and %d batches of the next; checkpoint"
                        + " saved in %s; continue with: %s%n", e.state().completedEpochs(), e.state().batchesDone(),
                        folder.path().resolve(RunCheckpoint.FOLDER), resume);
                stop("interrupted", e.state().history());
                throw new RunInterrupted(StopSignals.exitCode(), "interrupted; continue with: " + resume);
            } catch (TrainingDiverged e) {
                out.println("diverged: " + e.getMessage());
                stop("diverged", e.completed().epochs());
                throw e;
            }
            boolean lateStop = checkpoints.stop().get();
            RunResult result = finish(history, pictures);
            if (lateStop || checkpoints.stop().get()) { // a stop asked for after the last epoch: nothing left to stop
                out.println("the stop request came after the last epoch: the run finished and its files are complete");
                folder.writeText(CONSOLE, transcript.text());
            }
            return result;
        }
    }

    /** Keeps what was done: the transcript, the history so far with its curves, and the status in config.json. */
    private void stop(String status, List<EpochResult> done) {
        RunConfig.Usage usage = usage();
        folder.writeText(CONSOLE, transcript.text());
        folder.writeText(RunFolder.HISTORY, History.toCsv(done));
        if (!done.isEmpty()) {
            History partial = new History();
            done.forEach(partial::add);
            drawCurves(partial);
        }
        folder.writeJson(RunFolder.CONFIG, config.ended(status, Instant.now().toString(), done.size(), usage));
    }

    /** What this segment's training cost: CPU seconds since it started, niceness, the machine's load now. */
    private RunConfig.Usage usage() {
        double cpu = ProcessLoad.cpuSeconds() - trainingCpuStart;
        double load = ProcessLoad.loadAverage();
        return new RunConfig.Usage(Double.isFinite(cpu) ? Math.round(cpu * 10) / 10.0 : null, ProcessLoad.niceness(),
                Double.isFinite(load) ? Math.round(load * 100) / 100.0 : null);
    }

    private void drawCurves(History history) {
        LearningCurves.draw(folder.path(), history, experiment.id().model(), Redraw.datasetTitle(config),
                data.evaluatedOn(), spec.recipe().loss().keras());
    }

    private RunResult finish(History history, Experiment.Pictures pictures) {
        RunConfig.Usage usage = usage(); // the training's, before the pictures
        Metrics metrics = Metrics.of(data.evaluatedOn(), history.last(), Evaluator.confusion(model, data.evaluation()));
        folder.writeText(RunFolder.HISTORY, history.toCsv());
        folder.writeJson(RunFolder.METRICS, metrics);
        folder.writeModel(model);
        ExperimentId id = experiment.id();
        Path dir = folder.path();
        drawCurves(history);
        pictures.draw(model, dir);
        folder.writeJson(RunFolder.CONFIG, config.ended("finished", Instant.now().toString(), history.size(), usage));
        RunCheckpoint.discard(dir); // model.zip and history.csv hold what it held
        double seconds = history.totalSeconds();
        transcript.out().printf(Locale.ROOT, "%s: accuracy %.4f, loss %.5f on %s after %d epochs, %.1f s%n", id.id(),
                metrics.accuracy(), metrics.loss(), data.evaluatedOn(), history.size(), seconds);
        folder.writeText(CONSOLE, transcript.text());
        return new RunResult(id, model.numParams(), history.size(), history, metrics, seconds, dir);
    }

    private static HyperParameters hyperParameters(RunSpec spec, RunContext context) {
        return spec.recipe().hyperParameters(spec.recipe().isPost() ? null : spec.recipeSource()).forRun(
                spec.batchSize(), spec.experiment().postBatchSize(), spec.epochs(), context.threads(spec.experiment()),
                context.opThreads(spec.experiment(), spec.batchSize()), context.blasThreads(spec.experiment()));
    }
}
