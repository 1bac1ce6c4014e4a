package cnnvsmlp.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import cnnvsmlp.FixableProblem;

/** The epochs of one training run, in order; written as {@code history.csv}. */
public final class History {

    /**
     * The columns: the training loss and accuracy (Keras' means over the epoch's batches), the loss and accuracy on
     * the evaluation set after the epoch (MNIST: the 10,000 test images; the beans: their 100 training points, the
     * post having no test set; config.json's {@code evaluatedOn} names it), and the seconds of each.
     */
    public static final String CSV_HEADER =
            "epoch,train_loss,train_accuracy,eval_loss,eval_accuracy,train_seconds,eval_seconds";

    /** The header before the evaluation columns were named for what they hold: read as {@link #CSV_HEADER}. */
    static final String OLD_CSV_HEADER =
            "epoch,train_loss,train_accuracy,test_loss,test_accuracy,train_seconds,eval_seconds";

    private final List<EpochResult> epochs = new ArrayList<>();

    public void add(EpochResult result) {
        epochs.add(result);
    }

    public List<EpochResult> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public int size() {
        return epochs.size();
    }

    public EpochResult last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch has run");
        }
        return epochs.get(epochs.size() - 1);
    }

    public double totalTrainSeconds() {
        return epochs.stream().mapToDouble(EpochResult::trainSeconds).sum();
    }

    public double totalSeconds() {
        return epochs.stream().mapToDouble(e -> e.trainSeconds() + e.evalSeconds()).sum();
    }

    /** The history.csv of the run folder {@code run}; a damaged file is a problem that names it. */
    public static List<EpochResult> read(Path run) {
        Path file = run.resolve(RunFolder.HISTORY);
        try {
            return fromCsv(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem(file + " is damaged or unreadable (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); restore it from a copy, or train the run again", e);
        }
    }

    public static List<EpochResult> fromCsv(String csv) {
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty() || !(lines.get(0).equals(CSV_HEADER) || lines.get(0).equals(OLD_CSV_HEADER))) {
            throw new IllegalArgumentException("not a history.csv: its first line is not " + CSV_HEADER);
        }
        List<EpochResult> read = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            if (v.length != 7) {
                throw new IllegalArgumentException("history.csv line '" + line + "' does not have 7 values");
            }
            read.add(new EpochResult(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                    Double.parseDouble(v[3]), Double.parseDouble(v[4]), Double.parseDouble(v[5]),
                    Double.parseDouble(v[6])));
        }
        return read;
    }

    public String toCsv() {
        return toCsv(epochs);
    }

    public static String toCsv(List<EpochResult> epochs) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (EpochResult e : epochs) {
            csv.append(String.format(Locale.ROOT, "%d,%.8g,%.6f,%.8g,%.6f,%.4f,%.4f%n", e.epoch(), e.trainLoss(),
                    e.trainAccuracy(), e.testLoss(), e.testAccuracy(), e.trainSeconds(), e.evalSeconds()));
        }
        return csv.toString();
    }
}
