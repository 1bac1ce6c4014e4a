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
 * The project's test-accuracy curves against an anchor's, PyTorch 1.13's ({@code scripts/torch_reference.py}) or
 * DJL 0.36 + PyTorch 2.7.1's ({@code scripts/djl}), for the same configuration and several seeds: one chart per
 * model, and a statement of whether the project's curves lie inside the anchor's spread.
 */
public final class FidelityReport {

    public static final String PNG = "fidelity.png";
    public static final String MARKDOWN = "fidelity.md";
    public static final String JSON = "fidelity.json";

    /** Test accuracy per epoch (index 0: epoch 1) of each seed of one framework. */
    public record Curves(String framework, Map<Long, double[]> bySeed) {
    }

    /** Seeds per framework below which no test is made: with fewer, only differences of several sd show. */
    public static final int MIN_SEEDS = 5;
    /** The family-wise false-alarm rate over all epochs tested (Bonferroni: each epoch at ALPHA / epochs). */
    public static final double ALPHA = 0.05;
    /** The power at which the detectable difference is stated. */
    public static final double POWER = 0.8;

    /**
     * One model's comparison.
     *
     * @param seeds the seeds of each framework
     * @param worstEpoch the epoch whose Welch test gave the smallest p-value
     * @param worstP that p-value (two-sided, unadjusted)
     * @param threshold the p-value below which an epoch fails: {@link #ALPHA} / epochs
     * @param detectable the difference in accuracy (a fraction) that the test at the last epoch finds with
     *     probability {@link #POWER}, from the two frameworks' seed spreads there
     * @param withinSpread true when no epoch's test fails
     * @param verdict one sentence
     */
    public record ModelFidelity(String model, int epochs, double projectFinalMean, double projectFinalSd,
            double torchFinalMean, double torchFinalSd, int seeds, int worstEpoch, double worstP, double threshold,
            double detectable, boolean withinSpread, String verdict) {
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
        return readLog(log, epochs, "torch");
    }

    /**
     * The test accuracies of an anchor's log by epoch: its {@code RESULT fw=FW ... epoch=N ... test_acc=A} lines
     * ({@code torch}: scripts/torch_reference.py, {@code djl}: scripts/djl).
     */
    public static double[] readLog(Path log, int epochs, String fw) {
        Pattern result = Pattern.compile("^RESULT fw=" + Pattern.quote(fw) + " .*\\bepoch=(\\d+) .*\\btest_acc=([0-9.]+)");
        double[] accuracy = new double[epochs];
        int found = 0;
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = result.matcher(line);
                if (m.find()) {
                    int epoch = Integer.parseInt(m.group(1));
                    if (epoch <= epochs) {
                        accuracy[epoch - 1] = Double.parseDouble(m.group(2));
                        found++;
                    }
                }
            }
        } catch (IOException e) {
            throw new FixableProblem("cannot read the " + fw + " log " + log + ": " + e.getMessage(), e);
        }
        if (found < epochs) {
            throw new FixableProblem(log + " has " + found + " of " + epochs + " epochs; run"
                    + " scripts/fidelity-vs-torch.sh again (it resumes)");
        }
        return accuracy;
    }

    /**
     * The verdict rule: at every epoch, Welch's two-sample t-test of the project's seed accuracies against the anchor's
     * (the two families start from different random weights, so their means should agree and their spreads may
     * differ); the project fails when any epoch's two-sided p-value is below {@link #ALPHA} divided by the number
     * of epochs (Bonferroni: a faithful project fails with probability at most 5 % over the whole curve). Refused
     * with fewer than {@link #MIN_SEEDS} seeds a side. The verdict states the difference the last epoch's test
     * would find.
     */
    public static ModelFidelity compare(String model, Curves project, Curves torch) {
        int seeds = Math.min(project.bySeed().size(), torch.bySeed().size());
        if (seeds < MIN_SEEDS) {
            throw new IllegalArgumentException(model + ": " + project.bySeed().size() + " project and "
                    + torch.bySeed().size() + " " + torch.framework() + " seeds; the check needs " + MIN_SEEDS
                    + " a side");
        }
        int epochs = project.bySeed().values().iterator().next().length;
        double threshold = ALPHA / epochs;
        int worstEpoch = 1;
        double worstP = 2;
        for (int e = 0; e < epochs; e++) {
            double p = welchP(column(project, e), column(torch, e));
            if (p < worstP) {
                worstP = p;
                worstEpoch = e + 1;
            }
        }
        double[] projectFinal = column(project, epochs - 1);
        double[] torchFinal = column(torch, epochs - 1);
        double pm = CompareReport.mean(projectFinal);
        double ps = CompareReport.sd(projectFinal);
        double tm = CompareReport.mean(torchFinal);
        double ts = CompareReport.sd(torchFinal);
        double detectable = detectable(projectFinal, torchFinal, threshold);
        boolean within = worstP >= threshold;
        String anchor = torch.framework();
        String verdict = String.format(Locale.ROOT, "%s after %d epochs: the project %.2f %% ± %.2f, %s %.2f %%"
                + " ± %.2f (%d and %d seeds); Welch's test at every epoch, the smallest p %.3g at epoch %d against"
                + " the threshold %.2g (5 %% over %d epochs); at epoch %d it would find a difference of %.2f points"
                + " (power 80 %%): %s.", model, epochs, 100 * pm, 100 * ps, anchor, 100 * tm, 100 * ts, projectFinal.length,
                torchFinal.length, worstP, worstEpoch, threshold, epochs, epochs, 100 * detectable,
                within ? "no epoch differs from " + anchor + "'s" : "DIFFERS from " + anchor + "'s at epoch " + worstEpoch);
        return new ModelFidelity(model, epochs, pm, ps, tm, ts, seeds, worstEpoch, worstP, threshold, detectable,
                within, verdict);
    }

    /** Welch's two-sided p-value; two spreads of 0 give 1 for equal means and 0 otherwise. */
    static double welchP(double[] a, double[] b) {
        double va = CompareReport.sd(a);
        double vb = CompareReport.sd(b);
        if (va == 0 && vb == 0) {
            return CompareReport.mean(a) == CompareReport.mean(b) ? 1 : 0;
        }
        return new org.apache.commons.math3.stat.inference.TTest().tTest(a, b);
    }

    /**
     * The difference of means that Welch's test at level {@code alpha} finds with probability {@link #POWER}:
     * (t(1 - alpha / 2) + t(POWER)) times the standard error, on Welch-Satterthwaite's degrees of freedom.
     */
    static double detectable(double[] a, double[] b, double alpha) {
        double qa = Math.pow(CompareReport.sd(a), 2) / a.length;
        double qb = Math.pow(CompareReport.sd(b), 2) / b.length;
        double se = Math.sqrt(qa + qb);
        if (se == 0) {
            return 0;
        }
        double df = (qa + qb) * (qa + qb) / (qa * qa / (a.length - 1) + qb * qb / (b.length - 1));
        org.apache.commons.math3.distribution.TDistribution t =
                new org.apache.commons.math3.distribution.TDistribution(null, df);
        return (t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(POWER)) * se;
    }

    private static double[] column(Curves curves, int epoch) {
        return curves.bySeed().values().stream().mapToDouble(c -> c[epoch]).toArray();
    }

    /** Test accuracy per epoch: the anchor's seeds in grey, the project's in colour, each as mean, ± sd band, seeds. */
    public static XYChart chart(String model, Curves project, Curves torch, Color colour) {
        XYChart chart = new XYChartBuilder().width(800).height(560)
                .title(model + ": " + torch.framework() + " grey, this project in colour")
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
        return markdown(models, command, date, configuration, "PyTorch", "`scripts/torch_reference.py` (PyTorch 1.13)");
    }

    /** The same against the anchor {@code anchor}, the program {@code program} (its script and version, in words). */
    public static String markdown(List<ModelFidelity> models, String command, String date, String configuration,
            String anchor, String program) {
        StringBuilder md = new StringBuilder("# Learning dynamics: this project against " + anchor + "\n\n");
        md.append("The exact configuration (" + configuration + ", glorot-uniform"
                + " kernels, zero biases, reshuffled every epoch) of both MNIST models, trained by "
                + program + " and by this project (DL4J), test accuracy on"
                + " the 10,000 test images after every epoch. The seeds set each framework's own random generators,"
                + " so the two families start from different (identically distributed) weights.\n\n");
        for (ModelFidelity m : models) {
            md.append("- ").append(m.verdict()).append('\n');
        }
        md.append("\nRule: at every epoch, Welch's two-sample t-test of the two frameworks' seed accuracies (at least "
                + MIN_SEEDS + " seeds a side); the project differs from " + anchor + " when any epoch's p-value is below 0.05"
                + " divided by the number of epochs (Bonferroni: a faithful implementation fails with probability at"
                + " most 5 %). The detectable difference says how small a difference the last epoch's test would"
                + " still find, at 80 % power: a pass says no more than that.\n\n");
        md.append("![test accuracy per epoch](").append(PNG).append(")\n\n");
        md.append("Command: `").append(command).append("`, ").append(date).append('\n');
        return md.toString();
    }

    /** Curves from the map of seed to accuracies, in seed order. */
    public static Curves curves(String framework, Map<Long, double[]> bySeed) {
        return new Curves(framework, new LinkedHashMap<>(bySeed));
    }
}
