package cnnvsmlp.experiment;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import cnnvsmlp.data.MnistDownloader;

/**
 * The resolved settings of one run: the post's unless overridden, and every override named.
 *
 * @param experiment which of the post's experiments
 * @param epochs epochs to train (the post: 5000)
 * @param budgetSource where {@code epochs} came from: "the post", "quick preset", "--epochs"
 * @param batchSize the batch size (the post: 10 for the beans, 2048 for MNIST)
 * @param seed drives initialisation, shuffling and the beans' noise
 * @param outputDir results go to {@code outputDir/<experiment>/<run-id>/}
 * @param dataDir folder holding the MNIST files, or null to look in MNIST_DIR and the cache
 * @param mirrors where to download MNIST from when it is nowhere local
 * @param threads CPU threads for ND4J and OpenBLAS
 * @param showProgress whether to draw a progress bar
 * @param command the command line, recorded in config.json
 * @param console where to print
 * @param checkpointEvery epochs between checkpoints (0: only at the end and when interrupted)
 * @param resume the run folder to continue from its checkpoint, or null for a new run
 */
public record Settings(Experiment experiment, int epochs, String budgetSource, int batchSize, long seed,
        Path outputDir, Path dataDir, List<URI> mirrors, int threads, boolean showProgress, String command,
        PrintStream console, int checkpointEvery, Path resume) {

    public static final String POST_BUDGET = "the post";

    /** The post's settings for {@code experiment}, results under {@code results/}. */
    public static Settings post(Experiment experiment) {
        return new Settings(experiment, Experiment.POST_EPOCHS, POST_BUDGET, experiment.postBatchSize(),
                Experiment.DEFAULT_SEED, Path.of("results"), null, MnistDownloader.DEFAULT_MIRRORS,
                experiment.defaultThreads(), true, experiment.id(), System.out, experiment.checkpointEvery(), null);
    }

    /** Threads for libnd4j's own ops and oneDNN ({@link #threads} go to OpenBLAS): {@link Experiment#opThreads}. */
    public int opThreads() {
        return experiment.opThreads(threads);
    }

    public boolean isPostBudget() {
        return epochs == Experiment.POST_EPOCHS;
    }

    /** One line saying how the budget relates to the post's, printed before every run. */
    public String budgetLine() {
        if (isPostBudget()) {
            return "budget: " + epochs + " epochs, the post's";
        }
        String relation = epochs < Experiment.POST_EPOCHS ? "shorter" : "longer";
        return "budget: " + epochs + " of the post's " + Experiment.POST_EPOCHS + " epochs (" + budgetSource
                + ") -- a " + relation + " budget than the post's, so the numbers are not the post's final ones";
    }

    public Settings withSeed(long newSeed) {
        return new Settings(experiment, epochs, budgetSource, batchSize, newSeed, outputDir, dataDir, mirrors, threads,
                showProgress, command, console, checkpointEvery, resume);
    }

    public Settings withProgress(boolean show, PrintStream out) {
        return new Settings(experiment, epochs, budgetSource, batchSize, seed, outputDir, dataDir, mirrors, threads,
                show, command, out, checkpointEvery, resume);
    }

    /** Where MNIST comes from: a folder (or null for MNIST_DIR and the cache) and the mirrors to download from. */
    public Settings withMnistSource(Path folder, List<URI> mirrorList) {
        return new Settings(experiment, epochs, budgetSource, batchSize, seed, outputDir, folder, mirrorList, threads,
                showProgress, command, console, checkpointEvery, resume);
    }

    /** The seed of the shuffling generator: apart from the noise generator's, which also starts from seed. */
    public long shuffleSeed() {
        return seed ^ 0x5DEECE66DL;
    }
}
