package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.report.compare.CompareReport.ModelRun;
import cnnvsmlp.run.ComparePlan;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolders;

/**
 * The runs of one comparison: each model and seed is the run its plan names (finished: read; interrupted: resumed
 * from its checkpoint), or a run of the same configuration already in the output folder (a longer one gives its
 * first epochs: on a CPU the first N epochs of a run are the N-epoch run of the same seed), or a new run, placed in
 * the plan before it trains so that an interruption can be continued.
 */
final class ComparisonRuns {

    private final Path folder;
    private final RunContext context;
    private final boolean reuse;
    private ComparePlan plan;

    ComparisonRuns(Path folder, ComparePlan plan, RunContext context, boolean reuse) {
        this.folder = folder;
        this.plan = plan;
        this.context = context;
        this.reuse = reuse;
    }

    void status(String status) {
        plan = plan.withStatus(status);
        plan.write(folder);
    }

    /** The run of {@code experiment} for {@code spec}'s seed. */
    ModelRun obtain(Experiment experiment, RunSpec spec) {
        ExperimentId id = spec.experiment();
        String key = ComparePlan.key(id.id(), spec.seed());
        String planned = plan.runs().get(key);
        if (planned != null) {
            Path run = located(folder, planned);
            RunConfig config = RunConfig.read(run);
            if (config.budget().epochs() != spec.epochs()) {
                // a run of another budget whose first epochs the plan reused: read again, never resumed from here
                Optional<Reusable> again = prefix(spec, null, run, config);
                if (again.isPresent()) {
                    return again.get().run();
                }
                throw new FixableProblem(run + " was reused for the first " + spec.epochs() + " epochs of this"
                        + " comparison but has fewer now; its history is damaged: start a new comparison");
            }
            if ("finished".equals(config.status())) {
                return modelRun(id, spec, run, History.read(run), false);
            }
            context.console().println("\ncontinuing " + run + " (" + key + ")");
            RunContext resume = context.toBuilder().resume(run).build();
            return modelRun(id, spec, run, Run.run(experiment, spec, resume).history().epochs(), false);
        }
        if (reuse) {
            Optional<Reusable> found = findReusable(context.outputDir(), spec, context.threads(id));
            if (found.isPresent()) {
                context.console().println("\nreusing " + found.get().run().folder() + " (" + id.id() + ", seed "
                        + spec.seed() + ", " + spec.epochs() + " epochs, batch " + spec.batchSize()
                        + (spec.datasetLine() == null ? "" : ", " + spec.dataset().title()) + ")");
                plan = plan.withRun(key, found.get().folder(), folder);
                plan.write(folder);
                return found.get().run();
            }
        }
        Run run = Run.open(experiment, spec, context);
        plan = plan.withRun(key, run.folder(), folder);
        plan.write(folder);
        return modelRun(id, spec, run.folder(), run.train().history().epochs(), false);
    }

    /**
     * A run path of the plan {@code folder}/plan.json: relative to the plan (how plans are written now); else the run
     * of the same {@code <experiment>/<run-id>} in this comparison's own results folder, so that a copied or moved
     * results folder keeps to its own runs even where an older plan wrote them absolute or relative to the working
     * folder; else as written, or relative to the folder compare ran in ({@code <there>/<results>/compare/<id>}).
     */
    static Path located(Path folder, String planned) {
        Path path = Path.of(planned);
        if (!path.isAbsolute()) {
            Path fromPlan = folder.resolve(path).normalize();
            if (java.nio.file.Files.exists(fromPlan)) {
                return fromPlan;
            }
        }
        int n = path.getNameCount();
        if (n >= 2) {
            Path own = folder.resolve("..").resolve("..").resolve(path.subpath(n - 2, n)).normalize();
            if (java.nio.file.Files.exists(own)) {
                return own;
            }
        }
        if (path.isAbsolute() || java.nio.file.Files.exists(path)) {
            return path;
        }
        Path ranIn = folder.toAbsolutePath().normalize().getParent().getParent().getParent();
        return ranIn == null ? path : ranIn.resolve(path);
    }

    private static ModelRun modelRun(ExperimentId id, RunSpec spec, Path folder, List<EpochResult> history,
            boolean reused) {
        List<EpochResult> epochs = history.subList(0, Math.min(history.size(), spec.epochs()));
        return new ModelRun(id.model(), spec.seed(), epochs, epochs.get(epochs.size() - 1).testAccuracy(),
                folder.toString(), reused, RunConfig.read(folder).timeNotComparable());
    }

    /** A run found in the output folder, and what the comparison takes of it. */
    record Reusable(Path folder, ModelRun run) {
    }

    /**
     * A run in {@code <outputDir>/<experiment>/} with this seed and batch size, trained with {@code threads} (when
     * recorded), finished or interrupted, with at least {@code spec.epochs()} epochs: the newest such run, cut to
     * the budget. Runs whose files cannot be read are passed over.
     */
    static Optional<Reusable> findReusable(Path outputDir, RunSpec spec, Integer threads) {
        RunFolders.Scan scan = RunFolders.scan(outputDir.resolve(spec.experiment().id()));
        for (RunFolders.Finished run : scan.finished()) {
            Optional<Reusable> found = prefix(spec, threads, run.folder(), run.config());
            if (found.isPresent()) {
                return found;
            }
        }
        for (RunFolders.Unfinished run : scan.unfinished()) {
            Optional<Reusable> found = prefix(spec, threads, run.folder(), run.config());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Reusable> prefix(RunSpec spec, Integer threads, Path run, RunConfig c) {
        boolean same = c.seed() == spec.seed() && c.batchSize() == spec.batchSize()
                && (threads == null || c.threads() == null || c.threads().equals(threads))
                && Recipe.fromHyperParameters(c.hyperParameters()).equals(spec.recipe())
                && java.util.Objects.equals(c.datasetId(), spec.datasetId());
        if (!same) {
            return Optional.empty();
        }
        try {
            List<EpochResult> history = RunFolders.historySoFar(run);
            if (history.size() < spec.epochs()) {
                return Optional.empty();
            }
            String label = history.size() == spec.epochs() ? run.toString()
                    : run + " (first " + spec.epochs() + " of its " + history.size() + " epochs)";
            List<EpochResult> epochs = history.subList(0, spec.epochs());
            return Optional.of(new Reusable(run, new ModelRun(spec.experiment().model(), spec.seed(), epochs,
                    epochs.get(epochs.size() - 1).testAccuracy(), label, true, c.timeNotComparable())));
        } catch (FixableProblem e) {
            return Optional.empty(); // its history is damaged: train anew
        }
    }
}
