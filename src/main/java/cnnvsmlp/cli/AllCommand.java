package cnnvsmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cnnvsmlp.experiment.AllExperiments;
import cnnvsmlp.experiment.ExperimentId;
import cnnvsmlp.experiment.RunContext;

/** {@code all}: the three experiments and the table that compares them. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"All three experiments, then a table: model, parameters, epochs run of the post's 5000,"
                + " accuracy, seconds; the comparison of the MNIST models (results/compare/) and the notebooks"
                + " (notebooks-export/).", "The main job is 'all --quick'."})
final class AllCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Mixin
    MnistOptions mnist;

    @Option(names = "--notebooks-dir", paramLabel = "DIR",
            description = "Where the notebooks of the runs go at the end. Default: notebooks-export beside the"
                    + " default results folder, else <output-dir>/notebooks-export.")
    Path notebooks;

    /**
     * Where the notebooks go: {@code given}, else notebooks-export beside the default results folder (the
     * repository's layout), else inside the chosen output folder, so a scratch run never replaces the committed ones.
     */
    static Path notebooksDir(Path outputDir, Path given) {
        if (given != null) {
            return given;
        }
        return outputDir.equals(Path.of(TrainingOptions.DEFAULT_OUTPUT)) ? Path.of("notebooks-export")
                : outputDir.resolve("notebooks-export");
    }

    @Override
    public Integer call() {
        String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        RunContext context = mnist.applyTo(training.context(args)).build();
        AllExperiments.run(training.spec(spec, ExperimentId.BEANS), training.spec(spec, ExperimentId.MNIST_MLP),
                training.spec(spec, ExperimentId.LENET5), context);
        ExportCommand.export(context.outputDir(), notebooksDir(context.outputDir(), notebooks));
        return 0;
    }
}
