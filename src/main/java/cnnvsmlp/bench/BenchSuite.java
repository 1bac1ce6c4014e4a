package cnnvsmlp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.report.chart.PngFiles;
import cnnvsmlp.report.index.ResultsIndex;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.runtime.RunEnvironment;

/**
 * The benchmark of {@code bench}: every model at each batch size measured in a JVM of its own (so that its peak
 * memory is its own: {@code bench-one} there prints one {@link #LINE_PREFIX} line), then the table, bench.json,
 * bench.md and, against a PyTorch log, speed.png in {@code <output>/bench/<run-id>/}.
 *
 * @param models the models to measure
 * @param batchSizes the MNIST models' batch sizes (the beans use the post's 10)
 * @param trainExamples MNIST training examples per timed epoch
 * @param beansEpochs epochs of the timed beans run
 * @param dataDir the MNIST folder given, or null for the default
 */
public record BenchSuite(List<ExperimentId> models, List<Integer> batchSizes, int trainExamples, int beansEpochs,
        Path dataDir) {

    /** How the child JVM's line of results starts. */
    public static final String LINE_PREFIX = "BENCH ";

    /**
     * Measures every model and batch size, each in a child JVM started by {@code javaCommand} (the arguments of
     * the project's command line to the command that runs them), and writes the folder.
     *
     * @param anchors the anchors' training seconds (PyTorch's, DJL's), or none: then no speed.png
     * @return the bench folder
     */
    public Path run(Function<String[], List<String>> javaCommand, String command, Path outputDir,
            List<AnchorLog> anchors, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        List<Measurement> measurements = new ArrayList<>();
        for (ExperimentId experiment : models) {
            List<Integer> sizes = !experiment.usesMnist() ? List.of(experiment.postBatchSize()) : batchSizes;
            for (int batchSize : sizes) {
                out.printf(Locale.ROOT, "measuring %s at batch %d ...%n", experiment.id(), batchSize);
                Measurement m = measureInChild(javaCommand, experiment, batchSize);
                measurements.add(m);
                out.println("  " + row(m));
            }
        }
        Instant now = Instant.now();
        RunFolder folder = RunFolder.create(outputDir, "bench", RunFolder.RUN_ID.format(now));
        MachinePeak peak = MachinePeak.ofThisMachine();
        BenchReport report = new BenchReport(command, now.toString(), peak, peak.gflops(), measurements,
                RunEnvironment.capture());
        folder.writeJson(BenchReport.FILE, report);
        String table = table(measurements, peak);
        folder.writeText("bench.md", "# Training speed\n\n`" + report.command() + "`, " + now + "\n\n" + table);
        out.println();
        out.print(table);
        if (!anchors.isEmpty()) {
            drawSpeed(folder.path(), measurements, anchors, out);
        }
        out.println("written to " + folder.path());
        if (ResultsIndex.isResultsFolder(outputDir)) { // not a scratch folder such as the script's <out>/project
            ResultsIndex.write(outputDir, err);
        }
        return folder.path();
    }

    /** Draws speed.png of the earlier bench folder {@code folder} (its bench.json) against the anchors' seconds. */
    public static void redraw(Path folder, List<AnchorLog> anchors, PrintStream out) {
        drawSpeed(folder, BenchReport.read(folder).measurements(), anchors, out);
    }

    private static void drawSpeed(Path folder, List<Measurement> measurements, List<AnchorLog> anchors,
            PrintStream out) {
        if (measurements.stream().noneMatch(m -> ExperimentId.byId(m.model()).usesMnist())) {
            out.println("no speed.png: it charts seconds per epoch of the MNIST models, and only the beans were"
                    + " measured (their whole run's seconds are in bench.md)");
            return;
        }
        PngFiles.savePng(SpeedChart.chart(measurements, anchors, "training seconds per epoch: this project and"
                + " its anchors, same machine"), folder.resolve("speed.png"));
        out.println("drawn: " + folder.resolve("speed.png"));
    }

    private Measurement measureInChild(Function<String[], List<String>> javaCommand, ExperimentId experiment,
            int batchSize) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("bench-one", "--model", experiment.id(), "--batch-size",
                String.valueOf(batchSize), "--train-examples", String.valueOf(trainExamples), "--beans-epochs",
                String.valueOf(beansEpochs)));
        if (dataDir != null) {
            args.add("--data-dir");
            args.add(dataDir.toString());
        }
        Process child = new ProcessBuilder(javaCommand.apply(args.toArray(String[]::new)))
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
