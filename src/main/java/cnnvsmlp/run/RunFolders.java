package cnnvsmlp.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import cnnvsmlp.FixableProblem;

/**
 * The run folders of one experiment in a results folder ({@code <results>/<experiment>/<run-id>/}), read through the
 * typed records. A folder whose files are damaged is not passed over in silence: the scan says which and why.
 */
public final class RunFolders {

    /** A finished run: its folder, configuration and final metrics. */
    public record Finished(Path folder, RunConfig config, Metrics metrics) {
    }

    /**
     * A run that stopped before its budget, or is running, with a checkpoint to resume from: its folder,
     * configuration and epochs so far.
     */
    public record Unfinished(Path folder, RunConfig config, List<EpochResult> history) {

        /** The last epoch done, or null when none was. */
        public EpochResult last() {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }
    }

    /**
     * @param finished the finished runs, newest (largest run id) first
     * @param unfinished the interrupted or running runs that have a checkpoint, newest first
     * @param skipped one line per folder that could not be read: the problem, naming the file
     */
    public record Scan(List<Finished> finished, List<Unfinished> unfinished, List<String> skipped) {

        public Optional<Finished> newest() {
            return finished.stream().findFirst();
        }
    }

    private RunFolders() {
    }

    /** Every sub-folder of {@code experimentDir} (none if it does not exist), newest first. */
    public static Scan scan(Path experimentDir) {
        List<Finished> finished = new ArrayList<>();
        List<Unfinished> unfinished = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path run : folders(experimentDir)) {
            try {
                RunConfig config = RunConfig.read(run);
                if ("finished".equals(config.status())) {
                    finished.add(new Finished(run, config, Metrics.read(run)));
                } else if (("interrupted".equals(config.status()) || "running".equals(config.status()))
                        && Files.isDirectory(run.resolve(RunCheckpoint.FOLDER))) {
                    unfinished.add(new Unfinished(run, config, historySoFar(run)));
                }
            } catch (FixableProblem e) {
                skipped.add(e.getMessage());
            }
        }
        return new Scan(List.copyOf(finished), List.copyOf(unfinished), List.copyOf(skipped));
    }

    /**
     * The epochs a stopped or running run has done: its checkpoint's history, or history.csv (written when it
     * stopped) when that is longer; the epochs of a run never change once written.
     */
    public static List<EpochResult> historySoFar(Path run) {
        List<EpochResult> stopped = Files.exists(run.resolve(RunFolder.HISTORY)) ? History.read(run) : List.of();
        Path checkpoint = run.resolve(RunCheckpoint.FOLDER);
        List<EpochResult> saved = Files.exists(checkpoint.resolve(RunFolder.HISTORY)) ? History.read(checkpoint)
                : List.of();
        return saved.size() > stopped.size() ? saved : stopped;
    }

    /** The sub-folders of {@code dir}, newest (largest name) first; none when it is not a folder. */
    public static List<Path> folders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new FixableProblem("cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
    }
}
