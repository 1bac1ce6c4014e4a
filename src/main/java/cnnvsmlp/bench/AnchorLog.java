package cnnvsmlp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.ExperimentId;

/**
 * The training seconds of one anchor's log, as {@code scripts/bench-vs-torch.sh} writes them: its PyTorch 1.13
 * reference ({@code scripts/torch_reference.py}, {@code RESULT fw=torch ...} lines) or its DJL 0.36 + PyTorch 2.7.1
 * reference ({@code scripts/djl}, {@code RESULT fw=djl ...}), keyed like the project's measurements:
 * {@code lenet5@2048}, {@code mnist-mlp@64}, {@code beans@10}. The last epoch of each model and batch wins (the
 * first one warms up).
 *
 * @param anchor which program wrote the log
 * @param seconds training seconds per epoch (the beans: the whole run) by model and batch
 */
public record AnchorLog(Anchor anchor, Map<String, Double> seconds) {

    /** The two programs the project is timed against. */
    public enum Anchor {
        TORCH("torch", "PyTorch 1.13 (scripts/torch_reference.py)", "torch-N.log"),
        DJL("djl", "DJL 0.36 + PyTorch 2.7.1 (scripts/djl)", "djl-N.log");

        private final String fw;
        private final String title;
        private final String fileName;

        Anchor(String fw, String title, String fileName) {
            this.fw = fw;
            this.title = title;
            this.fileName = fileName;
        }

        /** How the chart's legend names it. */
        public String title() {
            return title;
        }
    }

    public static AnchorLog read(Path log, Anchor anchor) {
        String what = "give a " + anchor.fileName + " that scripts/bench-vs-torch.sh wrote";
        if (!Files.isRegularFile(log)) {
            throw new FixableProblem("no " + anchor.title + " log at " + log + "; " + what);
        }
        Pattern result = Pattern.compile("^RESULT fw=" + anchor.fw + " model=(\\w+)(?: batch=(\\d+))?.*?"
                + "\\btrain_s=([0-9.]+)");
        Map<String, Double> seconds = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = result.matcher(line);
                if (m.find()) {
                    String model = ExperimentId.byTorchName(m.group(1)).map(ExperimentId::id).orElse(m.group(1));
                    String batch = m.group(2) != null ? m.group(2) : "10"; // the beans: the post's batch 10
                    seconds.put(key(model, Integer.parseInt(batch)), Double.parseDouble(m.group(3)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem("cannot read the " + anchor.title + " log " + log + " (" + e.getMessage()
                    + "); " + what);
        }
        if (seconds.isEmpty()) {
            throw new FixableProblem(log + " has no 'RESULT fw=" + anchor.fw + "' line; " + what);
        }
        return new AnchorLog(anchor, seconds);
    }

    static String key(String model, int batchSize) {
        return model + "@" + batchSize;
    }
}
