package cnnvsmlp.cli;

import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import cnnvsmlp.experiment.Experiment;
import cnnvsmlp.experiment.Settings;

/** The options every experiment takes. Their defaults are the post's. */
final class TrainingOptions {

    static final int MAX_EPOCHS = 1_000_000;
    static final int MAX_THREADS = 1024;

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

    static {
        System.setProperty("cnnvsmlp.postEpochs", String.valueOf(Experiment.POST_EPOCHS));
        System.setProperty("cnnvsmlp.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        for (Experiment e : Experiment.values()) {
            System.setProperty("cnnvsmlp.quick." + e.id(), String.valueOf(e.quickEpochs()));
        }
    }

    /** The settings of {@code experiment}, after checking every option. */
    Settings resolve(CommandSpec spec, Experiment experiment, String[] args) {
        if (epochs != null && quick) {
            throw new ParameterException(spec.commandLine(), "--epochs and --quick both set the budget; give one");
        }
        if (epochs != null && (epochs < 1 || epochs > MAX_EPOCHS)) {
            throw new ParameterException(spec.commandLine(), "--epochs must be between 1 and " + MAX_EPOCHS
                    + ", got " + epochs);
        }
        if (batchSize != null && batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, got " + batchSize);
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
        boolean progress = !noProgress && System.console() != null;
        Settings post = Settings.post(experiment);
        return new Settings(experiment, budget, source, batchSize == null ? experiment.postBatchSize() : batchSize,
                seed, outputDir, null, post.mirrors(), threads == null ? experiment.defaultThreads() : threads, progress,
                Main.commandLine(args), Console.out());
    }
}
