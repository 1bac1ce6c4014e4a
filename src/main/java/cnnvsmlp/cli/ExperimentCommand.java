package cnnvsmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.data.Dataset;
import cnnvsmlp.experiment.BeansExperiment;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.experiment.MnistData;
import cnnvsmlp.experiment.Run;
import cnnvsmlp.experiment.RunContext;
import cnnvsmlp.experiment.RunSpec;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;

/** One subcommand per experiment. */
abstract class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Continue the run in folder RUN from its checkpoint, with its configuration (options"
                    + " that differ from it are refused); it ends as if it had never stopped. With a larger --epochs,"
                    + " extend its budget, a finished run's too, exactly as if it had started with it. Default: a"
                    + " new run.")
    Path resume;

    abstract ExperimentId experiment();

    RunSpec spec() {
        if (resume != null && spec.commandLine().getParseResult().hasMatchedOption("--output-dir")) {
            throw new ParameterException(spec.commandLine(), "--resume continues the run in its own folder ("
                    + resume + "); leave out --output-dir");
        }
        return resume == null ? training.spec(spec, experiment()) : training.resumed(spec, experiment(), resume);
    }

    RunContext.Builder context() {
        RunContext.Builder context = training.context(spec.commandLine().getParseResult().originalArgs()
                .toArray(String[]::new));
        if (resume == null) {
            return context;
        }
        if (training.threads == null) { // a resumed run keeps its threads (they may change float32 rounding)
            context.threads(RunConfig.read(RunFolder.open(resume)).threads());
        }
        return context.outputDir(TrainingOptions.outputDirOf(resume)).resume(resume);
    }

    /** The beans: 2-D points, generated or from a CSV file. */
    @Command(mixinStandardHelpOptions = true)
    static final class Beans extends ExperimentCommand {
        @Mixin
        BeansDataOptions data;

        @Override
        ExperimentId experiment() {
            return ExperimentId.BEANS;
        }

        @Override
        public Integer call() {
            RunSpec run = spec();
            BeansData beans = data.load(spec, run.seed());
            if (data.exporting()) {
                data.export(beans, Console.out());
                return 0;
            }
            RunContext context = context().build();
            IndexCommand.thenIndex(context, () -> Run.run(new BeansExperiment(beans), run, context));
            return 0;
        }
    }

    /** An experiment on MNIST-format images (MNIST or Fashion-MNIST): every one has the same options. */
    @Command(mixinStandardHelpOptions = true)
    static final class OnMnist extends ExperimentCommand {
        private final ExperimentId experiment;

        @Mixin
        MnistOptions mnist;

        @Mixin
        DatasetOption datasetOption;

        OnMnist(ExperimentId experiment) {
            this.experiment = experiment;
        }

        @Override
        ExperimentId experiment() {
            return experiment;
        }

        @Override
        public Integer call() {
            Dataset dataset = resume == null ? datasetOption.dataset(spec) : datasetOption.resumed(spec, resume);
            RunSpec run = spec().toBuilder().dataset(dataset).build();
            RunContext context = mnist.applyTo(context(), dataset).build();
            IndexCommand.thenIndex(context, () -> Run.run(MnistData.experiment(experiment(),
                    MnistData.load(context, dataset)), run, context));
            return 0;
        }
    }
}
