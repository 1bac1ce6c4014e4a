package cnnvsmlp.experiment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.data.Dataset;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.report.chart.PngFiles;
import cnnvsmlp.report.compare.CompareCharts;
import cnnvsmlp.report.compare.CompareReport.ModelRun;
import cnnvsmlp.report.compare.CompareReport;
import cnnvsmlp.run.AtomicFiles;
import cnnvsmlp.run.ComparePlan;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.run.HyperParameters;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.run.RunFolders;

/**
 * The question of the post, asked honestly: the MLP and LeNet-5, trained exactly as the post trains them with one
 * budget, over several seeds; which is better, by how much, and is that more than the seeds' spread?
 */
public final class Comparison {

    public static final String FOLDER = "compare";

    private Comparison() {
    }

    /**
     * Trains the MLP and LeNet-5 for each of {@code seeds}, or, with {@code reuse}, takes a run of the same
     * configuration from the output folder (a longer one gives its first epochs); writes the plan into
     * {@code <output>/compare/<run-id>/} before the first run and the summary there at the end.
     *
     * @throws RunInterrupted after Ctrl-C: the plan and the interrupted run's checkpoint are kept, and
     *     {@code compare --resume <folder>} continues
     */
    public static Path run(RunSpec mlp, RunSpec cnn, List<Long> seeds, boolean reuse, RunContext context) {
        if (mlp.epochs() != cnn.epochs() || mlp.batchSize() != cnn.batchSize() || mlp.dataset() != cnn.dataset()) {
            throw new IllegalArgumentException("both models need one budget, batch size and data set");
        }
        pair(mlp.experiment(), cnn.experiment());
        Mnist mnist = MnistData.load(context, mlp.dataset()); // first: a missing data set stops before any training
        RunFolder folder = RunFolder.create(context.outputDir(), FOLDER, RunFolder.RUN_ID.format(Instant.now()));
        if (!mlp.recipe().equals(cnn.recipe())) {
            throw new IllegalArgumentException("both models need one training recipe");
        }
        HyperParameters training = mlp.recipe().isPost() ? null : mlp.recipe().hyperParameters(mlp.recipeSource());
        ComparePlan plan = new ComparePlan(context.command(), mlp.epochs(), mlp.batchSize(), context.threads(),
                seeds, "running", Map.of(), training, mlp.datasetId(), List.of(mlp.experiment().id(),
                cnn.experiment().id()));
        plan.write(folder.path());
        return run(mlp, cnn, folder.path(), plan, reuse, context, mnist);
    }

    /** Continues the comparison in {@code folder} from its plan: finished runs are read, interrupted ones resumed. */
    public static Path resume(Path folder, RunContext context) {
        ComparePlan plan = ComparePlan.read(folder);
        RunContext same = context.toBuilder().threads(plan.threads()).command(plan.command() + " (resumed: "
                + context.command() + ")").build();
        Dataset dataset = datasetOf(folder);
        Mnist mnist = MnistData.load(same, dataset);
        Recipe recipe = Recipe.fromHyperParameters(plan.training());
        String source = recipe.isPost() ? RunSpec.POST_BUDGET : String.valueOf(plan.training().training());
        List<ExperimentId> models = pair(plan.modelsOrPostPair(), folder.resolve(ComparePlan.FILE).toString());
        RunSpec mlp = RunSpec.post(models.get(0)).epochs(plan.epochs(), "--epochs")
                .batchSize(plan.batchSize()).recipe(recipe, source).dataset(dataset).build();
        RunSpec cnn = RunSpec.post(models.get(1)).epochs(plan.epochs(), "--epochs").batchSize(plan.batchSize())
                .recipe(recipe, source).dataset(dataset).build();
        return run(mlp, cnn, folder, plan.withStatus("running"), true, same, mnist);
    }

    /**
     * A comparison of finished runs trained elsewhere ({@code compare --gather}): each model's runs of the same
     * seeds, checked to share code, data, recipe and budget ({@link GatheredRuns}), written into
     * {@code <output>/compare/<run-id>/} with a plan that names them, as if compare had trained them.
     */
    public static Path gather(List<Path> places, List<String> models, RunContext context) {
        List<ExperimentId> pair = pair(models, "--models");
        GatheredRuns.Gathered runs = GatheredRuns.gather(places, pair);
        Dataset dataset = Dataset.byId(runs.dataset()).orElse(Dataset.MNIST);
        String source = runs.recipe().isPost() ? RunSpec.POST_BUDGET
                : String.valueOf(runs.hyperParameters().training());
        RunSpec spec = RunSpec.post(pair.get(0)).epochs(runs.epochs(), "--epochs")
                .batchSize(runs.batchSize()).recipe(runs.recipe(), source).dataset(dataset).build();
        HyperParameters training = runs.recipe().isPost() ? null : runs.recipe().hyperParameters(source);
        RunFolder folder = RunFolder.create(context.outputDir(), FOLDER, RunFolder.RUN_ID.format(Instant.now()));
        ComparePlan plan = new ComparePlan(context.command(), runs.epochs(), runs.batchSize(), null, runs.seeds(),
                "finished", Map.of(), training, spec.datasetId(), models);
        List<ModelRun> mlp = new ArrayList<>();
        List<ModelRun> cnn = new ArrayList<>();
        for (int i = 0; i < runs.mlp().size(); i++) {
            for (GatheredRuns.Found run : List.of(runs.mlp().get(i), runs.cnn().get(i))) {
                plan = plan.withRun(ComparePlan.key(run.experiment().id(), run.config().seed()), run.folder(),
                        folder.path());
                (run.experiment() == pair.get(0) ? mlp : cnn).add(new ModelRun(run.experiment().model(),
                        run.config().seed(), run.history(), run.history().get(run.history().size() - 1)
                                .testAccuracy(), run.folder().toString(), true, run.config().timeNotComparable()));
            }
        }
        plan.write(folder.path());
        context.console().println("gathered " + mlp.size() + " seeds " + runs.seeds() + " of " + pair.get(0).id()
                + " and " + pair.get(1).id() + ", " + runs.epochs() + " epochs, batch " + runs.batchSize()
                + ", " + runs.recipe().describe());
        return write(spec, context, folder.path(), mlp, cnn);
    }

    /**
     * What the comparison will cost, from the newest finished run of each model in {@code outputDir} with the same
     * batch, recipe and data set (its seconds per epoch, training and evaluation, over its last 50 epochs), or a
     * line saying there is nothing to estimate from. An upper bound: runs that can be reused cost nothing.
     */
    public static String estimate(RunSpec first, RunSpec second, int seeds, Path outputDir) {
        StringBuilder per = new StringBuilder();
        double total = 0;
        for (RunSpec spec : List.of(first, second)) {
            ExperimentId id = spec.experiment();
            java.util.Optional<RunFolders.Finished> like = RunFolders.scan(outputDir.resolve(id.id())).finished()
                    .stream().filter(f -> f.config().batchSize() == spec.batchSize()
                            && Recipe.fromHyperParameters(f.config().hyperParameters()).equals(spec.recipe())
                            && java.util.Objects.equals(f.config().datasetId(), spec.datasetId()))
                    .findFirst();
            if (like.isEmpty()) {
                return String.format(Locale.ROOT, "estimated time: none (no finished %s run with batch %d and this"
                        + " recipe in %s to take its speed from; 'bench' measures this machine); %d seeds x %d epochs"
                        + " of each model", id.id(), spec.batchSize(), outputDir, seeds, spec.epochs());
            }
            List<EpochResult> epochs = History.read(like.get().folder());
            List<EpochResult> last = epochs.subList(Math.max(0, epochs.size() - 50), epochs.size());
            double perEpoch = last.stream().mapToDouble(e -> e.trainSeconds() + e.evalSeconds()).average().orElse(0);
            total += perEpoch * spec.epochs() * seeds;
            per.append(String.format(Locale.ROOT, "%s%s %.1f s per epoch as %s took", per.length() == 0 ? "" : ", ",
                    id.id(), perEpoch, like.get().folder().getFileName()));
        }
        return String.format(Locale.ROOT, "estimated time: up to %s (%d seeds x %d epochs of each model; %s; runs"
                + " that can be reused cost nothing; Ctrl-C stops with a checkpoint, compare --resume continues)",
                duration(total), seeds, first.epochs(), per);
    }

    private static String duration(double seconds) {
        return seconds < 90 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : seconds < 5400 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    /** Two different experiments on MNIST-format images, by name; {@code where} names the option or file. */
    public static List<ExperimentId> pair(List<String> ids, String where) {
        if (ids == null || ids.size() != 2) {
            throw new FixableProblem(where + " needs two experiments, the first against the second (e.g. mnist-mlp,"
                    + "lenet5), got " + ids);
        }
        List<ExperimentId> pair = new ArrayList<>();
        for (String id : ids) {
            ExperimentId e;
            try {
                e = ExperimentId.byId(id.strip());
            } catch (IllegalArgumentException ex) {
                throw new FixableProblem(where + ": '" + id + "' is none of the experiments " + ExperimentId.onMnist()
                        .stream().map(ExperimentId::id).toList());
            }
            if (!e.usesMnist()) {
                throw new FixableProblem(where + ": " + e.id() + " does not train on MNIST-format images; compare"
                        + " takes two of " + ExperimentId.onMnist().stream().map(ExperimentId::id).toList());
            }
            pair.add(e);
        }
        if (pair.get(0) == pair.get(1)) {
            throw new FixableProblem(where + " names " + pair.get(0).id() + " twice; give two different experiments");
        }
        return List.copyOf(pair);
    }

    private static void pair(ExperimentId first, ExperimentId second) {
        pair(List.of(first.id(), second.id()), "the comparison");
    }

    /** The data set of the comparison in {@code folder}: its plan's, MNIST in plans written before the choice. */
    public static Dataset datasetOf(Path folder) {
        ComparePlan plan = ComparePlan.read(folder);
        return plan.dataset() == null ? Dataset.MNIST : Dataset.byId(plan.dataset()).orElseThrow(() ->
                new FixableProblem(folder.resolve(ComparePlan.FILE) + " names the data set '" + plan.dataset()
                        + "', which is none of " + Dataset.ids() + "; start a new comparison (finished runs are"
                        + " reused)"));
    }

    private static Path run(RunSpec mlp, RunSpec cnn, Path folder, ComparePlan plan, boolean reuse, RunContext context,
            Mnist mnist) {
        try (RunFolder.RunLock lock = RunFolder.comparison(folder).lock()) { // a second compare --resume stops here
            return runLocked(mlp, cnn, folder, plan, reuse, context, mnist);
        }
    }

    private static Path runLocked(RunSpec mlp, RunSpec cnn, Path folder, ComparePlan plan, boolean reuse,
            RunContext context, Mnist mnist) {
        ComparisonRuns runs = new ComparisonRuns(folder, plan, context, reuse);
        List<ModelRun> mlpRuns = new ArrayList<>();
        List<ModelRun> cnnRuns = new ArrayList<>();
        try {
            for (long seed : plan.seeds()) {
                mlpRuns.add(runs.obtain(new MnistExperiment(mlp.experiment(), mnist), mlp.withSeed(seed)));
                cnnRuns.add(runs.obtain(new MnistExperiment(cnn.experiment(), mnist), cnn.withSeed(seed)));
            }
        } catch (RunInterrupted e) {
            runs.status("interrupted");
            throw new RunInterrupted(e.exitCode(), "interrupted; continue the comparison with: cnn-vs-mlp compare"
                    + " --resume " + RunFolder.shellQuoted(folder));
        }
        runs.status("finished");
        return write(mlp, context, folder, mlpRuns, cnnRuns);
    }

    /** The runs of the main job: one seed of each model. */
    static Path write(RunSpec spec, RunContext context, RunResult mlp, RunResult cnn) {
        Path folder = RunFolder.create(context.outputDir(), FOLDER, RunFolder.RUN_ID.format(Instant.now())).path();
        return write(spec, context, folder, List.of(modelRun(mlp, spec.seed())), List.of(modelRun(cnn, spec.seed())));
    }

    static Path write(RunSpec spec, RunContext context, Path dir, List<ModelRun> mlp, List<ModelRun> cnn) {
        CompareReport.Summary summary = CompareReport.summarize(mlp, cnn, spec.epochs(), ExperimentId.POST_EPOCHS,
                spec.batchSize(), context.command(), Instant.now().toString(), spec.recipe().isPost() ? null
                        : spec.recipe().describe(), spec.datasetLine() == null ? null : spec.dataset().title());
        try {
            AtomicFiles.writeString(dir.resolve(CompareReport.SUMMARY_JSON), Json.write(summary));
            AtomicFiles.writeString(dir.resolve(CompareReport.SUMMARY_MD), CompareReport.markdown(summary));
        } catch (java.io.IOException e) {
            throw new FixableProblem("cannot write the comparison into " + dir + " (" + e.getMessage() + ")", e);
        }
        drawCharts(summary, dir, mlp, cnn);
        context.console().println();
        context.console().println(summary.verdict());
        context.console().println("comparison: " + dir);
        return dir;
    }

    /** The comparison's five pictures into {@code dir}. */
    static void drawCharts(CompareReport.Summary summary, Path dir, List<ModelRun> mlp, List<ModelRun> cnn) {
        CompareCharts.Labels labels = CompareCharts.Labels.of(summary);
        PngFiles.savePng(CompareCharts.bars(summary), dir.resolve(CompareReport.BARS_PNG));
        PngFiles.saveSideBySide(CompareCharts.accuracyPanels(labels, mlp, cnn),
                dir.resolve(CompareReport.ACCURACY_PNG));
        PngFiles.savePng(CompareCharts.lossCurves(labels, mlp, cnn), dir.resolve(CompareReport.LOSS_PNG));
        PngFiles.savePng(CompareCharts.timeToAccuracy(labels, mlp, cnn), dir.resolve(CompareReport.TIME_PNG));
        PngFiles.saveSideBySide(CompareCharts.difference(labels, mlp, cnn), dir.resolve(CompareReport.DIFFERENCE_PNG));
    }

    private static ModelRun modelRun(RunResult result, long seed) {
        return new ModelRun(result.experiment().model(), seed, result.history().epochs(), result.accuracy(),
                result.folder().toString(), false, RunConfig.read(result.folder()).timeNotComparable());
    }

    /**
     * A run of {@code experiment} with this seed and batch size and at least {@code epochs} epochs in
     * {@code outputDir} (finished, or interrupted with a checkpoint), cut to {@code epochs}.
     */
    public static Optional<ModelRun> findReusable(Path outputDir, ExperimentId experiment, long seed, int epochs,
            int batchSize) {
        return findReusable(outputDir, experiment, seed, epochs, batchSize, Recipe.POST);
    }

    /** The same for runs trained with {@code recipe}. */
    public static Optional<ModelRun> findReusable(Path outputDir, ExperimentId experiment, long seed, int epochs,
            int batchSize, Recipe recipe) {
        RunSpec spec = RunSpec.post(experiment).epochs(epochs, "--epochs").batchSize(batchSize).seed(seed)
                .recipe(recipe, "fidelity").build();
        return ComparisonRuns.findReusable(outputDir, spec, null).map(ComparisonRuns.Reusable::run);
    }
}
