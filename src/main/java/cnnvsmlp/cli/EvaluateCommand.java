package cnnvsmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.experiment.MnistData;
import cnnvsmlp.experiment.ModelEvaluation;
import cnnvsmlp.experiment.RunContext;
import cnnvsmlp.experiment.SavedModel;

/** {@code evaluate}: a saved MNIST model scored again on the test set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores a saved MNIST model (a run folder or a model.zip) on the 10,000 test images again (of"
                + " the data set the run trained on, or of --dataset):"
                + " accuracy, loss, per-class precision and recall, confusion matrix; written to"
                + " <output-dir>/evaluate/<id>/, never into the run folder."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN|FILE",
            description = "A run folder (its model.zip is used) or a model.zip.")
    Path model;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = TrainingOptions.DEFAULT_OUTPUT,
            description = "The evaluation goes to DIR/evaluate/<id>/. Default: ${DEFAULT-VALUE}.")
    Path outputDir;

    @Mixin
    MnistOptions mnist;

    @Mixin
    DatasetOption datasetOption;

    @Override
    public Integer call() {
        SavedModel saved = SavedModel.load(model);
        Dataset dataset = datasetOption.givenOrRun(spec, model);
        RunContext context = mnist.applyTo(RunContext.defaults().showProgress(false).console(Console.out()), dataset)
                .build();
        ModelEvaluation.run(saved, MnistData.load(context, dataset), outputDir, Main.commandLine(spec.commandLine()
                .getParseResult().originalArgs().toArray(String[]::new)), Console.out());
        return 0;
    }
}
