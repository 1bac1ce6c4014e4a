package cnnvsmlp.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;


import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.History;
import cnnvsmlp.run.TrainingState;

/**
 * A run's checkpoint, {@code <run>/checkpoint/}: the model with its updater state ({@code model.zip}), where
 * training stands ({@code state.json}: epochs done, batches of the next, their loss sum and correct count) and
 * the history so far ({@code history.csv}). The shuffling generator needs no file: it is re-created from the
 * run's seed and advanced by the epochs done. Written into a fresh folder, each file forced to disk, then put
 * in place by renames, so a crash at any moment leaves the previous checkpoint or the new one, whole.
 */
public final class RunCheckpoint {

    public static final String FOLDER = "checkpoint";
    static final String PREVIOUS = "checkpoint.previous";
    static final String MODEL = "model.zip";
    static final String STATE = "state.json";
    static final String HISTORY = "history.csv";

    /** A checkpoint read back. */
    public record Loaded(MultiLayerNetwork model, TrainingState state, Path folder) {

        /** Puts the checkpoint's parameters, updater state and counters into {@code target} (initialised). */
        public void restoreInto(MultiLayerNetwork target) {
            if (target.numParams() != model.numParams()) {
                throw new FixableProblem("the checkpoint in " + folder + " has " + model.numParams()
                        + " parameters, this model " + target.numParams() + "; it belongs to another model");
            }
            target.setParams(model.params().dup());
            INDArray updaterState = model.getUpdater() == null ? null : model.getUpdater().getStateViewArray();
            if (updaterState != null && target.getUpdater() != null) {
                target.getUpdater().getStateViewArray().assign(updaterState);
            }
            target.setIterationCount(model.getIterationCount());
            target.setEpochCount(model.getEpochCount());
        }
    }

    /**
     * {@code state.json}: a {@link TrainingState} without its history (that is history.csv beside it). A NaN last
     * loss (none yet) is written as the string "NaN", as JSON has no NaN.
     */
    record Position(int completedEpochs, int batchesDone, double lossSum, long correct, double lastGoodLoss) {

        static Position of(TrainingState state) {
            return new Position(state.completedEpochs(), state.batchesDone(), state.lossSum(), state.correct(),
                    state.lastGoodLoss());
        }

        TrainingState with(java.util.List<EpochResult> history) {
            return new TrainingState(completedEpochs, batchesDone, lossSum, correct, lastGoodLoss, history);
        }
    }

    private RunCheckpoint() {
    }

    public static void save(Path run, MultiLayerNetwork model, TrainingState state) {
        Path fresh = run.resolve("checkpoint.writing-" + ProcessHandle.current().pid());
        try {
            deleteRecursively(fresh);
            Files.createDirectories(fresh);
            ModelZip.writePortable(model, fresh.resolve(MODEL));
            Files.writeString(fresh.resolve(HISTORY), History.toCsv(state.history()));
            Files.writeString(fresh.resolve(STATE), Json.MAPPER.writeValueAsString(Position.of(state)));
            for (String file : new String[] {MODEL, HISTORY, STATE}) {
                try (FileChannel channel = FileChannel.open(fresh.resolve(file), StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            swap(run, fresh, step -> { });
        } catch (IOException e) {
            try {
                deleteRecursively(fresh); // no half-written checkpoint is left for the next resume to clear
            } catch (IOException | RuntimeException ignored) {
                // the next save or resume removes it
            }
            throw new FixableProblem("cannot write a checkpoint into " + run + " (" + e.getMessage() + "); the"
                    + " last good checkpoint, if any, is kept and config.json says \"running\" until the run is"
                    + " resumed: free disk space, then continue it with --resume " + RunFolder.shellQuoted(run), e);
        }
    }

    /**
     * Puts the whole checkpoint {@code fresh} in place of the current one. At every instant a whole checkpoint is in
     * place for {@link #load}: the previous one goes only once the new one has taken its place, and a previous one
     * left alone by a crash between the renames stays until the new one is in place. {@code afterStep} is told each
     * step done (1 to 4), for a test that crashes after each.
     */
    static void swap(Path run, Path fresh, java.util.function.IntConsumer afterStep) throws IOException {
        Path current = run.resolve(FOLDER);
        Path previous = run.resolve(PREVIOUS);
        if (Files.exists(current)) {
            deleteRecursively(previous);
            afterStep.accept(1);
            Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
            afterStep.accept(2);
        }
        Files.move(fresh, current, StandardCopyOption.ATOMIC_MOVE);
        afterStep.accept(3);
        deleteRecursively(previous);
        afterStep.accept(4);
    }

    /**
     * Removes the checkpoint of a finished run: its model.zip and history.csv hold the same, and a finished run is not
     * resumed. A checkpoint that cannot be removed stays (it takes space, nothing else).
     */
    public static void discard(Path run) {
        try {
            deleteRecursively(run.resolve(PREVIOUS));
            deleteRecursively(run.resolve(FOLDER));
        } catch (IOException e) {
            // kept: a later run of the same folder is refused as finished either way
        }
    }

    /** The newest whole checkpoint of {@code run}. */
    public static Loaded load(Path run) {
        Path folder = run.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            folder = run.resolve(PREVIOUS); // a crash between the two renames of save
        }
        if (!Files.isDirectory(folder)) {
            throw new FixableProblem(run + " has no checkpoint to resume from (no " + FOLDER + "/ folder); start a"
                    + " new run instead");
        }
        try {
            Position s = Json.MAPPER.readValue(folder.resolve(STATE).toFile(), Position.class);
            var history = History.fromCsv(Files.readString(folder.resolve(HISTORY)));
            if (history.size() != s.completedEpochs()) {
                throw new IOException("history.csv has " + history.size() + " epochs, state.json says "
                        + s.completedEpochs());
            }
            MultiLayerNetwork model = ModelZip.restore(folder.resolve(MODEL));
            TrainingState state = s.with(history);
            return new Loaded(model, state, folder);
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem("the checkpoint in " + folder + " cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "): it is damaged; start a new run (the run's other files are kept)", e);
        }
    }

    /**
     * A finished run's end as a checkpoint, to extend its budget: its {@code model.zip} (with the updater's state
     * where the optimizer has one) and its {@code history.csv}, no batch of a next epoch. The shuffling generator is
     * re-created from the seed and advanced by the epochs done, as for any checkpoint, so the extended run trains
     * exactly as a run started with the larger budget would.
     */
    public static Loaded ofFinished(Path run) {
        Path model = run.resolve(RunFolder.MODEL);
        if (!Files.isRegularFile(model)) {
            throw new FixableProblem(run + " has no " + RunFolder.MODEL + " to extend; start a new run instead");
        }
        var history = History.read(run);
        try {
            return new Loaded(ModelZip.restore(model), new TrainingState(history.size(), 0, 0, 0, Double.NaN, history),
                    run);
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem(model + " cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "): it is damaged; start a new run (the run's other files are kept)", e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
