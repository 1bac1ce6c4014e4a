package cnnvsmlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.report.compare.CompareReport.ModelRun;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.run.HyperParameters;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.Metrics;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.runtime.RunEnvironment;

/** Helpers that several test classes share, in one place so that they cannot drift apart. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Makes the finished run {@code run} look interrupted after its last epoch: "interrupted" in config.json, and a
     * checkpoint made of its model.zip and history.csv (a finished run keeps none; they hold the same).
     */
    public static void asInterruptedAtItsEnd(Path run) throws IOException {
        Path checkpoint = Files.createDirectories(run.resolve("checkpoint"));
        Files.copy(run.resolve("model.zip"), checkpoint.resolve("model.zip"));
        Files.copy(run.resolve("history.csv"), checkpoint.resolve("history.csv"));
        Files.writeString(checkpoint.resolve("state.json"), "{\"completedEpochs\": " + History.read(run).size()
                + ", \"batchesDone\": 0, \"lossSum\": 0.0, \"correct\": 0, \"lastGoodLoss\": \"NaN\"}");
        var config = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(run.resolve("config.json")
                .toFile());
        config.put("status", "interrupted");
        Files.writeString(run.resolve("config.json"), Json.write(config));
    }

    /** max |a - b| over max |b| (over 1 when b is all zeros). */
    public static double relativeDifference(INDArray a, INDArray b) {
        double scale = b.amaxNumber().doubleValue();
        return a.sub(b).amaxNumber().doubleValue() / (scale == 0 ? 1 : scale);
    }

    /** The post's beans network, initialised from {@code seed}. */
    public static MultiLayerNetwork beansModel(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(BeansMlp.configuration(seed));
        net.init();
        return net;
    }

    /**
     * A run folder {@code <results>/<experiment>/20260101-000000-seed<seed><status>} as the experiments write it
     * (config.json, metrics.json, history.csv), with test accuracy {@code accuracy} at each epoch.
     */
    public static Path runFolder(Path results, String experiment, long seed, int epochs, String status,
            double... accuracy) throws IOException {
        Path run = Files.createDirectories(results.resolve(experiment).resolve("20260101-000000-seed" + seed + status));
        RunConfig config = new RunConfig(experiment, experiment, 1, status, new RunConfig.Budget(epochs, 5000, false,
                "--epochs"), new HyperParameters(null, null, null, null, null, null, 2048, null, null, null, null, null,
                null, null, null, null), seed, "MNIST", "the MNIST test set", "cnn-vs-mlp " + experiment,
                "2026-01-01T00:00:00Z", null, new RunEnvironment(Map.of("cpu", "test CPU", "cores", "2"), Map.of(),
                        Map.of("name", "CpuBackend"), Map.of(), Map.of(), "0123456789abcdef"), null, null, null);
        Files.writeString(run.resolve(RunFolder.CONFIG), Json.write(config));
        Files.writeString(run.resolve(RunFolder.METRICS), Json.write(new Metrics("the MNIST test set", 10000,
                accuracy[accuracy.length - 1], 0.08, 0.5, 0.09, epochs, new int[0][0], List.of())));
        StringBuilder csv = new StringBuilder(History.CSV_HEADER).append('\n');
        for (int e = 0; e < accuracy.length; e++) {
            csv.append(e + 1).append(",0.09,0.5,0.08,").append(accuracy[e]).append(",3.0,0.5\n");
        }
        Files.writeString(run.resolve(RunFolder.HISTORY), csv);
        return run;
    }

    /** A run whose test accuracy follows {@code accuracies}, one epoch each, 2 s of training and 0.5 s of evaluation. */
    public static ModelRun modelRun(String model, long seed, double... accuracies) {
        List<EpochResult> epochs = new ArrayList<>();
        for (int i = 0; i < accuracies.length; i++) {
            epochs.add(new EpochResult(i + 1, 0.1 - i * 0.01, accuracies[i] - 0.01, 0.09 - i * 0.01, accuracies[i],
                    2.0, 0.5));
        }
        return new ModelRun(model, seed, epochs, accuracies[accuracies.length - 1], "runs/" + model + "-" + seed,
                false);
    }
}
