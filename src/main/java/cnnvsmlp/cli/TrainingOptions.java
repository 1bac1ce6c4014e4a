package cnnvsmlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.experiment.Experiment;
import cnnvsmlp.experiment.Settings;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.RunFolder;

/** The options every experiment takes. Their defaults are the post's. */
final class TrainingOptions {

    static final int MAX_EPOCHS = 1_000_000;
    static final int MAX_THREADS = 1024;
    static final int MAX_BATCH = 1_000_000;
    /** Seeds as Keras and NumPy take them: 0 to 2^32 - 1. */
    static final long MAX_SEED = 4_294_967_295L;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs to train. Default: the post's ${cnnvsmlp.postEpochs}, or the quick preset's with"
                    + " --quick. Fewer than the post's is printed as an override.")
    Integer epochs;

    @Option(names = "--quick",
            description = "The quick preset: beans ${cnnvsmlp.quick.beans}, mnist-mlp ${cnnvsmlp.quick.mnist-mlp},"
                    + " lenet5 ${cnnvsmlp.quick.lenet5} epochs (the main job's budget; about 15 minutes on 2 cores).")
    boolean quick;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Batch size. Default: the post's (beans 10, MNIST 2048).")
    Integer batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seeds initialisation, shuffling and the beans' noise. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "results",
            description = "Results go to DIR/<experiment>/<run-id>/. Default: ${DEFAULT-VALUE}.")
    Path outputDir;

    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads for ND4J and OpenBLAS. Default: 1 for the beans (faster for a tiny network),"
                    + " the cores (${cnnvsmlp.cores}) for MNIST.")
    Integer threads;

    @Option(names = "--no-progress", description = "No progress bar (it is only drawn on a terminal anyway).")
    boolean noProgress;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Epochs between checkpoints (model, updater, position, history in <run>/checkpoint/)."
                    + " Default: beans 500, MNIST 10; also at the end and on Ctrl-C. 0: only those.")
    Integer checkpointEvery;

    static {
        System.setProperty("cnnvsmlp.postEpochs", String.valueOf(Experiment.POST_EPOCHS));
        System.setProperty("cnnvsmlp.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        for (Experiment e : Experiment.values()) {
            System.setProperty("cnnvsmlp.quick." + e.id(), String.valueOf(e.quickEpochs()));
        }
    }

    /** The settings of {@code experiment}, after checking every option. */
    Settings resolve(CommandSpec spec, Experiment experiment, String[] args) {
        return resolve(spec, experiment, args, null);
    }

    /** As above; with {@code resume} set, the settings of that run, refusing options that contradict them. */
    Settings resolve(CommandSpec spec, Experiment experiment, String[] args, Path resume) {
        if (epochs != null && quick) {
            throw new ParameterException(spec.commandLine(), "--epochs and --quick both set the budget; give one");
        }
        if (epochs != null && (epochs < 1 || epochs > MAX_EPOCHS)) {
            throw new ParameterException(spec.commandLine(), "--epochs must be between 1 and " + MAX_EPOCHS
                    + ", got " + epochs);
        }
        if (batchSize != null && (batchSize < 1 || batchSize > MAX_BATCH)) {
            throw new ParameterException(spec.commandLine(), batchSize < 1 ? "--batch-size must be at least 1, got "
                    + batchSize : "--batch-size must be at most " + MAX_BATCH + ", got " + batchSize);
        }
        if (seed < 0 || seed > MAX_SEED) {
            throw new ParameterException(spec.commandLine(), "--seed must be between 0 and " + MAX_SEED + ", got "
                    + seed);
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and " + MAX_THREADS
                    + ", got " + threads);
        }
        int budget;
        String source;
        if (epochs != null) {
            budget = epochs;
            source = "--epochs";
        } else if (quick) {
            budget = experiment.quickEpochs();
            source = "quick preset";
        } else {
            budget = Experiment.POST_EPOCHS;
            source = Settings.POST_BUDGET;
        }
        if (checkpointEvery != null && (checkpointEvery < 0 || checkpointEvery > MAX_EPOCHS)) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-every must be between 0 and " + MAX_EPOCHS
                    + ", got " + checkpointEvery);
        }
        boolean progress = !noProgress && System.console() != null;
        Settings post = Settings.post(experiment);
        int every = checkpointEvery == null ? experiment.checkpointEvery() : checkpointEvery;
        Settings settings = new Settings(experiment, budget, source, batchSize == null ? experiment.postBatchSize()
                : batchSize, seed, outputDir, null, post.mirrors(), threads == null ? experiment.defaultThreads()
                : threads, progress, Main.commandLine(args), Console.out(), every, null);
        return resume == null ? settings : resumed(spec, settings, resume);
    }

    /** The settings of the run in {@code resume}, refusing options that contradict them. */
    private Settings resumed(CommandSpec spec, Settings given, Path resume) {
        JsonNode config;
        try {
            config = Json.MAPPER.readTree(resume.resolve(RunFolder.CONFIG).toFile());
        } catch (IOException e) {
            throw new FixableProblem(resume + " is not a run folder (no readable " + RunFolder.CONFIG + ": "
                    + e.getMessage() + "); give --resume the folder of a run, e.g. results/lenet5/<run-id>");
        }
        Experiment experiment = given.experiment();
        String runExperiment = config.path("experiment").asText();
        if (!runExperiment.equals(experiment.id())) {
            throw new ParameterException(spec.commandLine(), resume + " is a run of " + runExperiment + ", not of "
                    + experiment.id() + "; resume it with: cnn-vs-mlp " + runExperiment + " --resume " + resume);
        }
        if ("finished".equals(config.path("status").asText())) {
            throw new FixableProblem(resume + " finished already; there is nothing to resume (start a new run with"
                    + " more --epochs instead)");
        }
        int runEpochs = config.path("budget").path("epochs").asInt();
        int runBatch = config.path("hyperParameters").path("batchSize").asInt();
        long runSeed = config.path("seed").asLong();
        var parsed = spec.commandLine().getParseResult();
        List<String> differences = new ArrayList<>();
        if ((epochs != null || quick) && given.epochs() != runEpochs) {
            differences.add("epochs " + given.epochs() + " (the run: " + runEpochs + ")");
        }
        if (batchSize != null && batchSize != runBatch) {
            differences.add("--batch-size " + batchSize + " (the run: " + runBatch + ")");
        }
        if (parsed.hasMatchedOption("--seed") && seed != runSeed) {
            differences.add("--seed " + seed + " (the run: " + runSeed + ")");
        }
        if (!differences.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "cannot resume " + resume + " with another configuration: "
                    + String.join(", ", differences) + "; leave these options out to continue it as it was");
        }
        Path runsDir = resume.toAbsolutePath().normalize().getParent();
        return new Settings(experiment, runEpochs, config.path("budget").path("source").asText(), runBatch, runSeed,
                runsDir.getParent(), null, given.mirrors(), given.threads(), given.showProgress(), given.command(),
                given.console(), given.checkpointEvery(), resume);
    }
}
