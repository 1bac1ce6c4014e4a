package cnnvsmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.experiment.BeansExperiment;
import cnnvsmlp.experiment.Experiment;
import cnnvsmlp.experiment.LeNet5Experiment;
import cnnvsmlp.experiment.MnistMlpExperiment;
import cnnvsmlp.experiment.Settings;

/** One subcommand per experiment. */
abstract class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Continue the run in folder RUN from its checkpoint, with its configuration (options"
                    + " that differ from it are refused); it ends as if it had never stopped.")
    Path resume;

    abstract Experiment experiment();

    Settings settings() {
        return training.resolve(spec, experiment(), spec.commandLine().getParseResult().originalArgs()
                .toArray(String[]::new), resume);
    }

    @Command(name = "beans", mixinStandardHelpOptions = true,
            description = "Experiment 1: the 2-8-8-8-1 MLP on the two-spiral beans (batch 10).")
    static final class Beans extends ExperimentCommand {
        @Mixin
        BeansDataOptions data;

        @Override
        Experiment experiment() {
            return Experiment.BEANS;
        }

        @Override
        public Integer call() {
            Settings settings = settings();
            BeansData beans = data.load(spec, settings.seed());
            if (data.exporting()) {
                data.export(beans, Console.out());
                return 0;
            }
            BeansExperiment.run(settings, beans);
            return 0;
        }
    }

    @Command(name = "mnist-mlp", mixinStandardHelpOptions = true,
            description = "Experiment 2: the 784-256-256-256-10 MLP on MNIST (batch 2048).")
    static final class MnistMlp extends ExperimentCommand {
        @Mixin
        MnistOptions mnist;

        @Override
        Experiment experiment() {
            return Experiment.MNIST_MLP;
        }

        @Override
        public Integer call() {
            MnistMlpExperiment.run(mnist.applyTo(settings()));
            return 0;
        }
    }

    @Command(name = "lenet5", mixinStandardHelpOptions = true,
            description = "Experiment 3: LeNet-5 on MNIST (batch 2048).")
    static final class LeNet5 extends ExperimentCommand {
        @Mixin
        MnistOptions mnist;

        @Override
        Experiment experiment() {
            return Experiment.LENET5;
        }

        @Override
        public Integer call() {
            LeNet5Experiment.run(mnist.applyTo(settings()));
            return 0;
        }
    }
}
