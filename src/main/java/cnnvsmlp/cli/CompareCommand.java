package cnnvsmlp.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.experiment.Comparison;
import cnnvsmlp.experiment.RunContext;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.experiment.RunSpec;

/** {@code compare}: one model against another (the post's MLP against LeNet-5) over several seeds, with one budget. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Trains (or reuses finished runs of) two models on MNIST (the post's MLP and LeNet-5 unless"
                + " --models says otherwise) for several seeds with one budget, and writes results/compare/<run-id>/:"
                + " accuracy as mean ± sd and per seed, the per-seed difference with its 95 %% confidence interval"
                + " along the budget, each seed's crossover, the epochs to reach 90/95/98 %%, a verdict that names a"
                + " winner only when that interval excludes 0, and the charts."})
final class CompareCommand implements Callable<Integer> {

    static final int MAX_SEEDS = 100;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Mixin
    MnistOptions mnist;

    @Mixin
    DatasetOption datasetOption;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
            description = "How many seeds: --seed, --seed + 1, ... Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--no-reuse",
            description = "Train every run anew, even where a finished run with the same seed, budget and batch size"
                    + " is in the output folder.")
    boolean noReuse;

    @Option(names = "--resume", paramLabel = "COMPARISON",
            description = "Continue the comparison in the folder COMPARISON (results/compare/<id>) from its plan.json:"
                    + " finished runs"
                    + " are read, an interrupted one continues from its checkpoint, missing ones are trained; the"
                    + " budget, seeds and threads are the plan's. Default: a new comparison.")
    Path resume;

    @Option(names = "--models", paramLabel = "A,B", split = ",", defaultValue = "mnist-mlp,lenet5",
            description = "The two experiments on MNIST-format images to compare, the first against the second (the"
                    + " difference, the crossover and the verdict are the second's lead). Default: ${DEFAULT-VALUE},"
                    + " the post's pair.")
    List<String> models;

    @Option(names = "--gather", paramLabel = "DIR", arity = "1..*",
            description = "Build the comparison from finished runs trained elsewhere (one (model, seed) per job of a"
                    + " cluster array, or other machines): each DIR a run folder or a folder that holds them (also"
                    + " under mnist-mlp/ and lenet5/). Every seed needs a run of both models; runs whose code, data"
                    + " checksum, recipe or budget differ from the others are refused, one line each. Nothing is"
                    + " trained. scripts/slurm-sweep.sh uses it. Default: none (compare trains its runs).")
    List<Path> gather;

    @Override
    public Integer call() {
        String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        if (gather != null) {
            var parsed = spec.commandLine().getParseResult();
            for (String option : new String[] {"--resume", "--epochs", "--quick", "--seeds", "--seed", "--batch-size",
                "--threads", "--training", "--loss", "--optimizer", "--learning-rate", "--dataset", "--no-reuse"}) {
                if (parsed.hasMatchedOption(option)) {
                    throw new ParameterException(spec.commandLine(), "--gather takes the budget, seeds, recipe and"
                            + " data set of the runs it gathers; leave out " + option);
                }
            }
            RunContext context = training.context(args).build();
            IndexCommand.thenIndex(context, () -> Comparison.gather(gather, models, context));
            return 0;
        }
        if (resume != null) {
            var parsed = spec.commandLine().getParseResult();
            for (String option : new String[] {"--epochs", "--quick", "--seeds", "--seed", "--batch-size", "--threads",
                "--training", "--loss", "--optimizer", "--learning-rate", "--dataset", "--models"}) {
                if (parsed.hasMatchedOption(option)) {
                    throw new ParameterException(spec.commandLine(), "--resume continues with the plan's budget,"
                            + " seeds, batch size, threads, training and data set; leave out " + option);
                }
            }
            RunContext context = mnist.applyTo(training.context(args), Comparison.datasetOf(resume))
                    .outputDir(TrainingOptions.outputDirOf(resume)).build();
            IndexCommand.thenIndex(context, () -> Comparison.resume(resume, context));
            return 0;
        }
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new ParameterException(spec.commandLine(), "--seeds must be between 1 and " + MAX_SEEDS + ", got "
                    + seeds);
        }
        Dataset dataset = datasetOption.dataset(spec);
        List<ExperimentId> pair = Comparison.pair(models, "--models");
        RunSpec mlp = training.spec(spec, pair.get(0)).toBuilder().dataset(dataset).build();
        RunSpec cnn = training.spec(spec, pair.get(1)).toBuilder().dataset(dataset).build();
        if (mlp.epochs() != cnn.epochs()) {
            throw new ParameterException(spec.commandLine(), "the two models need one budget; give --epochs");
        }
        List<Long> seedList = LongStream.range(0, seeds).map(i -> mlp.seed() + i).boxed().toList();
        RunContext context = mnist.applyTo(training.context(args), dataset).build();
        context.console().println(Comparison.estimate(mlp, cnn, seedList.size(), context.outputDir()));
        IndexCommand.thenIndex(context, () -> Comparison.run(mlp, cnn, seedList, !noReuse, context));
        return 0;
    }
}
