package cnnvsmlp.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw new FixableProblem("output folder " + outputDir + " is a file, not a folder; pass --output-dir with"
                    + " a folder (it is created if missing)");
        }
        Path experimentDir = outputDir.resolve(experiment);
        Path runDir = experimentDir.resolve(runId);
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
            AtomicFiles.write(target, temporary -> ModelSerializer.writeModel(model, temporary.toFile(), true));
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static FixableProblem cannotWrite(Path target, IOException e) {
        return new FixableProblem("cannot write " + target + " (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + "); free disk space or pass --output-dir with another folder");
    }
}
