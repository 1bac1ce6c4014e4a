package cnnvsmlp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.Json;
import cnnvsmlp.runtime.RunEnvironment;

/**
 * A benchmark's {@code bench.json}, written and read as this record.
 *
 * @param command the command line
 * @param date when it ended
 * @param machinePeak the machine's nominal fp32 peak and how it was found
 * @param machinePeakGflops that peak in GFLOP/s
 * @param measurements one per model and batch size
 * @param environment the machine, JVM, backend and versions
 */
public record BenchReport(String command, String date, MachinePeak machinePeak, double machinePeakGflops,
        List<Measurement> measurements, RunEnvironment environment) {

    public static final String FILE = "bench.json";

    public BenchReport {
        measurements = List.copyOf(measurements); // none: a damaged file
    }

    /** The bench.json of {@code folder}; a missing or damaged one is one line naming it. */
    public static BenchReport read(Path folder) {
        Path json = folder.resolve(FILE);
        if (!Files.isRegularFile(json)) {
            throw new FixableProblem(folder + " has no " + FILE + "; give a folder that cnn-vs-mlp bench wrote, such"
                    + " as results/bench/<run-id>");
        }
        try {
            return Json.MAPPER.readerFor(BenchReport.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json.toFile());
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem(json + " is damaged (" + e.getMessage() + "); give a folder that cnn-vs-mlp"
                    + " bench wrote, such as results/bench/<run-id>");
        }
    }
}
