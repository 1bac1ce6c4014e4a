package cnnvsmlp.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.knowm.xchart.XYChart;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.experiment.Comparison;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.report.compare.CompareReport.ModelRun;
import cnnvsmlp.report.compare.FidelityReport;
import cnnvsmlp.report.chart.PngFiles;
import cnnvsmlp.report.index.ResultsIndex;
import cnnvsmlp.run.AtomicFiles;
import cnnvsmlp.run.Json;

/** {@code fidelity-plot}: the last step of {@code scripts/fidelity-vs-torch.sh}. */
@Command(name = "fidelity-plot", mixinStandardHelpOptions = true,
        description = {"Charts the project's MNIST test-accuracy curves against an anchor's, PyTorch's"
                + " (scripts/torch_reference.py) or DJL's (scripts/djl), and tests, at every epoch, whether the seed"
                + " means differ (Welch; fidelity.png, fidelity.md, fidelity.json). Exit 1 when an epoch differs.",
                "The last step of scripts/fidelity-vs-torch.sh, which trains both (docs/fidelity.md)."})
final class FidelityPlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--torch-logs", paramLabel = "DIR", required = true, description = "Folder of"
            + " torch-<mlp|lenet>-seed<N>.log (with --anchor djl: djl-<mlp|lenet>-seed<N>.log); the chart and summary"
            + " are written there too.")
    Path torchLogs;

    @Option(names = "--anchor", paramLabel = "PROGRAM", defaultValue = "torch",
            description = "Whose curves: torch (PyTorch 1.13, scripts/torch_reference.py) or djl (DJL 0.36 +"
                    + " PyTorch 2.7.1, scripts/djl). Default: ${DEFAULT-VALUE}.")
    String anchor;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = TrainingOptions.DEFAULT_OUTPUT,
            description = "The results folder the project's runs were written to. Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "50",
            description = "Epochs of each run compared. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The first seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5",
            description = "How many seeds: --seed, --seed + 1, ... (at least 5). Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--training", paramLabel = "RECIPE", defaultValue = "post",
            description = "Whose runs: post (batch 2048, PyTorch's sgd mode) or modern (cross-entropy, Adam, batch"
                    + " 128; PyTorch's adam mode). Default: ${DEFAULT-VALUE}.")
    String training;

    @Override
    public Integer call() throws Exception {
        if (!training.equals("post") && !training.equals("modern")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--training must be post or modern,"
                    + " got '" + training + "'");
        }
        if (seeds < FidelityReport.MIN_SEEDS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seeds must be at least "
                    + FidelityReport.MIN_SEEDS + " (the test of seed means needs them), got " + seeds);
        }
        if (!anchor.equals("torch") && !anchor.equals("djl")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--anchor must be torch or djl, got '"
                    + anchor + "'");
        }
        boolean djl = anchor.equals("djl");
        String anchorName = djl ? "DJL" : "PyTorch";
        boolean modern = training.equals("modern");
        Recipe recipe = modern ? Recipe.modern(false) : Recipe.POST;
        List<FidelityReport.ModelFidelity> verdicts = new ArrayList<>();
        List<XYChart> charts = new ArrayList<>();
        for (ExperimentId experiment : List.of(ExperimentId.MNIST_MLP, ExperimentId.LENET5)) {
            String torchName = experiment.torchName();
            Map<Long, double[]> project = new LinkedHashMap<>();
            Map<Long, double[]> torch = new LinkedHashMap<>();
            for (long s = seed; s < seed + seeds; s++) {
                long runSeed = s;
                ModelRun run = Comparison.findReusable(results, experiment, s, epochs, experiment.batchSize(recipe),
                        recipe)
                        .orElseThrow(() -> new FixableProblem("no finished " + epochs + "-epoch run of "
                                + experiment.id() + " (" + training + " training) with seed " + runSeed + " in "
                                + results
                                + "; run scripts/fidelity-vs-torch.sh (it trains what is missing)"));
                project.put(s, run.epochs().stream().mapToDouble(e -> e.testAccuracy()).toArray());
                torch.put(s, FidelityReport.readLog(torchLogs.resolve(anchor + "-" + torchName + "-seed" + s + ".log"),
                        epochs, anchor));
            }
            FidelityReport.Curves p = FidelityReport.curves("DL4J (this project)", project);
            FidelityReport.Curves t = FidelityReport.curves(anchorName, torch);
            verdicts.add(FidelityReport.compare(experiment.model(), p, t));
            charts.add(FidelityReport.chart(experiment.model(), p, t, cnnvsmlp.report.chart.Palette.of(experiment)));
        }
        PngFiles.saveTiles(charts, 2, 0.8, torchLogs.resolve(FidelityReport.PNG));
        String command = Main.commandLine(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
        AtomicFiles.writeString(torchLogs.resolve(FidelityReport.MARKDOWN),
                FidelityReport.markdown(verdicts, command, Instant.now().toString(), modern ? recipe.describe()
                        + ", batch " + Recipe.MODERN_BATCH : FidelityReport.POST_CONFIGURATION, anchorName,
                        djl ? "`scripts/djl` (DJL 0.36 with PyTorch 2.7.1)" : "`scripts/torch_reference.py` (PyTorch 1.13)"));
        AtomicFiles.writeString(torchLogs.resolve(FidelityReport.JSON),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(verdicts));
        ResultsIndex.write(results, Console.err());
        verdicts.forEach(v -> Console.out().println(v.verdict()));
        Console.out().println("written to " + torchLogs.resolve(FidelityReport.MARKDOWN));
        return verdicts.stream().allMatch(FidelityReport.ModelFidelity::withinSpread) ? 0 : 1;
    }
}
