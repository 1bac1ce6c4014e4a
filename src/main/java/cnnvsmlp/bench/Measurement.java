package cnnvsmlp.bench;

/**
 * The speed of one model at one batch size.
 *
 * @param model experiment id
 * @param batchSize batch size
 * @param kernels the OpenBLAS core in use
 * @param measuredExamples training examples timed (after a warm-up epoch over the same examples)
 * @param trainSecondsPerEpoch seconds per 60,000-example epoch (for the beans: all epochs measured)
 * @param evalSeconds seconds to evaluate the 10,000 test images (beans: the 100 points, once)
 * @param examplesPerSecond training examples per second
 * @param gflops achieved training GFLOP/s (three forward passes per example)
 * @param peakFraction gflops over the machine's nominal fp32 peak
 * @param peakResidentMiB peak resident memory of the measuring JVM
 * @param postBudgetHours the estimated hours of the post's full budget (5000 epochs, each evaluated) at this
 *     speed
 */
public record Measurement(String model, int batchSize, String kernels, long measuredExamples,
        double trainSecondsPerEpoch, double evalSeconds, double examplesPerSecond, double gflops, double peakFraction,
        double peakResidentMiB, double postBudgetHours) {
}
