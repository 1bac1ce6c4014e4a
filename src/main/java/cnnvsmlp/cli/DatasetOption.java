package cnnvsmlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;

/** {@code --dataset}: what the MNIST models train on, the post's MNIST or Fashion-MNIST. */
final class DatasetOption {

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "mnist (the post's) or fashion-mnist (Zalando's clothing pictures in MNIST's format, with"
                    + " its own checksums, cache folder, FASHION_MNIST_DIR and FASHION_MNIST_MIRRORS). Default: mnist,"
                    + " or the run's with --resume.")
    String dataset;

    /** The data set of {@code --dataset}; MNIST when it is not given. */
    Dataset dataset(CommandSpec spec) {
        if (dataset == null) {
            return Dataset.MNIST;
        }
        return Dataset.byId(dataset).orElseThrow(() -> new ParameterException(spec.commandLine(), "--dataset must be "
                + String.join(" or ", Dataset.ids().split(", ")) + ", got '" + dataset + "'"));
    }

    /**
     * The data set of {@code --dataset}; without it, the one the run folder {@code run} trained on (MNIST when
     * {@code run} is no run folder, e.g. a model.zip).
     */
    Dataset givenOrRun(CommandSpec spec, Path run) {
        return dataset != null ? dataset(spec) : ofRun(run);
    }

    /** The data set the run folder {@code run} trained on; MNIST for a model.zip or a run written before the choice. */
    static Dataset ofRun(Path run) {
        if (!Files.isRegularFile(run.resolve(RunFolder.CONFIG))) {
            return Dataset.MNIST;
        }
        String id = RunConfig.read(RunFolder.open(run)).datasetId();
        return id == null ? Dataset.MNIST : Dataset.byId(id).orElse(Dataset.MNIST);
    }

    /** The data set of the run in {@code resume}: the one it trains on; a different {@code --dataset} is refused. */
    Dataset resumed(CommandSpec spec, Path resume) {
        Dataset given = dataset(spec);
        if (!Files.isRegularFile(resume.resolve(RunFolder.CONFIG))) {
            return given; // the resume itself says what is wrong with the folder
        }
        Dataset run = ofRun(resume);
        if (dataset != null && given != run) {
            throw new ParameterException(spec.commandLine(), "cannot resume " + resume + " with another configuration:"
                    + " --dataset " + given.id() + " (the run: " + run.id() + "); leave --dataset out to continue it"
                    + " as it was");
        }
        return run;
    }
}
