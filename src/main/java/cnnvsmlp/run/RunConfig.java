package cnnvsmlp.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.runtime.RunEnvironment;

/**
 * The resolved configuration of a run, written as {@code config.json} before training starts and again,
 * with its status and end time, when it ends.
 */
public record RunConfig(String experiment, String model, long parameters, String status, Budget budget,
        HyperParameters hyperParameters, long seed, String data, String evaluatedOn, String command,
        String started, String ended, RunEnvironment environment, List<Segment> segments, String dataSha256,
        String dataset) {

    /** Lenient about fields it does not know (written by later versions), strict about the ones it reads. */
    private static final ObjectReader READER = Json.MAPPER.readerFor(RunConfig.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param epochs epochs run (or to run)
     * @param postEpochs the post's budget, 5000
     * @param isPostBudget whether {@code epochs} is the post's
     * @param source where the budget came from: "the post", "quick preset" or "--epochs"
     */
    public record Budget(int epochs, int postEpochs, boolean isPostBudget, String source) {
    }

    /**
     * One sitting of a run: a run resumed from its checkpoint has one segment per start, each with the commit and
     * machine that trained it and the epochs it covered.
     *
     * @param commit the git commit of the code that trained
     * @param machine CPU, cores and OpenBLAS kernels (or GPU) it trained on
     * @param started when the segment started
     * @param ended when it ended, null while it runs
     * @param fromEpoch the epochs done before it
     * @param toEpoch the epochs done after it, null while it runs
     * @param status how it ended: "finished", "interrupted", "diverged", "killed" (its process ended without saying
     *     so: SIGKILL or a crash; {@code toEpoch} is then its last checkpoint's); "running" while it runs
     * @param cpuSeconds the CPU seconds the training used in this segment, all threads (null: not recorded, before
     *     2026-12-03 or while it runs)
     * @param niceness the process's niceness (10 under {@code nice}; null: not recorded)
     * @param loadAverage the machine's one-minute load average when the segment ended, the run's own threads
     *     included (null: not recorded)
     */
    public record Segment(String commit, String machine, String started, String ended, int fromEpoch, Integer toEpoch,
            String status, Double cpuSeconds, Integer niceness, Double loadAverage) {

        /** A segment that starts now on this machine, after {@code fromEpoch} epochs. */
        public static Segment start(RunEnvironment environment, String started, int fromEpoch) {
            return new Segment(environment.gitCommit(), describe(environment), started, null, fromEpoch, null,
                    "running", null, null, null);
        }

        /** This segment ended: {@code status} after {@code toEpoch} epochs, with what it cost and beside what. */
        Segment end(String at, int epochsDone, String endStatus, Usage usage) {
            return new Segment(commit, machine, started, at, fromEpoch, epochsDone, endStatus,
                    usage == null ? null : usage.cpuSeconds(), usage == null ? null : usage.niceness(),
                    usage == null ? null : usage.loadAverage());
        }

        static String describe(RunEnvironment environment) {
            Map<String, String> m = environment.machine() == null ? Map.of() : environment.machine();
            Map<String, String> k = environment.cpuKernels() == null ? Map.of() : environment.cpuKernels();
            Map<String, String> b = environment.backend() == null ? Map.of() : environment.backend();
            return m.get("cpu") + ", " + m.get("cores") + " cores, " + environment.backendLine() + ", OpenBLAS "
                    + k.getOrDefault("openblasCore", "unknown") + ", threads: OpenBLAS " + b.get("blas.threads")
                    + ", other ops " + b.get("omp.threads");
        }
    }

    /**
     * The segments so far: those recorded, or for a config.json written before segments were, one made of its
     * environment, dates and status, ending after {@code completedEpochs} (its checkpoint's).
     */
    public List<Segment> segmentsSoFar(int completedEpochs) {
        if (segments != null && !segments.isEmpty()) {
            Segment last = segments.get(segments.size() - 1);
            if (last.toEpoch() != null) {
                return segments;
            }
            // never closed: its process was killed (SIGKILL) or crashed; it got as far as the checkpoint
            List<Segment> closed = new ArrayList<>(segments.subList(0, segments.size() - 1));
            closed.add(last.end(last.ended(), completedEpochs, "killed", null));
            return List.copyOf(closed);
        }
        return List.of(new Segment(environment.gitCommit(), Segment.describe(environment), started, ended, 0,
                completedEpochs, status, null, null, null));
    }

    /** The config.json of {@code folder}. */
    public static RunConfig read(RunFolder folder) {
        return read(folder.path());
    }

    /**
     * The config.json of the run folder {@code run}, checked: a file that is not JSON, not an object, or lacks or
     * garbles a field that a reader of runs needs is a problem that names the file and the fields.
     */
    public static RunConfig read(Path run) {
        Path file = run.resolve(RunFolder.CONFIG);
        RunConfig config;
        try {
            config = READER.readValue(file.toFile());
        } catch (JsonProcessingException e) {
            throw damaged(file, e.getOriginalMessage().lines().findFirst().orElse("not JSON"), e);
        } catch (IOException e) {
            throw new FixableProblem(file + " cannot be read (" + e.getMessage() + "); is " + run + " a run folder?",
                    e);
        }
        List<String> bad = config.problems();
        if (!bad.isEmpty()) {
            throw damaged(file, "missing or invalid: " + String.join(", ", bad), null);
        }
        return config;
    }

    private static FixableProblem damaged(Path file, String what, Exception cause) {
        return new FixableProblem(file + " is damaged (" + what + "); restore it from a copy, or start a new run"
                + " (the run's other files are kept)", cause);
    }

    /** The fields a reader of runs needs that are missing or out of range. */
    List<String> problems() {
        List<String> bad = new ArrayList<>();
        if (experiment == null || experiment.isBlank()) {
            bad.add("experiment");
        }
        if (status == null || status.isBlank()) {
            bad.add("status");
        }
        if (budget == null || budget.epochs() < 1 || budget.source() == null) {
            bad.add("budget");
        }
        if (hyperParameters == null || hyperParameters.batchSize() == null || hyperParameters.batchSize() < 1) {
            bad.add("hyperParameters.batchSize");
        }
        if (seed < 0) {
            bad.add("seed");
        }
        if (data == null) {
            bad.add("data");
        }
        if (command == null) {
            bad.add("command");
        }
        if (environment == null || environment.machine() == null || environment.backend() == null
                || environment.cpuKernels() == null) {
            bad.add("environment");
        }
        try {
            Instant.parse(String.valueOf(started));
        } catch (DateTimeParseException e) {
            bad.add("started");
        }
        return bad;
    }

    /** The CPU threads the run last trained with ({@code hyperParameters.threads}), or null when not recorded. */
    public Integer threads() {
        return hyperParameters == null ? null : hyperParameters.threads();
    }

    /**
     * The data set an MNIST model trains on, {@code mnist} or {@code fashion-mnist} ({@code mnist} in files written
     * before there was a choice); null for the beans.
     */
    public String datasetId() {
        if (dataset != null) {
            return dataset;
        }
        return "beans".equals(experiment) ? null : "mnist";
    }

    /** The batch size the run trains with ({@code hyperParameters.batchSize}). */
    public int batchSize() {
        return hyperParameters.batchSize();
    }

    /** This configuration ended with {@code newStatus} at {@code at} after {@code epochsDone}, its last segment too. */
    public RunConfig ended(String newStatus, String at, int epochsDone) {
        return ended(newStatus, at, epochsDone, null);
    }

    /** As {@link #ended(String, String, int)}, the last segment recording what its training cost ({@code usage}). */
    public RunConfig ended(String newStatus, String at, int epochsDone, Usage usage) {
        List<Segment> closed = new ArrayList<>(segments == null ? List.of() : segments);
        if (!closed.isEmpty()) {
            Segment last = closed.remove(closed.size() - 1);
            closed.add(last.end(at, epochsDone, newStatus, usage));
        }
        return new RunConfig(experiment, model, parameters, newStatus, budget, hyperParameters, seed, data,
                evaluatedOn, command, started, at, environment, List.copyOf(closed), dataSha256, dataset);
    }

    /** What one segment's training cost and beside what it ran (see {@link Segment}). */
    public record Usage(Double cpuSeconds, Integer niceness, Double loadAverage) {
    }

    /**
     * Why this run's wall-clock seconds do not compare with another's, or null when they do: it trained in one
     * segment, not niced, with no more load on the machine than its own threads (plus half a thread of slack for
     * the JVM's own). Runs from before these were recorded say so.
     */
    public String timeNotComparable() {
        List<Segment> all = segments == null ? List.of() : segments;
        if (all.size() > 1) {
            return "trained in " + all.size() + " sittings";
        }
        Segment only = all.isEmpty() ? null : all.get(0);
        if (only == null || only.niceness() == null || only.loadAverage() == null) {
            return "its conditions were not recorded";
        }
        if (only.niceness() != 0) {
            return "niced (" + only.niceness() + ")";
        }
        Integer threads = threads();
        if (threads != null && only.loadAverage() > threads + 0.5) {
            return String.format(java.util.Locale.ROOT, "beside other work (load %.1f, its own threads %d)",
                    only.loadAverage(), threads);
        }
        return null;
    }
}
