package cnnvsmlp.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.AtomicFiles;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolders;
import cnnvsmlp.runtime.RunEnvironment;

/**
 * {@code results/README.md}: the story of the post told by the latest runs in a results folder, with their
 * pictures and the command, date, machine, backend and budget that produced them. Regenerated after every run,
 * so the repository page shows what the committed runs found. Every run is read through the typed records of
 * {@code run}; a folder whose files are damaged is listed under "Skipped" with the problem, never left out silently.
 */
public final class ResultsIndex {

    public static final String FILE = "README.md";
    static final String[] EXPERIMENTS = {"beans", "mnist-mlp", "lenet5"};
    static final String[] RUN_PICTURES = {"beans-data.png", "beans-surface.png", "beans-training.png",
        "mnist-first-image.png", "mnist-digits.png", "accuracy.png", "loss.png", "confusion.png", "misclassified.png"};

    private ResultsIndex() {
    }

    /** Writes {@code outputDir/README.md} from the runs found there; a failure to write it is not fatal to a run. */
    public static void write(Path outputDir) {
        try {
            AtomicFiles.writeString(outputDir.resolve(FILE), render(outputDir));
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: could not write " + outputDir.resolve(FILE) + ": " + e.getMessage());
        }
    }

    static String render(Path dir) throws IOException {
        Prose prose = Prose.load("en", "results-index");
        StringBuilder md = new StringBuilder(prose.get("intro"));
        List<String> skipped = new ArrayList<>();
        comparisons(md, dir, skipped, prose);
        inProgress(md, dir, skipped, prose);
        for (String experiment : EXPERIMENTS) {
            experiment(md, dir, experiment, prose.get(experiment), skipped);
        }
        fidelity(md, dir, prose);
        speed(md, dir, prose);
        if (!skipped.isEmpty()) {
            md.append(prose.get("skipped"));
            skipped.forEach(line -> md.append("- ").append(line).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    /** Every comparison in the folder, shortest budget first (the newest of each budget and seed count). */
    private static void comparisons(StringBuilder md, Path dir, List<String> skipped, Prose prose) {
        Map<String, Path> newest = new LinkedHashMap<>();
        Map<Path, CompareReport.Summary> summaries = new LinkedHashMap<>();
        for (Path folder : RunFolders.folders(dir.resolve("compare"))) {
            try {
                CompareReport.Summary s = CompareReport.readSummary(folder);
                summaries.put(folder, s);
                newest.putIfAbsent(s.epochs() + "/" + s.mlp().seeds().size() + "/" + s.batchSize(), folder);
            } catch (FixableProblem e) {
                skipped.add(e.getMessage());
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        List<Path> shown = newest.values().stream().sorted(java.util.Comparator.comparing((Path f) -> summaries.get(f)
                .epochs()).thenComparing(f -> summaries.get(f).mlp().seeds().size())).toList();
        md.append(prose.get("compare"));
        for (Path folder : shown) {
            row(md, relative(dir, folder), summaries.get(folder));
        }
        md.append('\n');
        for (Path folder : shown) {
            CompareReport.Summary s = summaries.get(folder);
            md.append(String.format(Locale.ROOT, "- **%d epochs, %d seed%s**: %s%n", s.epochs(), s.mlp().seeds().size(),
                    s.mlp().seeds().size() == 1 ? "" : "s", s.verdict()));
        }
        Path best = bestComparison(dir, new ArrayList<>()).orElse(shown.get(shown.size() - 1));
        md.append(String.format(Locale.ROOT, "%nThe pictures of the comparison with the most seeds (%d epochs):%n%n",
                summaries.get(best).epochs()));
        for (String png : new String[] {CompareReport.DIFFERENCE_PNG, CompareReport.BARS_PNG,
                CompareReport.ACCURACY_PNG, CompareReport.TIME_PNG, CompareReport.LOSS_PNG}) {
            image(md, dir, best, png);
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, String rel, CompareReport.Summary s) {
        int seeds = s.mlp().seeds().size();
        String interval = s.ciLow() == null ? "none (one seed)" : String.format(Locale.ROOT, "[%+.2f, %+.2f]",
                100 * s.ciLow(), 100 * s.ciHigh());
        md.append(String.format(Locale.ROOT, "| %d of %d | %d | %s | %s | %+.2f points, %s | %s | [summary](%s/%s) |%n",
                s.epochs(), s.postEpochs(), seeds, accuracy(s.mlp()), accuracy(s.cnn()), 100 * s.meanDifference(),
                interval, crossovers(s), rel, CompareReport.SUMMARY_MD));
    }

    private static String accuracy(CompareReport.ModelSummary m) {
        return m.seeds().size() > 1 ? String.format(Locale.ROOT, "%.2f %% ± %.2f", 100 * m.meanAccuracy(),
                100 * m.sdAccuracy()) : String.format(Locale.ROOT, "%.2f %%", 100 * m.meanAccuracy());
    }

    private static String crossovers(CompareReport.Summary s) {
        if (s.crossovers() == null) {
            return "–";
        }
        List<Integer> reached = s.crossovers().stream().filter(java.util.Objects::nonNull).sorted().toList();
        if (reached.isEmpty()) {
            return "not reached";
        }
        int first = reached.get(0);
        int last = reached.get(reached.size() - 1);
        String epochs = first == last ? "epoch " + first : "epochs " + first + "-" + last;
        return s.crossovers().size() == 1 ? epochs : reached.size() + " of " + s.crossovers().size() + " seeds, "
                + epochs;
    }

    /** The runs that stopped before their budget, with how far they are: the post's 5000 epochs take days. */
    private static void inProgress(StringBuilder md, Path dir, List<String> skipped, Prose prose) {
        List<RunFolders.Unfinished> runs = new ArrayList<>();
        for (String experiment : EXPERIMENTS) {
            RunFolders.Scan scan = RunFolders.scan(dir.resolve(experiment));
            runs.addAll(scan.unfinished());
        }
        if (runs.isEmpty()) {
            return;
        }
        md.append(prose.get("in-progress"));
        for (RunFolders.Unfinished run : runs) {
            EpochResult last = run.last();
            String rel = relative(dir, run.folder());
            md.append(String.format(Locale.ROOT, "| %s | %d | %d of %d | %s | [%s](%s) | `cnn-vs-mlp %s --resume %s` |%n",
                    run.config().model(), run.config().seed(), last == null ? 0 : last.epoch(),
                    run.config().budget().epochs(), last == null ? "–" : String.format(Locale.ROOT, "%.2f %%",
                            100 * last.testAccuracy()), rel, rel, run.config().experiment(), dir.resolve(rel).toString().replace('\\', '/')));
        }
        md.append('\n');
        sideBySide(md, runs);
        StringBuilder images = new StringBuilder();
        for (RunFolders.Unfinished run : runs) {
            image(images, dir, run.folder(), "accuracy.png", run.config().model() + ", test accuracy so far");
        }
        if (!images.isEmpty()) {
            md.append(images).append('\n');
        }
    }

    /** The MLP and LeNet-5 runs of one seed and budget, at the epochs both have done. */
    private static void sideBySide(StringBuilder md, List<RunFolders.Unfinished> runs) {
        for (RunFolders.Unfinished mlp : runs) {
            for (RunFolders.Unfinished cnn : runs) {
                RunConfig a = mlp.config();
                RunConfig b = cnn.config();
                if (!a.experiment().equals("mnist-mlp") || !b.experiment().equals("lenet5") || a.seed() != b.seed()
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

    private static void experiment(StringBuilder md, Path dir, String id, String title, List<String> skipped) {
        RunFolders.Scan scan = RunFolders.scan(dir.resolve(id));
        skipped.addAll(scan.skipped());
        Optional<RunFolders.Finished> newest = scan.newest();
        if (newest.isEmpty()) {
            return;
        }
        RunFolders.Finished run = newest.get();
        md.append("## ").append(title).append("\n\n");
        md.append(String.format(Locale.ROOT, "Accuracy %.2f %% on %s after %d of the post's %d epochs.%n%n",
                100 * run.metrics().accuracy(), run.metrics().evaluatedOn(), run.config().budget().epochs(),
                run.config().budget().postEpochs()));
        md.append(provenance(run.config(), relative(dir, run.folder()))).append("\n\n");
        for (String png : RUN_PICTURES) {
            image(md, dir, run.folder(), png);
        }
        md.append('\n');
    }

    private static void fidelity(StringBuilder md, Path dir, Prose prose) throws IOException {
        Path fidelity = dir.resolve("fidelity");
        if (!Files.exists(fidelity.resolve(FidelityReport.JSON))) {
            return;
        }
        md.append(prose.get("fidelity"));
        for (JsonNode model : Json.MAPPER.readTree(fidelity.resolve(FidelityReport.JSON).toFile())) {
            md.append("- ").append(model.path("verdict").asText()).append('\n');
        }
        md.append(prose.get("fidelity-details", Map.of("markdown", FidelityReport.MARKDOWN)));
        image(md, dir, fidelity, FidelityReport.PNG, "test accuracy per epoch, PyTorch and this project");
        md.append('\n');
    }

    private static void speed(StringBuilder md, Path dir, Prose prose) {
        List<Path> benches = RunFolders.folders(dir.resolve("bench"));
        if (benches.isEmpty()) {
            return;
        }
        md.append(prose.get("speed"));
        for (Path bench : benches) {
            String rel = relative(dir, bench);
            String table = Files.exists(bench.resolve("ratios.md")) ? "ratios.md" : "bench.md";
            md.append("- [").append(rel).append("](").append(rel).append('/').append(table).append(")\n");
        }
        md.append('\n');
    }

    /** "command · date · commit · machine · backend · budget". */
    static String provenance(RunConfig config, String folder) {
        RunEnvironment env = config.environment();
        RunConfig.Budget budget = config.budget();
        return String.format(Locale.ROOT, "Run [%s](%s): `%s`, %s, commit `%s`, %s (%s cores), %s, OpenBLAS %s;"
                + " budget %d of %d epochs (%s), seed %d.", folder, folder, config.command(), config.started(),
                env.shortCommit(), env.machine().get("cpu"), env.machine().get("cores"), env.backendLine(),
                env.cpuKernels().getOrDefault("openblasCore", "unknown"), budget.epochs(), budget.postEpochs(),
                budget.source(), config.seed());
    }

    private static void image(StringBuilder md, Path dir, Path folder, String png) {
        image(md, dir, folder, png, png.replace(".png", "").replace('-', ' '));
    }

    private static void image(StringBuilder md, Path dir, Path folder, String png, String alt) {
        if (Files.exists(folder.resolve(png))) {
            md.append("![").append(alt).append("](").append(relative(dir, folder)).append('/').append(png).append(")\n");
        }
    }

    /** The comparison with the most seeds, the newest among equals; unreadable ones go to {@code skipped}. */
    public static Optional<Path> bestComparison(Path dir, List<String> skipped) {
        Path best = null;
        int bestSeeds = 0;
        for (Path folder : RunFolders.folders(dir.resolve("compare"))) {
            try {
                int seeds = CompareReport.readSummary(folder).mlp().seeds().size();
                if (seeds > bestSeeds) {
                    best = folder;
                    bestSeeds = seeds;
                }
            } catch (FixableProblem e) {
                skipped.add(e.getMessage());
            }
        }
        return Optional.ofNullable(best);
    }

    private static String relative(Path dir, Path folder) {
        return dir.relativize(folder).toString().replace('\\', '/');
    }
}
