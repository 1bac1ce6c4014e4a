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

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
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
import cnnvsmlp.run.ModelZip;
import cnnvsmlp.run.RunFolder;

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

    @Option(names = "--point", paramLabel = "X1,X2", description = "A point for a beans model (repeatable).")
    List<String> points = new ArrayList<>();

    @Option(names = "--show", paramLabel = "DIR",
            description = "Also write the 28x28 input the network saw for each picture to DIR/<picture>.28x28.png.")
    Path show;

    @Override
    public Integer call() {
        MultiLayerNetwork net = load();
        FeedForwardLayer first = (FeedForwardLayer) net.getLayerWiseConfigurations().getConf(0).getLayer();
        boolean cnn = first instanceof ConvolutionLayer;
        if (!cnn && first.getNIn() == 2) {
            return beans(net, Console.out());
        }
        if (!cnn && first.getNIn() != DigitImage.SIDE * DigitImage.SIDE) {
            throw new FixableProblem(model + " takes " + first.getNIn() + " inputs: neither the post's MNIST models nor"
                    + " its beans MLP");
        }
        if (images.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give one or more pictures of digits to classify");
        }
        int failed = 0;
        for (Path image : images) {
            failed += digit(net, cnn, image, Console.out(), Console.err()) ? 0 : 1;
        }
        return failed == 0 ? 0 : Main.EXIT_PROBLEM;
    }

    private MultiLayerNetwork load() {
        Path file = Files.isDirectory(model) ? model.resolve(RunFolder.MODEL) : model;
        if (!Files.isRegularFile(file)) {
            throw new FixableProblem("no model at " + file + "; give --model a run folder that finished (it holds"
                    + " model.zip) or a model.zip");
        }
        try {
            return ModelZip.restore(file);
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem(file + " is not a model this program can read (" + e.getClass().getSimpleName()
                    + "); give --model a model.zip that cnn-vs-mlp or DL4J wrote", e);
        }
    }

    /** Prints one picture's digit and top 3, or one line saying why it could not; false for the latter. */
    private boolean digit(MultiLayerNetwork net, boolean cnn, Path image, PrintStream out, PrintStream err) {
        BufferedImage picture;
        try {
            picture = Files.isRegularFile(image) ? ImageIO.read(image.toFile()) : null;
        } catch (IOException | RuntimeException e) {
            picture = null;
        }
        if (picture == null) {
            err.println(image + ": " + (Files.isRegularFile(image) ? "not a PNG, JPEG, BMP or GIF picture"
                    : "no such file") + "; skipped");
            return false;
        }
        float[] pixels = DigitImage.prepare(picture);
        INDArray x = Nd4j.create(pixels).castTo(DataType.FLOAT).div(255);
        INDArray p = net.output(cnn ? x.reshape(1, 28, 28, 1) : x.reshape(1, 784), false);
        List<Integer> top = IntStream.range(0, 10).boxed()
                .sorted(Comparator.comparingDouble((Integer d) -> -p.getDouble(0, d))).limit(3).toList();
        out.println(image + ": " + top.get(0) + "  (top 3: " + String.join(", ", top.stream().map(d -> String.format(
                Locale.ROOT, "%d %.1f %%", d, 100 * p.getDouble(0, d))).toList()) + ")");
        if (show != null) {
            try {
                Files.createDirectories(show);
                ImageIO.write(DigitImage.picture(pixels), "png", show.resolve(image.getFileName() + ".28x28.png")
                        .toFile());
            } catch (IOException e) {
                err.println(image + ": cannot write its 28x28 input into " + show + " (" + e.getMessage() + ")");
            }
        }
        return true;
    }

    private int beans(MultiLayerNetwork net, PrintStream out) {
        if (points.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "a beans model classifies points: give --point x1,x2");
        }
        for (String point : points) {
            String[] xy = point.split(",");
            double[] values = new double[2];
            try {
                if (xy.length != 2) {
                    throw new NumberFormatException();
                }
                values[0] = Double.parseDouble(xy[0].trim());
                values[1] = Double.parseDouble(xy[1].trim());
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--point takes two numbers x1,x2, got '" + point + "'");
            }
            double p = net.output(Nd4j.create(new float[][] {{(float) values[0], (float) values[1]}}), false)
                    .getDouble(0, 0);
            out.printf(Locale.ROOT, "%s: label %d  (P(label 1) = %.4f)%n", point, p >= 0.5 ? 1 : 0, p);
        }
        return 0;
    }
}
