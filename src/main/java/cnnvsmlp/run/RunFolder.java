package cnnvsmlp.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import cnnvsmlp.FixableProblem;

/**
 * The folder of one run, {@code <output-dir>/<experiment>/<run-id>/}: {@code config.json},
 * {@code history.csv}, {@code metrics.json} and {@code model.zip}, each written atomically. A run folder is
 * created new; an existing one is never overwritten.
 */
public final class RunFolder {

    /** The results folder every command writes to unless told otherwise. */
    public static final String DEFAULT_OUTPUT = "results";

    /** A run's, comparison's, evaluation's or benchmark's folder name: when it started, in UTC. */
    public static final java.time.format.DateTimeFormatter RUN_ID = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC);

    public static final String CONFIG = "config.json";
    public static final String HISTORY = "history.csv";
    public static final String METRICS = "metrics.json";
    public static final String MODEL = "model.zip";

    private final Path path;

    private RunFolder(Path path) {
        this.path = path;
    }

    /** Creates {@code outputDir/experiment/runId}, failing with a clear message if it cannot. */
    public static RunFolder create(Path outputDir, String experiment, String runId) {
        Path experimentDir = outputDir.resolve(experiment);
        Path runDir = experimentDir.resolve(runId);
        for (Path folder : new Path[] {outputDir, experimentDir}) {
            if (Files.isSymbolicLink(folder) && !Files.exists(folder)) {
                throw new FixableProblem(folder + " is a link to " + target(folder) + ", which does not exist; create"
                        + " that folder or pass another --output-dir");
            }
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new FixableProblem(folder + " is a file, not a folder; move it away or pass another --output-dir"
                        + " (folders are created if missing)");
            }
        }
        try {
            Files.createDirectories(experimentDir);
            Files.createDirectory(runDir);
        } catch (FileAlreadyExistsException e) {
            throw new FixableProblem("run folder " + runDir + " already exists and is never overwritten; wait a"
                    + " second or choose another --output-dir");
        } catch (IOException e) {
            throw new FixableProblem("cannot create the run folder " + runDir + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); pass --output-dir with a folder you can write to");
        }
        if (!Files.isWritable(runDir)) {
            throw new FixableProblem("run folder " + runDir + " is not writable; pass --output-dir with a folder you"
                    + " can write to");
        }
        return new RunFolder(runDir);
    }

    /** The lock file of a run folder while a process trains it. */
    static final String LOCK = ".lock";

    /**
     * Takes the run folder for this process: a second process training the same run (two {@code --resume}s at
     * once) is refused instead of failing later. Checkpoint folders half-written by a process that died
     * ({@code checkpoint.writing-PID}) are removed. Released by {@link RunLock#close()} or when the process ends.
     */
    public RunLock lock() {
        Path file = path.resolve(LOCK);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new FixableProblem(path + " is being trained by another process right now; wait for it to end"
                        + " or stop it (Ctrl-C), then resume");
            }
            removeStaleCheckpoints();
            return new RunLock(channel, file);
        } catch (IOException e) {
            throw new FixableProblem("cannot lock " + file + " (" + e.getMessage() + "); pass --output-dir with a"
                    + " folder you can write to", e);
        }
    }

    private void removeStaleCheckpoints() throws IOException {
        try (var list = Files.list(path)) {
            for (Path stale : list.filter(p -> p.getFileName().toString().startsWith("checkpoint.writing-")).toList()) {
                try (var walk = Files.walk(stale)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** A held run folder. */
    public static final class RunLock implements AutoCloseable {
        private final FileChannel channel;
        private final Path file;

        RunLock(FileChannel channel, Path file) {
            this.channel = channel;
            this.file = file;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
                channel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing place";
        }
    }

    /** An existing run folder, to continue a run in it ({@code --resume}). */
    public static RunFolder open(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(CONFIG))) {
            throw new FixableProblem(runDir + " is not a run folder (it has no " + CONFIG + "); give --resume the"
                    + " folder of a run, e.g. results/lenet5/20261128-101500-seed42");
        }
        if (!Files.isWritable(runDir)) {
            throw new FixableProblem("run folder " + runDir + " is not writable; a resumed run writes into it");
        }
        return new RunFolder(runDir);
    }

    /** The folder of a comparison ({@code <results>/compare/<id>}, which holds its plan.json), to lock it. */
    public static RunFolder comparison(Path folder) {
        if (!Files.isRegularFile(folder.resolve(ComparePlan.FILE))) {
            throw new FixableProblem(folder + " is not a comparison (it has no " + ComparePlan.FILE + ")");
        }
        return new RunFolder(folder);
    }

    /** {@code path} as one shell word, to paste into a command: as it is when it is plain, else in single quotes. */
    public static String shellQuoted(Path path) {
        String text = path.toString();
        return text.matches("[A-Za-z0-9_./:=@%+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    public Path path() {
        return path;
    }

    public void writeJson(String name, Object value) {
        writeText(name, Json.write(value));
    }

    public void writeText(String name, String text) {
        Path target = path.resolve(name);
        try {
            AtomicFiles.writeString(target, text);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /** The trained network with its updater state (DL4J {@link ModelSerializer} zip). */
    public void writeModel(MultiLayerNetwork model) {
        Path target = path.resolve(MODEL);
        try {
            ModelZip.write(model, target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static FixableProblem cannotWrite(Path target, IOException e) {
        return new FixableProblem("cannot write " + target + " (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + "); free disk space or pass --output-dir with another folder");
    }

    /**
     * {@code path} as printed for a reader: relative to the working folder when inside it, {@code ~/...} when under
     * the home folder, relative when near the working folder (at most two levels up: {@code ../shared/data/mnist}),
     * else as it is. Printed lines and notebook outputs then do not carry the absolute paths of the machine that ran
     * them.
     */
    public static String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath().normalize();
        if (absolute.startsWith(here) && !absolute.equals(here)) {
            return here.relativize(absolute).toString();
        }
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
        if (absolute.startsWith(home) && home.getNameCount() > 0 && !absolute.equals(home)) {
            return "~/" + home.relativize(absolute);
        }
        if (absolute.getRoot() != null && absolute.getRoot().equals(here.getRoot())) {
            Path relative = here.relativize(absolute);
            int up = 0;
            while (up < relative.getNameCount() && relative.getName(up).toString().equals("..")) {
                up++;
            }
            if (up <= 2 && up < relative.getNameCount()) {
                return relative.toString();
            }
        }
        return path.toString();
    }
}
