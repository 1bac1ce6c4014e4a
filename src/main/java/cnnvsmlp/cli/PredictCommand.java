package cnnvsmlp.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.data.DigitImage;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.experiment.SavedModel;

/** {@code predict}: what a trained model says of the user's own digits, or of points for the beans. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classifies pictures of single digits (PNG, JPEG, BMP or GIF, any size and colour) with a trained"
                + " MNIST model, prepared as MNIST's digits were: grey, light ink on dark (dark on light is inverted),"
                + " the digit scaled into 20x20 and centred by its centre of mass in 28x28. Prints the digit and the"
                + " top 3 probabilities. With a beans model: the probability of label 1 for points x1,x2.",
                "Example: cnn-vs-mlp predict --model results/lenet5/<run> my-seven.png"})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN|FILE",
            description = "A run folder (its model.zip is used) or a model.zip.")
    Path model;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Pictures of digits (for an MNIST model).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--point", paramLabel = "X1,X2", description = "A point for a beans model (repeatable). Default: none.")
    List<String> points = new ArrayList<>();

    @Option(names = "--points", paramLabel = "CSV",
            description = "A CSV file of points x1,x2 (a header line and a third column, e.g. a label, are ignored)"
                    + " for a beans model. Default: none.")
    Path pointsFile;

    @Option(names = "--show", paramLabel = "DIR",
            description = "Also write the 28x28 input the network saw for each picture to DIR/<picture>.28x28.png."
                    + " Default: none.")
    Path show;

    @Override
    public Integer call() {
        SavedModel saved = SavedModel.load(model);
        if (!saved.experiment().usesMnist()) {
            if (!images.isEmpty()) {
                throw new ParameterException(spec.commandLine(), saved.file() + " is the beans MLP, which classifies"
                        + " points (--point x1,x2), not pictures");
            }
            return beans(saved.network(), Console.out());
        }
        if (!points.isEmpty() || pointsFile != null) {
            throw new ParameterException(spec.commandLine(), saved.file() + " is an MNIST model: give pictures of"
                    + " digits, not --point or --points");
        }
        if (images.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give one or more pictures of digits to classify");
        }
        int failed = 0;
        cnnvsmlp.data.Dataset dataset = DatasetOption.ofRun(model); // a Fashion-MNIST run answers with class names
        for (Path image : images) {
            failed += digit(saved, dataset, image, Console.out(), Console.err()) ? 0 : 1;
        }
        return failed == 0 ? 0 : Main.EXIT_PROBLEM;
    }

    /**
     * Prints one picture's digit (or {@code dataset}'s class) and top 3, or one line saying why it could not; false
     * for the latter.
     */
    private boolean digit(SavedModel saved, cnnvsmlp.data.Dataset dataset, Path image, PrintStream out,
            PrintStream err) {
        String problem = Pictures.problem(image);
        BufferedImage picture = null;
        if (problem == null) {
            try {
                picture = ImageIO.read(image.toFile());
            } catch (IOException | RuntimeException e) {
                picture = null;
            }
            problem = picture == null || picture.getWidth() == 0 ? "not a PNG, JPEG, BMP or GIF picture" : null;
        }
        if (problem != null) {
            err.println(image + ": " + problem + "; skipped");
            return false;
        }
        float[] pixels = DigitImage.prepare(picture);
        if (!DigitImage.hasInk(pixels)) {
            err.println(image + ": no ink: every pixel is the same shade (transparent ones count as white paper), so"
                    + " there is no digit to read; give a picture of a digit, dark on light or light on dark; skipped");
            return false;
        }
        INDArray p = saved.network().output(saved.input(pixels), false);
        List<Integer> top = IntStream.range(0, 10).boxed()
                .sorted(Comparator.comparingDouble((Integer d) -> -p.getDouble(0, d))).limit(3).toList();
        out.println(image + ": " + dataset.label(top.get(0)) + "  (top 3: " + String.join(", ", top.stream().map(d ->
                String.format(Locale.ROOT, "%s %.1f %%", dataset.label(d), 100 * p.getDouble(0, d))).toList()) + ")");
        if (show != null) {
            try {
                Files.createDirectories(show);
                ImageIO.write(DigitImage.picture(pixels), "png", show.resolve(shownName(image)).toFile());
            } catch (IOException e) {
                err.println(image + ": cannot write its 28x28 input into " + show + " (" + e.getMessage() + ")");
            }
        }
        return true;
    }

    /** The names --show wrote in this command: two pictures of one name in different folders get two files. */
    private final java.util.Set<String> shown = new java.util.HashSet<>();

    /** {@code x.png.28x28.png}, or {@code x.png-2.28x28.png} for a second picture named x.png. */
    private String shownName(Path image) {
        String base = image.getFileName().toString();
        String name = base + ".28x28.png";
        for (int n = 2; !shown.add(name); n++) {
            name = base + "-" + n + ".28x28.png";
        }
        return name;
    }

    /** Why {@code image} cannot be read as a picture before decoding it (missing, too many pixels), or null. */
    static final class Pictures {
        /** Pictures larger than this are refused before they are decoded (a 50-megapixel photo needs 400 MB). */
        static final long MAX_PIXELS = 25_000_000L;

        private Pictures() {
        }

        static String problem(Path image) {
            if (!Files.isRegularFile(image)) {
                if (Files.isDirectory(image)) {
                    return "a folder, not a picture; give the pictures in it (e.g. " + image + "/*.png)";
                }
                if (Files.isSymbolicLink(image)) {
                    return "a link that leads to no file (broken, or a loop of links)";
                }
                return Files.exists(image, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "not a regular file (a device"
                        + " or a pipe)" : "no such file";
            }
            try (var in = ImageIO.createImageInputStream(image.toFile())) {
                long pixels = DigitImage.declaredPixels(in);
                if (pixels < 0) {
                    return "not a PNG, JPEG, BMP or GIF picture";
                }
                if (pixels == 0) {
                    return "a picture of no pixels";
                }
                return pixels > MAX_PIXELS ? String.format(Locale.ROOT, "%,d pixels, more than the %,d this reads;"
                        + " crop or shrink it to the digit", pixels, MAX_PIXELS) : null;
            } catch (IOException | RuntimeException e) {
                return "not a PNG, JPEG, BMP or GIF picture";
            }
        }
    }

    /** The points of --point and --points, in order; a bad line of the file is one line naming it. */
    private List<String> allPoints() {
        List<String> all = new ArrayList<>(points);
        if (pointsFile != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(pointsFile);
            } catch (IOException e) {
                throw new FixableProblem("cannot read " + pointsFile + " (" + e.getClass().getSimpleName() + "); give"
                        + " --points a CSV file of x1,x2 lines");
            }
            for (int i = 0; i < lines.size(); i++) {
                String[] cells = lines.get(i).strip().split(",");
                if (lines.get(i).isBlank() || i == 0 && !cells[0].strip().matches("[-+0-9.eE]+")) {
                    continue; // a blank line, or a header
                }
                if (cells.length < 2) {
                    throw new FixableProblem(pointsFile + " line " + (i + 1) + " is not x1,x2: '" + lines.get(i) + "'");
                }
                all.add(cells[0].strip() + "," + cells[1].strip());
            }
        }
        return all;
    }

    private int beans(MultiLayerNetwork net, PrintStream out) {
        List<String> all = allPoints();
        if (all.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "a beans model classifies points: give --point x1,x2 or"
                    + " --points FILE");
        }
        for (String point : all) {
            String[] xy = point.split(",");
            double[] values = new double[2];
            try {
                if (xy.length != 2) {
                    throw new NumberFormatException();
                }
                values[0] = Double.parseDouble(xy[0].trim());
                values[1] = Double.parseDouble(xy[1].trim());
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "a point is two numbers x1,x2, got '" + point + "'");
            }
            double p = net.output(Nd4j.create(new float[][] {{(float) values[0], (float) values[1]}}), false)
                    .getDouble(0, 0);
            out.printf(Locale.ROOT, "%s: label %d  (P(label 1) = %.4f)%n", point, p >= 0.5 ? 1 : 0, p);
        }
        return 0;
    }
}
