package cnnvsmlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.data.BeansCsv;
import cnnvsmlp.data.BeansData;
import cnnvsmlp.data.BeansShape;

/** Which points the beans network learns: the post's spiral (default), another shape, or a CSV file. */
final class BeansDataOptions {

    static final int MAX_NOISE = 100;

    @Option(names = "--shape", paramLabel = "NAME",
            description = "The points to learn: spiral (the post's two spirals), circle (a disc inside a ring), xor"
                    + " (four quadrants) or blobs (two Gaussian clouds); 100 points, seeded by --seed. Default: spiral.")
    String dataset;

    /** The names these options had before 2026-12-03, answered with the new name (hidden from the help). */
    @Option(names = "--dataset", hidden = true)
    String oldShape;

    @Option(names = "--data", hidden = true)
    String oldPoints;

    @Option(names = "--data-header", hidden = true)
    String oldPointsHeader;

    @Option(names = "--export-data", hidden = true)
    String oldExportPoints;

    @Option(names = "--noise", paramLabel = "X",
            description = "Uniform noise in [-X, X] added to each coordinate. Default: the data set's (spiral 0.1 as"
                    + " in the post, the others 0).")
    Double noise;

    @Option(names = "--points", paramLabel = "FILE",
            description = "Learn the points of a CSV file instead: rows x1,x2,label with label 0 or 1, read with"
                    + " DataVec; a header line is detected (see --points-header). Default: none (--shape).")
    Path data;

    @Option(names = "--points-header", paramLabel = "WHEN", defaultValue = "auto",
            description = "Whether --points' first line is a header: auto (when it is not numbers), present or"
                    + " absent. Default: ${DEFAULT-VALUE}.")
    BeansCsv.Header header;

    @Option(names = "--export-points", paramLabel = "FILE",
            description = "Write the points as CSV (x1,x2,label, with a header) to FILE ('-': standard output) and"
                    + " stop without training; edit the file and train on it with --points FILE. An existing FILE is"
                    + " refused unless --force. Default: none (train).")
    Path exportData;

    @Option(names = "--force", description = "Let --export-points replace an existing regular file.")
    boolean force;

    /** The points these options name, after checking the options; reading a file may throw FixableProblem. */
    BeansData load(CommandSpec spec, long seed) {
        checkNames(spec);
        if (data != null && (dataset != null || noise != null)) {
            throw new ParameterException(spec.commandLine(), "--points trains on a file; --shape and --noise"
                    + " choose generated points instead: give one or the other");
        }
        if (noise != null && !(noise >= 0 && noise <= MAX_NOISE)) {
            throw new ParameterException(spec.commandLine(), "--noise must be between 0 and " + MAX_NOISE + ", got "
                    + noise);
        }
        if (data != null) {
            return BeansCsv.read(data, header);
        }
        BeansShape shape;
        try {
            shape = dataset == null ? BeansShape.SPIRAL : BeansShape.byId(dataset);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " for --shape");
        }
        return shape.generate(BeansData.POST_SIZE, seed, noise == null ? shape.defaultNoise() : noise);
    }

    /** An option by its old name: one line with the new one (on the other commands --dataset names a data set). */
    void checkNames(CommandSpec spec) {
        String[][] renames = {{"--dataset", "--shape", oldShape}, {"--data", "--points", oldPoints},
            {"--data-header", "--points-header", oldPointsHeader},
            {"--export-data", "--export-points", oldExportPoints}};
        for (String[] r : renames) {
            if (r[2] != null) {
                throw new ParameterException(spec.commandLine(), "beans: " + r[0] + " is now " + r[1] + " (give "
                        + r[1] + " " + r[2] + "); --dataset and --data-dir name an MNIST-format data set on the other"
                        + " commands");
            }
        }
    }

    /** Whether to export instead of training. */
    boolean exporting() {
        return exportData != null;
    }

    void export(BeansData beans, PrintStream out) {
        if (exportData.toString().equals("-")) {
            out.print(BeansCsv.toCsv(beans));
            return;
        }
        boolean exists = Files.exists(exportData, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(exportData);
        if (exists && !force) {
            throw new FixableProblem(exportData + " already exists; give --force to replace it, another file name, or"
                    + " '-' for standard output");
        }
        if (exists && !Files.isRegularFile(exportData, LinkOption.NOFOLLOW_LINKS)) {
            throw new FixableProblem(exportData + " is not a regular file (a link, a device or a folder); --export-points"
                    + " replaces only regular files: give another file name, or '-' for standard output");
        }
        Path folder = exportData.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new FixableProblem("cannot write " + exportData + ": the folder " + folder + " does not exist; create"
                    + " it or choose a file in another folder");
        }
        try {
            BeansCsv.write(beans, exportData);
        } catch (IOException e) {
            throw new FixableProblem("cannot write " + exportData + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); choose a file in a folder you can write to", e);
        }
        out.println("wrote " + beans.size() + " points (" + beans.source() + ") to " + exportData);
        out.println("train on them with: cnn-vs-mlp beans --points " + exportData);
    }
}
