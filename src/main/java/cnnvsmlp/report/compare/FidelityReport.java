package cnnvsmlp.report.compare;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.report.chart.EpochAxis;

/**
 * The project's test-accuracy curves against PyTorch's ({@code ../shared/bench/torch_reference.py}) for the same
 * configuration and several seeds: one chart per model, and a statement of whether the project's curves lie inside
 * PyTorch's spread.
 */
public final class FidelityReport {

    public static final String PNG = "fidelity.png";
    public static final String MARKDOWN = "fidelity.md";
    public static final String JSON = "fidelity.json";
    private static final Pattern RESULT = Pattern.compile("^RESULT fw=torch .*\\bepoch=(\\d+) .*\\btest_acc=([0-9.]+)");

    /** Test accuracy per epoch (index 0: epoch 1) of each seed of one framework. */
    public record Curves(String framework, Map<Long, double[]> bySeed) {
    }

    /**
     * One model's comparison.
     *
     * @param insideEnvelope the fraction of the project's (seed, epoch) points inside PyTorch's min-max envelope
     *     of that epoch
     * @param insideWidened the same with the envelope widened by PyTorch's own largest seed-to-seed range
     * @param verdict one sentence
     */
    public record ModelFidelity(String model, int epochs, double projectFinalMean, double projectFinalSd,
            double torchFinalMean, double torchFinalSd, double insideEnvelope, double insideWidened,
            boolean withinSpread, String verdict) {
    }

    private FidelityReport() {
    }

    /** The verdicts of {@code folder}'s fidelity.json, as fidelity-plot wrote them. */
    public static List<ModelFidelity> read(java.nio.file.Path folder) throws java.io.IOException {
        return List.of(cnnvsmlp.run.Json.MAPPER.readerFor(ModelFidelity[].class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .<ModelFidelity[]>readValue(folder.resolve(JSON).toFile()));
    }

    /** The test accuracies of a {@code torch_reference.py mnist ...} log, by epoch. */
    public static double[] readTorchLog(Path log, int epochs) {
        double[] accuracy = new double[epochs];
        int found = 0;
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = RESULT.matcher(line);
                if (m.find()) {
                    int epoch = Integer.parseInt(m.group(1));
                    if (epoch <= epochs) {
                        accuracy[epoch - 1] = Double.parseDouble(m.group(2));
                        found++;
                    }
                }
            }
        } catch (IOException e) {
            throw new FixableProblem("cannot read the PyTorch log " + log + ": " + e.getMessage(), e);
        }
        if (found < epochs) {
            throw new FixableProblem(log + " has " + found + " of " + epochs + " epochs; run"
                    + " scripts/fidelity-vs-torch.sh again (it resumes)");
        }
        return accuracy;
    }

    /**
     * The verdict rule: the project is inside PyTorch's spread when its final mean accuracy lies within two
     * standard deviations of PyTorch's (the larger of the two frameworks' standard deviations), and at least
     * 80 % of its (seed, epoch) points lie inside PyTorch's envelope widened by PyTorch's own seed range.
     */
    public static ModelFidelity compare(String model, Curves project, Curves torch) {
        int epochs = project.bySeed().values().iterator().next().length;
        double[] projectFinal = project.bySeed().values().stream().mapToDouble(c -> c[epochs - 1]).toArray();
        double[] torchFinal = torch.bySeed().values().stream().mapToDouble(c -> c[epochs - 1]).toArray();
        int inside = 0;
        int insideWidened = 0;
        int points = 0;
        double widest = 0;
        double[] low = new double[epochs];
        double[] high = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            low[e] = Double.MAX_VALUE;
            high[e] = -Double.MAX_VALUE;
            for (double[] c : torch.bySeed().values()) {
                low[e] = Math.min(low[e], c[e]);
                high[e] = Math.max(high[e], c[e]);
            }
            widest = Math.max(widest, high[e] - low[e]);
        }
        for (double[] c : project.bySeed().values()) {
            for (int e = 0; e < epochs; e++) {
                points++;
                inside += c[e] >= low[e] && c[e] <= high[e] ? 1 : 0;
                insideWidened += c[e] >= low[e] - widest && c[e] <= high[e] + widest ? 1 : 0;
            }
        }
        double pm = CompareReport.mean(projectFinal);
        double ps = CompareReport.sd(projectFinal);
        double tm = CompareReport.mean(torchFinal);
        double ts = CompareReport.sd(torchFinal);
        double fractionWidened = insideWidened / (double) points;
        boolean within = Math.abs(pm - tm) <= 2 * Math.max(ps, ts) && fractionWidened >= 0.8;
        String verdict = String.format(Locale.ROOT, "%s after %d epochs: the project %.2f %% ± %.2f, PyTorch %.2f %%"
                + " ± %.2f (%d seeds each); %.0f %% of the project's points lie inside PyTorch's seed envelope, %.0f %%"
                + " inside it widened by PyTorch's own largest seed range (%.2f points): %s.", model, epochs, 100 * pm,
                100 * ps, 100 * tm, 100 * ts, projectFinal.length, 100.0 * inside / points, 100 * fractionWidened,
                100 * widest, within ? "inside PyTorch's spread" : "NOT inside PyTorch's spread");
        return new ModelFidelity(model, epochs, pm, ps, tm, ts, inside / (double) points, fractionWidened, within,
                verdict);
    }

    /** Test accuracy per epoch: PyTorch's seeds in grey, the project's in colour, each as mean, ± sd band, seeds. */
    public static XYChart chart(String model, Curves project, Curves torch, Color colour) {
        XYChart chart = new XYChartBuilder().width(800).height(560)
                .title(model + ": PyTorch grey, this project in colour")
                .xAxisTitle("epoch").yAxisTitle("test accuracy").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // below the plot: it hides no data
        double lowest = java.util.stream.Stream.of(project, torch).flatMap(c -> c.bySeed().values().stream())
                .flatMapToDouble(java.util.Arrays::stream).min().orElse(0);
        chart.getStyler().setYAxisMin(SeedSpread.accuracyAxisMin(lowest)).setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0#");
        int epochs = 0;
        for (Curves curves : List.of(torch, project)) {
            List<double[]> x = new java.util.ArrayList<>();
            for (double[] seed : curves.bySeed().values()) {
                x.add(java.util.stream.IntStream.rangeClosed(1, seed.length).asDoubleStream().toArray());
                epochs = Math.max(epochs, seed.length);
            }
            SeedSpread.add(chart, curves.framework(), List.copyOf(curves.bySeed().keySet()), x,
                    List.copyOf(curves.bySeed().values()),
                    curves == torch ? new Color(120, 120, 120) : colour, false);
        }
        EpochAxis.endAt(chart, epochs);
        return chart;
    }

    /** The post's configuration, as the fidelity report states it. */
    public static final String POST_CONFIGURATION = "mean squared error on softmax, plain SGD 0.05, batch 2048";

    public static String markdown(List<ModelFidelity> models, String command, String date) {
        return markdown(models, command, date, POST_CONFIGURATION);
    }

    /** The report for runs of {@code configuration} (its loss, optimizer and batch, in words). */
    public static String markdown(List<ModelFidelity> models, String command, String date, String configuration) {
        StringBuilder md = new StringBuilder("# Learning dynamics: this project against PyTorch\n\n");
        md.append("The exact configuration (" + configuration + ", glorot-uniform"
                + " kernels, zero biases, reshuffled every epoch) of both MNIST models, trained by"
                + " `../shared/bench/torch_reference.py` (PyTorch 1.13) and by this project (DL4J), test accuracy on"
                + " the 10,000 test images after every epoch. The seeds set each framework's own random generators,"
                + " so the two families start from different (identically distributed) weights.\n\n");
        for (ModelFidelity m : models) {
            md.append("- ").append(m.verdict()).append('\n');
        }
        md.append("\nRule: inside the spread when the project's final mean accuracy lies within two standard deviations"
                + " (the larger of the two frameworks') of PyTorch's, and at least 80 % of its (seed, epoch) points lie"
                + " inside PyTorch's min-max envelope widened by PyTorch's own largest seed range.\n\n");
        md.append("![test accuracy per epoch](").append(PNG).append(")\n\n");
        md.append("Command: `").append(command).append("`, ").append(date).append('\n');
        return md.toString();
    }

    /** Curves from the map of seed to accuracies, in seed order. */
    public static Curves curves(String framework, Map<Long, double[]> bySeed) {
        return new Curves(framework, new LinkedHashMap<>(bySeed));
    }
}
