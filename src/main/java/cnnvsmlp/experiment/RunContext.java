package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Where and how runs happen, apart from what they train ({@link RunSpec}): the output folder, where MNIST comes
 * from, CPU threads, the console and its progress bar, the command line recorded, and the run folder to resume.
 * Nothing here changes a history.
 *
 * @param outputDir results go to {@code outputDir/<experiment>/<run-id>/}
 * @param dataDir folder holding the MNIST files, or null to look in MNIST_DIR and the cache
 * @param mirrors where to download MNIST (or Fashion-MNIST) from when it is nowhere local; null: the data set's own
 * @param threads CPU threads for ND4J and OpenBLAS, or null for each experiment's default
 * @param showProgress whether to draw a progress bar
 * @param command the command line, recorded in config.json
 * @param console where to print
 * @param resume the run folder to continue from its checkpoint, or null for a new run
 */
public record RunContext(Path outputDir, Path dataDir, List<URI> mirrors, Integer threads, boolean showProgress,
        String command, PrintStream console, Path resume) {

    public RunContext {
        mirrors = mirrors == null ? null : List.copyOf(mirrors);
    }

    /** Results under {@code results/}, MNIST from MNIST_DIR, the cache or the default mirrors, printing to stdout. */
    public static Builder defaults() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().outputDir(outputDir).dataDir(dataDir).mirrors(mirrors).threads(threads)
                .showProgress(showProgress).command(command).console(console).resume(resume);
    }

    /** CPU threads for {@code experiment}: the ones given, else its default. */
    public int threads(ExperimentId experiment) {
        return threads == null ? experiment.defaultThreads() : threads;
    }

    /**
     * Threads for libnd4j's own ops, oneDNN and this project's kernels, of {@link #threads(ExperimentId)}, at
     * {@code batchSize}.
     */
    public int opThreads(ExperimentId experiment, int batchSize) {
        return experiment.opThreads(threads(experiment), batchSize);
    }

    /** Threads for OpenBLAS's matrix products, of {@link #threads(ExperimentId)}. */
    public int blasThreads(ExperimentId experiment) {
        return experiment.blasThreads(threads(experiment));
    }

    /** Starts from {@link #defaults()}; each setter overrides one. */
    public static final class Builder {
        private Path outputDir = Path.of(cnnvsmlp.run.RunFolder.DEFAULT_OUTPUT);
        private Path dataDir;
        private List<URI> mirrors;
        private Integer threads;
        private boolean showProgress = true;
        private String command = "cnn-vs-mlp";
        private PrintStream console = System.out;
        private Path resume;

        private Builder() {
        }

        public Builder outputDir(Path value) {
            this.outputDir = value;
            return this;
        }

        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        public Builder mirrors(List<URI> value) {
            this.mirrors = value;
            return this;
        }

        public Builder threads(Integer value) {
            this.threads = value;
            return this;
        }

        public Builder showProgress(boolean value) {
            this.showProgress = value;
            return this;
        }

        public Builder command(String value) {
            this.command = value;
            return this;
        }

        public Builder console(PrintStream value) {
            this.console = value;
            return this;
        }

        public Builder resume(Path value) {
            this.resume = value;
            return this;
        }

        public RunContext build() {
            return new RunContext(outputDir, dataDir, mirrors, threads, showProgress, command, console, resume);
        }
    }
}
