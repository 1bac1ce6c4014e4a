package cnnvsmlp.train;

import java.io.PrintStream;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import cnnvsmlp.run.EpochResult;

/**
 * Shows a run on the console: a progress bar with ETA over all batches of all epochs (on standard error),
 * and a line per epoch on standard output, thinned out to about twenty lines for long runs.
 */
public final class ConsoleProgress implements TrainingObserver {

    private final PrintStream out;
    private final String task;
    private final boolean showBar;
    private ProgressBar bar;
    private int epochs;
    private int lineEvery;

    public ConsoleProgress(PrintStream out, String task, boolean showBar) {
        this.out = out;
        this.task = task;
        this.showBar = showBar;
    }

    @Override
    public void started(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        this.lineEvery = epochs <= 30 ? 1 : Math.max(1, epochs / 20);
        if (showBar) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax((long) epochs * batchesPerEpoch)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .setUnit(" batches", 1)
                    .build();
        }
    }

    @Override
    public void batchDone() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void epochDone(EpochResult r) {
        String line = format(r, epochs);
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, " epoch %d loss %.4f acc %.4f", r.epoch(), r.trainLoss(),
                    r.trainAccuracy()));
        }
        if (r.epoch() == 1 || r.epoch() == epochs || r.epoch() % lineEvery == 0) {
            out.println(line);
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    public static String format(EpochResult r, int epochs) {
        int width = String.valueOf(epochs).length();
        return String.format(Locale.ROOT, "epoch %" + width + "d/%d  loss %.5f  accuracy %.4f  |  eval loss %.5f"
                + "  eval accuracy %.4f  |  %.2f s", r.epoch(), epochs, r.trainLoss(), r.trainAccuracy(),
                r.testLoss(), r.testAccuracy(), r.trainSeconds() + r.evalSeconds());
    }
}
