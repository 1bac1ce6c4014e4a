package cnnvsmlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.experiment.RunContext;
import cnnvsmlp.experiment.RunSpec;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;

/** The options every experiment takes. Their defaults are the post's. */
final class TrainingOptions {

    static final String DEFAULT_OUTPUT = cnnvsmlp.run.RunFolder.DEFAULT_OUTPUT;
    static final int MAX_EPOCHS = 1_000_000;
    static final int MAX_THREADS = 1024;
    static final int MAX_BATCH = 1_000_000;
    /** Seeds as Keras and NumPy take them: 0 to 2^32 - 1. */
    static final long MAX_SEED = 4_294_967_295L;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs to train. Default: the post's ${cnnvsmlp.postEpochs}, or the quick preset's with"
                    + " --quick. Fewer than the post's is printed as an override.")
    Integer epochs;

    @Option(names = "--quick",
            description = "The quick preset: beans ${cnnvsmlp.quick.beans}, mnist-mlp ${cnnvsmlp.quick.mnist-mlp},"
                    + " lenet5 ${cnnvsmlp.quick.lenet5} epochs (the main job's budget).")
    boolean quick;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Batch size. Default: the post's (beans 10, MNIST 2048).")
    Integer batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seeds initialisation, shuffling and the beans' noise. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = DEFAULT_OUTPUT,
            description = "Results go to DIR/<experiment>/<run-id>/. Default: ${DEFAULT-VALUE}.")
    Path outputDir;

    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads for ND4J and OpenBLAS. Default: 1 for the beans (faster for a tiny network),"
                    + " the cores (${cnnvsmlp.cores}) for MNIST.")
    Integer threads;

    @Option(names = "--no-progress", description = "No progress bar (it is only drawn on a terminal anyway).")
    boolean noProgress;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Epochs between checkpoints (model, updater, position, history in <run>/checkpoint/)."
                    + " Default: beans 500, MNIST 10; also at the end and on Ctrl-C. 0: only those.")
    Integer checkpointEvery;

    @Option(names = "--training", paramLabel = "RECIPE",
            description = "post: the post's mean_squared_error with SGD(lr=0.05); modern: cross-entropy (categorical;"
                    + " binary for the beans) with Adam() at Keras' defaults (lr 0.001, beta_1 0.9, beta_2 0.999,"
                    + " epsilon 1e-7) and batch 128 for MNIST. Default: post.")
    String training;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "Keras' loss: mean_squared_error, categorical_crossentropy (MNIST) or binary_crossentropy"
                    + " (beans). Default: --training's.")
    String loss;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "Keras' optimizer: sgd (plain, no momentum) or adam (Keras' defaults). Default:"
                    + " --training's.")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "X",
            description = "The optimizer's learning rate. Default: --training's (post 0.05, modern 0.001), or the"
                    + " Keras default of --optimizer (sgd 0.01, adam 0.001) when that differs from --training's.")
    Double learningRate;

    @Option(names = "--augment", paramLabel = "NAME",
            description = "none (the post's) or elastic: every training image distorted anew each epoch by elastic"
                    + " distortions (Simard, Steinkraus, Platt 2003: sigma 4, alpha 34), drawn from the seed, the"
                    + " epoch and the image, so resuming is exact; MNIST models only. Default: none.")
    String augment;

    /** What {@code experiment} trains, after checking every option. */
    RunSpec spec(CommandSpec spec, ExperimentId experiment) {
        check(spec);
        RunSpec.Builder builder = RunSpec.post(experiment).seed(seed);
        if (epochs != null) {
            builder.epochs(epochs, "--epochs");
        } else if (quick) {
            builder.quick();
        }
        if (batchSize != null) {
            builder.batchSize(batchSize);
        }
        if (checkpointEvery != null) {
            builder.checkpointEvery(checkpointEvery);
        }
        recipe(spec, experiment, builder);
        return builder.build();
    }

    /** The recipe of --training, --loss, --optimizer and --learning-rate, and where it came from. */
    private void recipe(CommandSpec spec, ExperimentId experiment, RunSpec.Builder builder) {
        boolean oneOutput = experiment.input() == ExperimentId.Input.POINTS;
        List<String> source = new ArrayList<>();
        Recipe preset = Recipe.POST;
        if (training != null) {
            switch (training) {
                case "post" -> preset = Recipe.POST;
                case "modern" -> preset = Recipe.modern(oneOutput);
                default -> throw new ParameterException(spec.commandLine(), "--training must be post or modern, got '"
                        + training + "'");
            }
            if (!preset.isPost()) {
                source.add("--training " + training);
                if (batchSize == null) {
                    builder.batchSize(experiment.batchSize(preset));
                }
            }
        }
        Recipe.Loss l = preset.loss();
        if (loss != null) {
            try {
                l = Recipe.Loss.of(loss);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--loss must be mean_squared_error,"
                        + " categorical_crossentropy or binary_crossentropy, got '" + loss + "'");
            }
            if (!l.fits(oneOutput)) {
                throw new ParameterException(spec.commandLine(), "--loss " + loss + " does not fit " + experiment.id()
                        + "'s " + (oneOutput ? "one sigmoid output; give binary_crossentropy"
                        : "ten softmax outputs; give categorical_crossentropy") + " or mean_squared_error");
            }
            source.add("--loss " + loss);
        }
        Recipe.Optimizer o = preset.optimizer();
        double rate = preset.learningRate();
        if (optimizer != null) {
            try {
                o = Recipe.Optimizer.of(optimizer);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--optimizer must be sgd or adam, got '" + optimizer
                        + "'");
            }
            if (o != preset.optimizer()) {
                rate = o.defaultLearningRate();
            }
            source.add("--optimizer " + optimizer);
        }
        if (learningRate != null) {
            if (!(learningRate > 0 && learningRate <= 10)) {
                throw new ParameterException(spec.commandLine(), "--learning-rate must be above 0 and at most 10, got "
                        + learningRate);
            }
            rate = learningRate;
            source.add("--learning-rate " + learningRate);
        }
        Recipe recipe = new Recipe(l, o, rate, augmentation(spec, experiment, source));
        builder.recipe(recipe, recipe.isPost() ? RunSpec.POST_BUDGET : String.join(" ", source));
    }

    /** The --augment given, checked against the experiment, added to {@code source} when not none. */
    private Recipe.Augment augmentation(CommandSpec spec, ExperimentId experiment, List<String> source) {
        if (augment == null) {
            return Recipe.Augment.NONE;
        }
        Recipe.Augment a;
        try {
            a = Recipe.Augment.of(augment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--augment must be none or elastic, got '" + augment
                    + "'");
        }
        if (a != Recipe.Augment.NONE && !experiment.usesMnist()) {
            throw new ParameterException(spec.commandLine(), "--augment " + augment + " distorts 28 x 28 images;"
                    + " " + experiment.id() + " trains on points: leave --augment out");
        }
        if (a != Recipe.Augment.NONE) {
            source.add("--augment " + augment);
        }
        return a;
    }

    /** Where and how runs happen: output folder, threads, progress, console and the command line to record. */
    RunContext.Builder context(String[] args) {
        return RunContext.defaults().outputDir(outputDir).threads(threads)
                .showProgress(!noProgress && System.console() != null).command(Main.commandLine(args))
                .console(Console.out());
    }

    private void check(CommandSpec spec) {
        if (outputDir.toString().isBlank()) {
            throw new ParameterException(spec.commandLine(), "--output-dir is empty (an unset variable?); give a"
                    + " folder, e.g. --output-dir results");
        }
        if (epochs != null && quick) {
            throw new ParameterException(spec.commandLine(), "--epochs and --quick both set the budget; give one");
        }
        if (epochs != null && (epochs < 1 || epochs > MAX_EPOCHS)) {
            throw new ParameterException(spec.commandLine(), "--epochs must be between 1 and " + MAX_EPOCHS
                    + ", got " + epochs);
        }
        if (batchSize != null && (batchSize < 1 || batchSize > MAX_BATCH)) {
            throw new ParameterException(spec.commandLine(), batchSize < 1 ? "--batch-size must be at least 1, got "
                    + batchSize : "--batch-size must be at most " + MAX_BATCH + ", got " + batchSize);
        }
        if (seed < 0 || seed > MAX_SEED) {
            throw new ParameterException(spec.commandLine(), "--seed must be between 0 and " + MAX_SEED + ", got "
                    + seed);
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and " + MAX_THREADS
                    + ", got " + threads);
        }
        if (checkpointEvery != null && (checkpointEvery < 0 || checkpointEvery > MAX_EPOCHS)) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-every must be between 0 and " + MAX_EPOCHS
                    + ", got " + checkpointEvery);
        }
    }

    /**
     * What the run in {@code resume} trains, from its config.json, refusing options that contradict it; the
     * checkpoint interval and everything of the context may differ.
     */
    RunSpec resumed(CommandSpec spec, ExperimentId experiment, Path resume) {
        RunSpec given = spec(spec, experiment);
        if (!Files.isRegularFile(resume.resolve(RunFolder.CONFIG))) {
            throw new FixableProblem(resume + " is not a run folder (no " + RunFolder.CONFIG + "); give --resume the"
                    + " folder of a run, e.g. results/lenet5/<run-id>");
        }
        RunConfig config = RunConfig.read(RunFolder.open(resume));
        if (!config.experiment().equals(experiment.id())) {
            throw new ParameterException(spec.commandLine(), resume + " is a run of " + config.experiment()
                    + ", not of " + experiment.id() + "; resume it with: cnn-vs-mlp " + config.experiment()
                    + " --resume " + resume);
        }
        int runEpochs = config.budget().epochs();
        boolean extended = (epochs != null || quick) && given.epochs() > runEpochs;
        if ("finished".equals(config.status()) && !extended) {
            throw new FixableProblem(resume + " finished its " + runEpochs + " epochs already; give --epochs with a"
                    + " larger budget to extend it (exactly as if it had been started with that budget), or start a"
                    + " new run");
        }
        int runBatch = config.batchSize();
        List<String> differences = new ArrayList<>();
        if ((epochs != null || quick) && given.epochs() < runEpochs) {
            differences.add("epochs " + given.epochs() + " (the run: " + runEpochs + "; a budget can grow, not"
                    + " shrink)");
        }
        if (batchSize != null && batchSize != runBatch) {
            differences.add("--batch-size " + batchSize + " (the run: " + runBatch + ")");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--seed") && seed != config.seed()) {
            differences.add("--seed " + seed + " (the run: " + config.seed() + ")");
        }
        Recipe runRecipe = Recipe.fromHyperParameters(config.hyperParameters());
        boolean recipeGiven = training != null || loss != null || optimizer != null || learningRate != null
                || augment != null;
        if (recipeGiven && !given.recipe().equals(runRecipe)) {
            differences.add(given.recipe().describe() + " (the run: " + runRecipe.describe() + ")");
        }
        if (!differences.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "cannot resume " + resume + " with another configuration: "
                    + String.join(", ", differences) + "; leave these options out to continue it as it was");
        }
        String source = config.hyperParameters().training();
        return given.toBuilder().epochs(extended ? given.epochs() : runEpochs,
                extended ? given.budgetSource() : config.budget().source()).batchSize(runBatch).seed(config.seed())
                .recipe(runRecipe, runRecipe.isPost() ? RunSpec.POST_BUDGET : String.valueOf(source)).build();
    }

    /** The results folder that holds the run folder {@code resume} ({@code <output>/<experiment>/<run-id>}). */
    static Path outputDirOf(Path resume) {
        Path normal = resume.normalize();
        Path results = normal.getParent() == null ? null : normal.getParent().getParent();
        return results != null ? results : resume.toAbsolutePath().normalize().getParent().getParent();
    }
}
