package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.run.HyperParameters;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;

/**
 * Finished runs trained elsewhere (array tasks of a cluster job, other machines), checked to be one comparison:
 * two models (the post's pair by default), each seed of both, all trained by the same code on the same data (by checksum) with one
 * recipe, budget and batch size. Every run that disagrees is named, with what disagrees, in one line.
 */
public final class GatheredRuns {


    /** One run folder read back. */
    record Found(Path folder, RunConfig config, List<EpochResult> history) {

        ExperimentId experiment() {
            return ExperimentId.byId(config.experiment());
        }

        /** The code that trained it: its segments' commits, one when it trained in one place. */
        String code() {
            Set<String> commits = new LinkedHashSet<>();
            if (config.segments() != null) {
                config.segments().forEach(s -> commits.add(s.commit()));
            }
            if (commits.isEmpty()) {
                commits.add(config.environment() == null ? "unknown" : config.environment().gitCommit());
            }
            return String.join("+", commits);
        }

        Recipe recipe() {
            return Recipe.fromHyperParameters(config.hyperParameters());
        }

        String dataset() {
            return config.datasetId() == null ? "mnist" : config.datasetId();
        }
    }

    /** The runs, each model's in seed order, and their common settings. */
    record Gathered(List<Found> mlp, List<Found> cnn, int epochs, int batchSize, Recipe recipe, String dataset,
            HyperParameters hyperParameters) {

        List<Long> seeds() {
            return mlp.stream().map(f -> f.config().seed()).toList();
        }
    }

    private GatheredRuns() {
    }

    /**
     * The runs in {@code places}: each a run folder, or a folder holding run folders, directly or under
     * {@code mnist-mlp/} and {@code lenet5/} (an output folder).
     *
     * @throws FixableProblem naming each run that cannot join the others, one line each, or a place with no run
     */
    static Gathered gather(List<Path> places, List<ExperimentId> models) {
        List<String> problems = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        Set<String> unreadable = new TreeSet<>();
        for (Path place : places) {
            List<Path> runs = runFolders(place, models);
            if (runs.isEmpty()) {
                problems.add(place + ": no run folder here (a run folder holds config.json); give run folders or the"
                        + " folder that holds them");
            }
            for (Path run : runs) {
                read(run, models, problems, unreadable).ifPresent(found::add);
            }
        }
        if (found.isEmpty()) {
            throw refused(problems);
        }
        Found reference = mostCommon(found, GatheredRuns::settings);
        Map<ExperimentId, Found> sameData = new LinkedHashMap<>(); // the data's checksum is per model (flat, images)
        for (ExperimentId model : models) {
            List<Found> ofModel = found.stream().filter(f -> f.experiment() == model).toList();
            if (!ofModel.isEmpty()) {
                sameData.put(model, mostCommon(ofModel, f -> f.dataset() + "|" + f.config().dataSha256() + "|"
                        + f.config().data()));
            }
        }
        List<Found> agreeing = new ArrayList<>();
        Set<String> refused = new TreeSet<>(unreadable); // their partners are not named again as unpaired
        for (Found run : found) {
            String disagreement = disagreement(run, reference, sameData.get(run.experiment()));
            if (disagreement != null) {
                problems.add(run.folder() + ": " + disagreement);
                refused.add(run.experiment().id() + " " + run.config().seed());
            } else {
                agreeing.add(run);
            }
        }
        Map<ExperimentId, Map<Long, Found>> byModel = pair(agreeing, models, refused, problems);
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        List<Found> mlp = byModel.get(models.get(0)).values().stream()
                .sorted(Comparator.comparingLong(f -> f.config().seed())).toList();
        List<Found> cnn = byModel.get(models.get(1)).values().stream()
                .sorted(Comparator.comparingLong(f -> f.config().seed())).toList();
        return new Gathered(mlp, cnn, reference.config().budget().epochs(), reference.config().batchSize(),
                reference.recipe(), reference.dataset(), reference.config().hyperParameters());
    }

    /** Each model's runs by seed; a twin, or a seed one model lacks (unless its run was refused), is a problem. */
    private static Map<ExperimentId, Map<Long, Found>> pair(List<Found> agreeing, List<ExperimentId> models,
            Set<String> refused, List<String> problems) {
        Map<ExperimentId, Map<Long, Found>> byModel = new LinkedHashMap<>();
        models.forEach(m -> byModel.put(m, new LinkedHashMap<>()));
        for (Found run : agreeing) {
            Found twin = byModel.get(run.experiment()).putIfAbsent(run.config().seed(), run);
            if (twin != null) {
                problems.add(run.folder() + ": a second run of " + run.experiment().id() + " seed " + run.config().seed()
                        + " (the first: " + twin.folder() + "); leave one of them out");
            }
        }
        Set<Long> seeds = new TreeSet<>();
        byModel.values().forEach(m -> seeds.addAll(m.keySet()));
        for (long seed : seeds) {
            for (ExperimentId model : models) {
                if (!byModel.get(model).containsKey(seed) && !refused.contains(model.id() + " " + seed)) {
                    ExperimentId other = model == models.get(0) ? models.get(1) : models.get(0);
                    problems.add(byModel.get(other).get(seed).folder() + ": seed " + seed + " has no run of "
                            + model.id() + " to pair with; train it (cnn-vs-mlp " + model.id() + " --seed " + seed
                            + " ...) or leave this run out");
                }
            }
        }
        return byModel;
    }

    private static FixableProblem refused(List<String> problems) {
        return new FixableProblem("cannot gather a comparison; " + problems.size() + (problems.size() == 1
                ? " problem" : " problems") + ", one line each (fix or leave out these runs, nothing was written):"
                + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
    }

    private static java.util.Optional<Found> read(Path run, List<ExperimentId> models, List<String> problems,
            Set<String> unfinished) {
        try {
            RunConfig config = RunConfig.read(RunFolder.open(run));
            ExperimentId id;
            try {
                id = ExperimentId.byId(config.experiment());
            } catch (IllegalArgumentException e) {
                id = null;
            }
            if (id == null || !models.contains(id)) {
                problems.add(run + ": a run of " + config.experiment() + ", not of " + models.stream()
                        .map(ExperimentId::id).collect(Collectors.joining(" or ")) + "; leave it out");
                return java.util.Optional.empty();
            }
            if (!"finished".equals(config.status())) {
                unfinished.add(id.id() + " " + config.seed());
                problems.add(run + ": not finished (" + config.status() + "); resume it (cnn-vs-mlp " + id.id()
                        + " --resume " + RunFolder.shellQuoted(run) + ") or leave it out");
                return java.util.Optional.empty();
            }
            List<EpochResult> history = History.read(run);
            if (history.size() != config.budget().epochs()) {
                unfinished.add(id.id() + " " + config.seed());
                problems.add(run + ": history.csv has " + history.size() + " epochs, config.json "
                        + config.budget().epochs() + "; the run is damaged: train it again");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Found(run, config, history));
        } catch (FixableProblem e) {
            problems.add(run + ": " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** What {@code run} trained differently from {@code reference}, or null when nothing. */
    private static String disagreement(Found run, Found reference, Found sameModel) {
        List<String> differences = new ArrayList<>();
        RunConfig c = run.config();
        RunConfig r = reference.config();
        RunConfig m = sameModel.config();
        if (!run.code().equals(reference.code())) {
            differences.add("code " + run.code() + " (the others: " + reference.code() + ")");
        }
        if (!Objects.equals(run.dataset(), reference.dataset())) {
            differences.add("data set " + run.dataset() + " (the others: " + reference.dataset() + ")");
        } else if (!Objects.equals(c.dataSha256(), m.dataSha256()) || !Objects.equals(c.data(), m.data())) {
            differences.add("data checksum " + shortSha(c.dataSha256()) + " (the other " + run.experiment().id()
                    + " runs: " + shortSha(m.dataSha256()) + ")");
        }
        if (!run.recipe().equals(reference.recipe())) {
            differences.add("recipe " + run.recipe().describe() + " (the others: " + reference.recipe().describe()
                    + ")");
        }
        if (c.budget().epochs() != r.budget().epochs()) {
            differences.add("budget " + c.budget().epochs() + " epochs (the others: " + r.budget().epochs() + ")");
        }
        if (c.batchSize() != r.batchSize()) {
            differences.add("batch " + c.batchSize() + " (the others: " + r.batchSize() + ")");
        }
        return differences.isEmpty() ? null : "trained with another " + String.join(", ", differences)
                + "; train it again like the others or leave it out";
    }

    private static String shortSha(String sha) {
        return sha == null ? "unrecorded" : sha.substring(0, Math.min(12, sha.length())) + "...";
    }

    /** What every run of a comparison shares, whatever its model. */
    private static String settings(Found f) {
        return String.join("|", f.code(), f.dataset(), f.recipe().describe(), String.valueOf(
                f.config().budget().epochs()), String.valueOf(f.config().batchSize()));
    }

    /** The run whose {@code settings} most runs share (ties: the first found), against which the others are checked. */
    private static Found mostCommon(List<Found> runs, Function<Found, String> settings) {
        Map<String, Long> counts = runs.stream().collect(Collectors.groupingBy(settings, LinkedHashMap::new,
                Collectors.counting()));
        String top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return runs.stream().filter(f -> settings.apply(f).equals(top)).findFirst().orElseThrow();
    }

    /** The run folders in {@code place}: itself, its children, and its children named after {@code models}. */
    static List<Path> runFolders(Path place, List<ExperimentId> models) {
        if (Files.isRegularFile(place.resolve(RunFolder.CONFIG))) {
            return List.of(place);
        }
        List<Path> runs = new ArrayList<>();
        List<Path> parents = new ArrayList<>(List.of(place));
        models.forEach(m -> parents.add(place.resolve(m.id())));
        for (Path parent : parents) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(c -> Files.isRegularFile(c.resolve(RunFolder.CONFIG))).sorted().forEach(runs::add);
            } catch (IOException e) {
                throw new FixableProblem("cannot list " + parent + " (" + e.getMessage() + ")", e);
            }
        }
        return runs;
    }
}
