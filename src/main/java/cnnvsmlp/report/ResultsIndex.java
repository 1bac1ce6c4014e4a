package cnnvsmlp.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.AtomicFiles;
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
        comparison(md, dir, skipped);
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

    private static void comparison(StringBuilder md, Path dir, List<String> skipped) {
        Optional<Path> compare = bestComparison(dir, skipped);
        if (compare.isEmpty()) {
            return;
        }
        CompareReport.Summary s = CompareReport.readSummary(compare.get());
        String rel = relative(dir, compare.get());
        md.append("## MLP or CNN?\n\n**").append(s.verdict()).append("**\n\n");
        md.append("| model | seeds | test accuracy, mean ± sd | seconds per run |\n|---|---|---|---|\n");
        for (CompareReport.ModelSummary m : List.of(s.mlp(), s.cnn())) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f %% ± %.2f | %.0f |%n", m.model(), m.seeds().size(),
                    100 * m.meanAccuracy(), 100 * m.sdAccuracy(), m.meanSeconds()));
        }
        md.append(String.format(Locale.ROOT, "%nBudget: %d of the post's %d epochs, batch %d. `%s`, %s. Details:"
                + " [%s](%s).%n%n", s.epochs(), s.postEpochs(), s.batchSize(), s.command(), s.date(),
                rel + "/" + CompareReport.SUMMARY_MD, rel + "/" + CompareReport.SUMMARY_MD));
        for (String png : new String[] {CompareReport.BARS_PNG, CompareReport.ACCURACY_PNG, CompareReport.TIME_PNG,
                CompareReport.LOSS_PNG}) {
            image(md, dir, compare.get(), png);
        }
        md.append('\n');
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
