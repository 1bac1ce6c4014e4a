package cnnvsmlp.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import cnnvsmlp.experiment.AllExperiments;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.experiment.RunContext;

/** {@code all}: the three experiments and the table that compares them. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"All three experiments, then a table: model, parameters, epochs run of the post's 5000,"
                + " accuracy, seconds; and the comparison of the MNIST models (results/compare/). The notebooks are"
                + " executed by 'export' (about 10 minutes more).", "The main job is 'all --quick'."})
final class AllCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Mixin
    MnistOptions mnist;

    @Override
    public Integer call() {
        String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        RunContext context = mnist.applyTo(training.context(args)).build();
        IndexCommand.thenIndex(context, () -> AllExperiments.run(training.spec(spec, ExperimentId.BEANS),
                training.spec(spec, ExperimentId.MNIST_MLP), training.spec(spec, ExperimentId.LENET5), context));
        context.console().println("notebooks: 'cnn-vs-mlp export' executes them (notebooks-export/, about 10 more"
                + " minutes)");
        return 0;
    }
}
