package cnnvsmlp.report.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.ComparePlan;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.run.RunFolders;
import cnnvsmlp.report.Prose;
import cnnvsmlp.report.compare.CompareReport;
import cnnvsmlp.report.compare.PairedDifference;

/**
 * The section of {@code results/README.md} on what has not reached the end of its budget: comparisons whose plan is
 * not finished, runs running or interrupted with their epochs so far, and the MLP and LeNet-5 of one seed side by
 * side at the epochs both have done. The post's 5000 epochs take days on a CPU: this is where they are seen growing.
 */
final class InProgress {

    private InProgress() {
    }

    /** The runs that stopped before their budget, with how far they are: the post's 5000 epochs take days. */
    static void write(StringBuilder md, Path dir, Prose prose) {
        List<RunFolders.Unfinished> runs = new ArrayList<>();
        for (String experiment : cnnvsmlp.model.ExperimentId.ids()) {
            RunFolders.Scan scan = RunFolders.scan(dir.resolve(experiment));
            runs.addAll(scan.unfinished());
            if (cnnvsmlp.model.ExperimentId.byId(experiment).usesMnist()) { // MNIST runs done with the post's budget
                for (RunFolders.Finished f : scan.finished()) {
                    if (f.config().budget().epochs() == f.config().budget().postEpochs()) {
                        try {
                            runs.add(new RunFolders.Unfinished(f.folder(), f.config(),
                                    cnnvsmlp.run.History.read(f.folder())));
                        } catch (FixableProblem e) {
                            // its history is damaged: the index lists it among the skipped elsewhere
                        }
                    }
                }
            }
        }
        if (runs.stream().allMatch(r -> "finished".equals(r.config().status()))) {
            return; // nothing in progress: the finished long runs show in their experiment's section
        }
        md.append(prose.get("in-progress"));
        comparisonsInProgress(md, dir);
        md.append(prose.get("in-progress-runs"));
        for (RunFolders.Unfinished run : runs) {
            EpochResult last = run.last();
            String rel = IndexLinks.relative(dir, run.folder());
            boolean finished = "finished".equals(run.config().status());
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d of %d | %s | [%s](%s) | %s |%n",
                    run.config().model(), run.config().seed(), run.config().status(), last == null ? 0 : last.epoch(),
                    run.config().budget().epochs(), last == null ? "–" : String.format(Locale.ROOT, "%.2f %%",
                            100 * last.testAccuracy()), rel, rel, finished ? "(done)" : "`cnn-vs-mlp "
                            + run.config().experiment() + " --resume " + RunFolder.shellQuoted(dir.resolve(rel)) + "`"));
        }
        md.append('\n');
        sideBySide(md, runs);
        StringBuilder images = new StringBuilder();
        for (RunFolders.Unfinished run : runs) {
            IndexLinks.image(images, dir, run.folder(), "accuracy.png", run.config().model() + ", test accuracy"
                    + ("finished".equals(run.config().status()) ? "" : " so far"));
        }
        if (!images.isEmpty()) {
            md.append(images).append('\n');
        }
    }

    /** Comparisons whose plan is not finished, with the command that continues each. */
    private static void comparisonsInProgress(StringBuilder md, Path dir) {
        for (Path folder : RunFolders.folders(dir.resolve("compare"))) {
            if (Files.exists(folder.resolve(CompareReport.SUMMARY_JSON))
                    || !Files.exists(folder.resolve(ComparePlan.FILE))) {
                continue;
            }
            try {
                var plan = ComparePlan.read(folder);
                md.append(String.format(Locale.ROOT, "- A comparison of %d epochs over seeds %s (%s, %d of %d runs"
                        + " placed): continue with `cnn-vs-mlp compare --resume %s`%n", plan.epochs(), plan.seeds(),
                        plan.status(), plan.runs().size(), 2 * plan.seeds().size(),
                        RunFolder.shellQuoted(dir.resolve(IndexLinks.relative(dir, folder)))));
            } catch (FixableProblem e) {
                md.append("- ").append(e.getMessage()).append('\n');
            }
        }
        md.append('\n');
    }

    /** The post's pair's runs (MLP, LeNet-5) of one seed and budget, at the epochs both have done. */
    private static void sideBySide(StringBuilder md, List<RunFolders.Unfinished> runs) {
        for (RunFolders.Unfinished mlp : runs) {
            for (RunFolders.Unfinished cnn : runs) {
                RunConfig a = mlp.config();
                RunConfig b = cnn.config();
                if (!a.experiment().equals(ComparePlan.POST_PAIR.get(0))
                        || !b.experiment().equals(ComparePlan.POST_PAIR.get(1)) || a.seed() != b.seed()
                        || a.budget().epochs() != b.budget().epochs() || a.batchSize() != b.batchSize()) {
                    continue;
                }
                int both = Math.min(mlp.history().size(), cnn.history().size());
                if (both == 0) {
                    continue;
                }
                Integer crossover = PairedDifference.crossover(mlp.history().subList(0, both),
                        cnn.history().subList(0, both));
                md.append(String.format(Locale.ROOT, "At epoch %d, which both runs of seed %d have reached: %s %.2f %%,"
                        + " %s %.2f %%; %s. One seed: no winner is named.%n%n", both, a.seed(), a.model(),
                        100 * mlp.history().get(both - 1).testAccuracy(), b.model(),
                        100 * cnn.history().get(both - 1).testAccuracy(), crossover == null
                                ? b.model() + " is not ahead at that epoch" : b.model() + " is ahead from epoch "
                                + crossover + " on (the crossover so far)"));
            }
        }
    }
}
