package cnnvsmlp.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import cnnvsmlp.bench.BenchSuite;
import cnnvsmlp.bench.Benchmark;
import cnnvsmlp.bench.Measurement;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.experiment.MnistData;
import cnnvsmlp.experiment.RunContext;
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
        ExperimentId experiment = ExperimentId.byId(model);
        Mnist data = null;
        if (experiment.usesMnist()) {
            data = MnistData.load(mnist.applyTo(RunContext.defaults().showProgress(false).console(System.err))
                    .build());
        }
        Measurement m = Benchmark.measure(experiment, batchSize, data, trainExamples, beansEpochs);
        Console.out().println(BenchSuite.LINE_PREFIX + Json.compact(m));
        return 0;
    }
}
