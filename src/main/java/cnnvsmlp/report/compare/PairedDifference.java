package cnnvsmlp.report.compare;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

import cnnvsmlp.run.EpochResult;

/**
 * LeNet-5's test accuracy minus the MLP's, seed by seed, at one epoch: the mean of these paired differences and
 * its 95 % confidence interval, mean ± t(0.975, n − 1) · sd / √n (Student's t, n − 1 degrees of freedom). With one
 * seed there is no interval. A winner is named only when the interval excludes 0.
 *
 * @param epoch the epoch of the budget the differences are taken at
 * @param seeds how many seeds, n
 * @param mean the mean difference (fraction of the test set; positive: LeNet-5 ahead)
 * @param sd the sample standard deviation of the differences (n − 1); 0 with one seed
 * @param low the interval's lower end, or null with one seed
 * @param high the interval's upper end, or null with one seed
 */
public record PairedDifference(int epoch, int seeds, double mean, double sd, Double low, Double high) {

    /** The confidence level of every interval the project reports. */
    public static final double CONFIDENCE = 0.95;

    /** The paired differences {@code cnn[i] - mlp[i]} at {@code epoch}. */
    public static PairedDifference of(int epoch, double[] mlp, double[] cnn) {
        if (mlp.length != cnn.length || mlp.length == 0) {
            throw new IllegalArgumentException("need one accuracy of each model per seed: " + mlp.length + " and "
                    + cnn.length);
        }
        double[] d = new double[mlp.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = cnn[i] - mlp[i];
        }
        double mean = CompareReport.mean(d);
        if (d.length < 2) {
            return new PairedDifference(epoch, 1, mean, 0, null, null);
        }
        double sd = CompareReport.sd(d);
        double half = tQuantile(d.length - 1) * sd / Math.sqrt(d.length);
        return new PairedDifference(epoch, d.length, mean, sd, mean - half, mean + half);
    }

    /** Student's t quantile for a two-sided {@link #CONFIDENCE} interval: 12.71 for 1 degree of freedom, 4.30 for 2. */
    public static double tQuantile(int degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    public boolean hasInterval() {
        return low != null;
    }

    /** Whether the interval lies wholly above or below 0: only then is one model named ahead. */
    public boolean excludesZero() {
        return hasInterval() && (low > 0 || high < 0);
    }

    /**
     * Per seed, the first epoch from which LeNet-5's test accuracy stays above the MLP's to the end of the run, or
     * null when it is not ahead at the last epoch (never reached, or reached and lost).
     */
    public static Integer crossover(List<EpochResult> mlp, List<EpochResult> cnn) {
        int n = Math.min(mlp.size(), cnn.size());
        Integer from = null;
        for (int i = n - 1; i >= 0; i--) {
            if (cnn.get(i).testAccuracy() > mlp.get(i).testAccuracy()) {
                from = cnn.get(i).epoch();
            } else {
                break;
            }
        }
        return from;
    }

    /** The epochs at which a comparison of {@code epochs} epochs reports the difference: about ten, and the last. */
    public static List<Integer> reportedEpochs(int epochs) {
        List<Integer> reported = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(epochs / 10.0));
        for (int e = step; e < epochs; e += step) {
            reported.add(e);
        }
        reported.add(epochs);
        return reported;
    }
}
