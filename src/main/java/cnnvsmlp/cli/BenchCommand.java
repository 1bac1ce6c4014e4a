package cnnvsmlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.bench.BenchReport;
import cnnvsmlp.bench.MachinePeak;
import cnnvsmlp.bench.Measurement;
import cnnvsmlp.bench.SpeedChart;
import cnnvsmlp.bench.TorchLog;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.report.PngFiles;
import cnnvsmlp.report.ResultsIndex;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.runtime.RunEnvironment;

/**
 * {@code bench}: training speed of every model at the post's and a small batch size, each measured in a
 * JVM of its own (so its peak memory is its own), printed as a table and written to
 * {@code results/bench/<run-id>/bench.json} and {@code bench.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures training seconds per epoch (after a warm-up epoch), evaluation seconds,"
                + " examples/s, GFLOP/s, the fraction of this machine's nominal fp32 peak and peak memory, for"
                + " each model and batch size, each in its own JVM."})
final class BenchCommand implements Callable<Integer> {

    static final String LINE_PREFIX = "BENCH ";

    @Spec
    CommandSpec spec;

    @Mixin
    MnistOptions mnist;

    @Option(names = "--models", paramLabel = "ID", split = ",", defaultValue = "lenet5,mnist-mlp,beans",
            description = "Models to measure. Default: ${DEFAULT-VALUE}.")
    List<String> models;

    @Option(names = "--batch-sizes", paramLabel = "N", split = ",", defaultValue = "2048,64",
            description = "Batch sizes for the MNIST models (the beans use the post's 10). Default: ${DEFAULT-VALUE}.")
    List<Integer> batchSizes;

    @Option(names = "--train-examples", paramLabel = "N", defaultValue = "60000",
            description = "MNIST training examples per timed epoch; fewer are extrapolated to 60,000."
                    + " Default: ${DEFAULT-VALUE}.")
    int trainExamples;

    @Option(names = "--beans-epochs", paramLabel = "N", defaultValue = "5000",
            description = "Epochs of the timed beans run. Default: the post's ${DEFAULT-VALUE}.")
    int beansEpochs;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = RunFolder.DEFAULT_OUTPUT,
            description = "Where bench/<run-id>/ goes. Default: ${DEFAULT-VALUE}.")
    Path outputDir;

    @Option(names = "--torch-log", paramLabel = "FILE",
            description = "A log of ../shared/bench/torch_reference.py (scripts/bench-vs-torch.sh writes torch.log):"
                    + " also draws speed.png, the project's training seconds beside PyTorch's. Default: none.")
    Path torchLog;

    @Option(names = "--redraw", paramLabel = "DIR",
            description = "Measure nothing: draw speed.png of the earlier bench folder DIR (its bench.json) against"
                    + " --torch-log. Default: none.")
    Path redraw;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream out = Console.out();
        if (trainExamples < 2048 || trainExamples > 60_000) {
            throw new ParameterException(spec.commandLine(), "--train-examples must be between 2048 and 60000");
        }
        if (beansEpochs < 1) {
            throw new ParameterException(spec.commandLine(), "--beans-epochs must be at least 1");
        }
        for (int size : batchSizes) {
            if (size < 1 || size > TrainingOptions.MAX_BATCH) {
                throw new ParameterException(spec.commandLine(), "--batch-sizes must be between 1 and "
                        + TrainingOptions.MAX_BATCH + ", got " + size);
            }
        }
        Map<String, Double> torch = torchLog == null ? null : TorchLog.trainSeconds(torchLog); // a bad log: now
        if (redraw != null) {
            if (torch == null) {
                throw new ParameterException(spec.commandLine(), "--redraw needs --torch-log FILE to draw against");
            }
            drawSpeed(redraw, readMeasurements(redraw), torch);
            return 0;
        }
        List<Measurement> measurements = new ArrayList<>();
        for (String id : models) {
            ExperimentId experiment = experiment(id);
            List<Integer> sizes = !experiment.usesMnist() ? List.of(experiment.postBatchSize()) : batchSizes;
            for (int batchSize : sizes) {
                out.printf(Locale.ROOT, "measuring %s at batch %d ...%n", experiment.id(), batchSize);
                Measurement m = measureInChild(experiment, batchSize);
                measurements.add(m);
                out.println("  " + row(m));
            }
        }
        Instant now = Instant.now();
        String runId = RunFolder.RUN_ID.format(now);
        RunFolder folder = RunFolder.create(outputDir, "bench", runId);
        MachinePeak peak = MachinePeak.ofThisMachine();
        BenchReport report = new BenchReport(Main.commandLine(spec.commandLine().getParseResult().originalArgs()
                .toArray(String[]::new)), now.toString(), peak, peak.gflops(), measurements, RunEnvironment.capture());
        folder.writeJson(BenchReport.FILE, report);
        String table = table(measurements, peak);
        folder.writeText("bench.md", "# Training speed\n\n`" + report.command() + "`, " + now + "\n\n" + table);
        out.println();
        out.print(table);
        if (torch != null) {
            drawSpeed(folder.path(), measurements, torch);
        }
        out.println("written to " + folder.path());
        if (ResultsIndex.isResultsFolder(outputDir)) { // not a scratch folder such as the script's <out>/project
            ResultsIndex.write(outputDir, Console.err());
        }
        return 0;
    }

    private static void drawSpeed(Path folder, List<Measurement> measurements, Map<String, Double> torch) {
        PngFiles.savePng(SpeedChart.chart(measurements, torch, "training seconds: this project against PyTorch, "
                + folder.getFileName()), folder.resolve("speed.png"));
        Console.out().println("drawn: " + folder.resolve("speed.png"));
    }

    private static List<Measurement> readMeasurements(Path folder) {
        return BenchReport.read(folder).measurements();
    }

    private ExperimentId experiment(String id) {
        try {
            return ExperimentId.byId(id);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown model '" + id
                    + "' for --models; choose from beans, mnist-mlp, lenet5");
        }
    }

    private Measurement measureInChild(ExperimentId experiment, int batchSize) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("bench-one", "--model", experiment.id(), "--batch-size",
                String.valueOf(batchSize), "--train-examples", String.valueOf(trainExamples), "--beans-epochs",
                String.valueOf(beansEpochs)));
        if (mnist.dataDir != null) {
            args.add("--data-dir");
            args.add(mnist.dataDir.toString());
        }
        Process child = new ProcessBuilder(KernelLauncher.javaCommand(args.toArray(String[]::new)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        child.getOutputStream().close();
        Measurement result = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith(LINE_PREFIX)) {
                    result = Json.MAPPER.readValue(line.substring(LINE_PREFIX.length()), Measurement.class);
                }
            }
        }
        int code = child.waitFor();
        if (code != 0 || result == null) {
            throw new FixableProblem("the benchmark of " + experiment.id() + " at batch " + batchSize
                    + " failed (exit code " + code + "); see the messages above");
        }
        return result;
    }

    static String row(Measurement m) {
        return String.format(Locale.ROOT,
                "| %-9s | %5d | %-8s | %9.2f | %7.2f | %10.0f | %7.2f | %6.2f %% | %7.0f | %8.1f |",
                m.model(), m.batchSize(), m.kernels(), m.trainSecondsPerEpoch(), m.evalSeconds(),
                m.examplesPerSecond(), m.gflops(), 100 * m.peakFraction(), m.peakResidentMiB(), m.postBudgetHours());
    }

    static String table(List<Measurement> measurements, MachinePeak peak) {
        StringBuilder t = new StringBuilder();
        t.append("| model     | batch | kernels  | train s/epoch | eval s | examples/s | GFLOP/s | of peak | peak MiB"
                + " | 5000 epochs, h |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measurement m : measurements) {
            t.append(row(m)).append('\n');
        }
        t.append(String.format(Locale.ROOT, "%nTrain s/epoch: a 60,000-image epoch (beans: all epochs of 100 points)."
                + " Eval: the 10,000 test images (beans: every epoch's evaluation of the 100 points, summed)."
                + " GFLOP/s counts three forward passes per training example. Nominal peak: %d cores x %.2f GHz x"
                + " %d FLOP/cycle (%s) = %.0f GFLOP/s (the CPU's, also on a GPU run). 5000 epochs: the post's full"
                + " budget, each epoch evaluated, estimated at this speed.%n", peak.cores(), peak.gigahertz(),
                peak.flopsPerCycle(), peak.basis(), peak.gflops()));
        return t.toString();
    }
}
