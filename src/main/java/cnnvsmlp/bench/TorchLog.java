package cnnvsmlp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cnnvsmlp.FixableProblem;

/**
 * The training seconds of a log of {@code scripts/torch_reference.py} (its {@code RESULT fw=torch ...}
 * lines), keyed like the project's measurements: {@code lenet5@2048}, {@code mnist-mlp@64}, {@code beans@10}. The
 * last epoch of each model and batch wins (the first one warms up).
 */
public final class TorchLog {

    private static final Pattern RESULT = Pattern.compile("^RESULT fw=torch model=(\\w+)(?: batch=(\\d+))?.*?"
            + "\\btrain_s=([0-9.]+)");

    private TorchLog() {
    }

    public static Map<String, Double> trainSeconds(Path log) {
        if (!Files.isRegularFile(log)) {
            throw new FixableProblem("no PyTorch log at " + log + "; give the torch.log that"
                    + " scripts/bench-vs-torch.sh wrote");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = RESULT.matcher(line);
                if (m.find()) {
                    String model = cnnvsmlp.model.ExperimentId.byTorchName(m.group(1))
                            .map(cnnvsmlp.model.ExperimentId::id).orElse(m.group(1));
                    String batch = m.group(2) != null ? m.group(2) : "10"; // the beans: the post's batch 10
                    seconds.put(key(model, Integer.parseInt(batch)), Double.parseDouble(m.group(3)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem("cannot read the PyTorch log " + log + " (" + e.getMessage() + "); give the"
                    + " torch.log that scripts/bench-vs-torch.sh wrote");
        }
        if (seconds.isEmpty()) {
            throw new FixableProblem(log + " has no 'RESULT fw=torch' line; give the torch.log that"
                    + " scripts/bench-vs-torch.sh wrote");
        }
        return seconds;
    }

    static String key(String model, int batchSize) {
        return model + "@" + batchSize;
    }
}
