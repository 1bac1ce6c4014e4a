package cnnvsmlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import cnnvsmlp.bench.AnchorLog;
import cnnvsmlp.bench.BenchSuite;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.run.RunFolder;

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
            description = "A log of scripts/torch_reference.py (scripts/bench-vs-torch.sh writes torch-N.log):"
                    + " also draws speed.png, the project's training seconds beside PyTorch 1.13's. Default: none.")
    Path torchLog;

    @Option(names = "--djl-log", paramLabel = "FILE",
            description = "A log of the DJL reference, scripts/djl (scripts/bench-vs-torch.sh writes djl-N.log):"
                    + " also draws speed.png, the project's training seconds beside DJL + PyTorch 2.7.1's."
                    + " Default: none.")
    Path djlLog;

    @Option(names = "--redraw", paramLabel = "DIR",
            description = "Measure nothing: draw speed.png of the earlier bench folder DIR (its bench.json) against"
                    + " --torch-log and/or --djl-log. Default: none.")
    Path redraw;

    @Override
    public Integer call() throws IOException, InterruptedException {
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
        List<AnchorLog> anchors = new ArrayList<>(); // a bad log: said now, before any measuring
        if (torchLog != null) {
            anchors.add(AnchorLog.read(torchLog, AnchorLog.Anchor.TORCH));
        }
        if (djlLog != null) {
            anchors.add(AnchorLog.read(djlLog, AnchorLog.Anchor.DJL));
        }
        if (redraw != null) {
            if (anchors.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--redraw needs --torch-log FILE and/or --djl-log"
                        + " FILE to draw against");
            }
            BenchSuite.redraw(redraw, anchors, Console.out());
            return 0;
        }
        BenchSuite suite = new BenchSuite(models.stream().map(this::experiment).toList(), batchSizes, trainExamples,
                beansEpochs, mnist.dataDir);
        suite.run(KernelLauncher::javaCommand, Main.commandLine(spec.commandLine().getParseResult().originalArgs()
                .toArray(String[]::new)), outputDir, anchors, Console.out(), Console.err());
        return 0;
    }

    private ExperimentId experiment(String id) {
        try {
            return ExperimentId.byId(id);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown model '" + id
                    + "' for --models; choose from " + String.join(", ", ExperimentId.ids()));
        }
    }
}
