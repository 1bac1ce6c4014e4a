package cnnvsmlp.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;

import cnnvsmlp.FixableProblem;

/**
 * What a comparison trains and where each run went ({@code <results>/compare/<id>/plan.json}), written before the
 * first run starts and after each one is placed, so that {@code compare --resume} continues where it stopped.
 *
 * @param command the command line that started the comparison
 * @param epochs the budget of every run
 * @param batchSize the batch size of every run
 * @param threads the CPU threads of every run, or null for each model's default
 * @param seeds the seeds, in order
 * @param status "running", "interrupted" or "finished"
 * @param runs for each model and seed ({@link #key}), the run folder that holds it
 * @param training the loss and optimizer as config.json records them ({@code hyperParameters}: loss, optimizer,
 *     learningRate, training), or null for the post's
 * @param dataset the data set, {@code mnist} or {@code fashion-mnist}; null (MNIST) in plans written before there
 *     was a choice
 * @param models the two experiments compared, the first against the second ({@code compare --models}); null (the
 *     post's pair, mnist-mlp and lenet5) in plans written before there was a choice
 */
public record ComparePlan(String command, int epochs, int batchSize, Integer threads, List<Long> seeds, String status,
        Map<String, String> runs, HyperParameters training, String dataset, List<String> models) {

    /** The post's pair, the first against the second: what plans without {@code models} compared. */
    public static final List<String> POST_PAIR = List.of("mnist-mlp", "lenet5");

    public static final String FILE = "plan.json";

    public ComparePlan {
        seeds = List.copyOf(seeds);
        runs = runs == null ? Map.of() : Map.copyOf(runs);
        models = models == null ? null : List.copyOf(models);
    }

    /** The experiments compared, first against second. */
    public List<String> modelsOrPostPair() {
        return models == null ? POST_PAIR : models;
    }

    /** "mnist-mlp seed 42". */
    public static String key(String experiment, long seed) {
        return experiment + " seed " + seed;
    }

    /**
     * The plan with {@code key}'s run in {@code run}, written relative to the comparison's own folder
     * {@code planFolder} (e.g. {@code ../../lenet5/<run-id>}), so that a copied or moved results folder still finds
     * its runs; absolute only where no relative path leads there (another drive).
     */
    public ComparePlan withRun(String key, Path run, Path planFolder) {
        String stored;
        try {
            stored = planFolder.toAbsolutePath().normalize().relativize(run.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            stored = run.toAbsolutePath().normalize().toString();
        }
        Map<String, String> more = new LinkedHashMap<>(runs);
        more.put(key, stored);
        return new ComparePlan(command, epochs, batchSize, threads, seeds, status, more, training, dataset, models);
    }

    public ComparePlan withStatus(String newStatus) {
        return new ComparePlan(command, epochs, batchSize, threads, seeds, newStatus, runs, training, dataset, models);
    }

    public void write(Path folder) {
        try {
            AtomicFiles.writeString(folder.resolve(FILE), Json.write(this));
        } catch (IOException e) {
            throw new FixableProblem("cannot write " + folder.resolve(FILE) + " (" + e.getMessage() + "); free disk"
                    + " space", e);
        }
    }

    /** The plan of the comparison folder {@code folder}; a missing or damaged one is a problem that names it. */
    public static ComparePlan read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new FixableProblem(folder + " is not a comparison that can be resumed (no " + FILE + "); give"
                    + " --resume a folder that compare wrote, e.g. results/compare/<id>");
        }
        try {
            ComparePlan plan = Json.MAPPER.readerFor(ComparePlan.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile());
            if (plan.epochs() < 1 || plan.batchSize() < 1 || plan.seeds() == null || plan.seeds().isEmpty()) {
                throw new FixableProblem(file + " is damaged (missing or invalid: epochs, batchSize or seeds); start"
                        + " a new comparison (finished runs are reused)");
            }
            return plan;
        } catch (JsonProcessingException e) {
            throw new FixableProblem(file + " is damaged (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); start a new comparison (finished runs are reused)", e);
        } catch (IOException e) {
            throw new FixableProblem(file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
