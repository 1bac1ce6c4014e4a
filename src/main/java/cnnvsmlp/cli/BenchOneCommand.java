package cnnvsmlp.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import cnnvsmlp.bench.Benchmark;
import cnnvsmlp.bench.Measurement;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.experiment.Experiment;
import cnnvsmlp.experiment.MnistData;
import cnnvsmlp.experiment.Settings;
import cnnvsmlp.run.Json;

/** One measurement of {@code bench}, in the JVM {@code bench} starts for it; prints one JSON line. */
@Command(name = "bench-one", hidden = true)
final class BenchOneCommand implements Callable<Integer> {

    @Mixin
    MnistOptions mnist;

    @Option(names = "--model", required = true)
    String model;

    @Option(names = "--batch-size", required = true)
    int batchSize;

    @Option(names = "--train-examples", defaultValue = "60000")
    int trainExamples;

    @Option(names = "--beans-epochs", defaultValue = "5000")
    int beansEpochs;

    @Override
    public Integer call() {
        Experiment experiment = Experiment.byId(model);
        Mnist data = null;
        if (experiment.usesMnist()) {
            Settings settings = mnist.applyTo(Settings.post(experiment).withProgress(false, System.err));
            data = MnistData.load(settings);
        }
        Measurement m = Benchmark.measure(experiment, batchSize, data, trainExamples, beansEpochs);
        Console.out().println(BenchCommand.LINE_PREFIX + Json.compact(m));
        return 0;
    }
}
