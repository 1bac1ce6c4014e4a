package cnnvsmlp.cli;

import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import cnnvsmlp.model.ExperimentId;

/**
 * The training options' help of each command with that command's own defaults: {@code lenet5 --help} says batch
 * 2048, a checkpoint every 10 epochs and the cores as threads, {@code beans --help} batch 10, every 500 and 1
 * thread. The options are one shared mixin; their descriptions are replaced per command.
 */
final class CommandHelp {

    /** The main job's time, measured from a fresh clone (README.md). */
    static final String MAIN_JOB_TIME = "about 4.5 minutes on a 2-core AMD EPYC";

    private CommandHelp() {
    }

    static void tailor(CommandLine root) {
        for (ExperimentId e : ExperimentId.values()) {
            CommandSpec spec = root.getSubcommands().get(e.id()).getCommandSpec();
            experiment(spec, e);
            replace(spec, "--quick", e.quickEpochs() == ExperimentId.POST_EPOCHS
                    ? "The quick preset: for the " + e.id() + " the post's own " + e.quickEpochs() + " epochs (it"
                            + " changes nothing here; it shortens the MNIST models)."
                    : "The quick preset: " + e.quickEpochs() + " epochs, the main job's budget (" + e.quickTime()
                            + " on 2 cores).");
        }
        CommandSpec compare = root.getSubcommands().get("compare").getCommandSpec();
        experiment(compare, ExperimentId.LENET5); // both MNIST models: the same defaults
        replace(compare, "--quick", "The quick preset: " + ExperimentId.LENET5.quickEpochs() + " epochs for each model"
                + " and seed (3 seeds: about 12 minutes on a 2-core AMD EPYC).");
        CommandSpec all = root.getSubcommands().get("all").getCommandSpec();
        replace(all, "--quick", String.format(Locale.ROOT, "The quick preset: beans %d (the post's), mnist-mlp %d,"
                + " lenet5 %d epochs: the main job, %s.", ExperimentId.BEANS.quickEpochs(),
                ExperimentId.MNIST_MLP.quickEpochs(), ExperimentId.LENET5.quickEpochs(), MAIN_JOB_TIME));
    }

    private static void experiment(CommandSpec spec, ExperimentId e) {
        replace(spec, "--batch-size", "Batch size. Default: the post's " + e.postBatchSize() + ".");
        replace(spec, "--checkpoint-every", "Epochs between checkpoints (model, updater, position, history in"
                + " <run>/checkpoint/; removed when the run finishes). Default: " + e.checkpointEvery() + "; also at"
                + " the end and on Ctrl-C. 0: only those.");
        replace(spec, "--threads", "CPU threads for ND4J and OpenBLAS. Default: " + e.defaultThreads()
                + (e.defaultThreads() == 1 && Runtime.getRuntime().availableProcessors() > 1
                        ? " (faster for a tiny network)." : " (the cores)."));
    }

    private static void replace(CommandSpec spec, String name, String description) {
        OptionSpec old = spec.findOption(name);
        if (old != null) {
            spec.remove(old);
            spec.addOption(OptionSpec.builder(old).description(description).build());
        }
    }
}
