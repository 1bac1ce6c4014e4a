package cnnvsmlp.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cnnvsmlp.experiment.Run;
import cnnvsmlp.model.KerasDefaults;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolders;

/** One finished run, as the notebooks quote it: its typed records and what it printed. */
record QuotedRun(RunFolders.Finished run, List<String> console) {

    static final int EPOCH_LINES_SHOWN = 3;

    static QuotedRun of(RunFolders.Finished run) throws IOException {
        Path console = run.folder().resolve(Run.CONSOLE);
        return new QuotedRun(run, Files.exists(console) ? Files.readAllLines(console) : List.of());
    }

    Path path() {
        return run.folder();
    }

    RunConfig config() {
        return run.config();
    }

    String folder() {
        return "results/" + path().getParent().getFileName() + "/" + path().getFileName();
    }

    String machine() {
        Map<String, String> m = config().environment().machine();
        return m.get("cpu") + ", " + m.get("cores") + " cores";
    }

    /** What every notebook's first cell says of its run. */
    Map<String, Object> introValues() {
        return Map.of("folder", folder(), "command", config().command(), "started", config().started(),
                "commit", config().environment().shortCommit(), "machine", machine(),
                "backend", config().environment().backendLine(), "epochs", config().budget().epochs(),
                "budgetSource", config().budget().source());
    }

    Map<String, Object> metadata() {
        RunConfig c = config();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("run", folder());
        meta.put("command", c.command());
        meta.put("date", c.started());
        meta.put("machine", machine());
        meta.put("backend", c.environment().backendLine());
        meta.put("budget", c.budget().epochs() + " of " + c.budget().postEpochs() + " epochs (" + c.budget().source()
                + ")");
        meta.put("seed", c.seed());
        meta.put("commit", c.environment().gitCommit() == null ? "unknown" : c.environment().gitCommit());
        meta.put("accuracy", run.metrics().accuracy());
        meta.put("learningRate", KerasDefaults.LEARNING_RATE);
        return meta;
    }

    /** DL4J's model summary, as the run printed it. */
    String summary() {
        int first = -1;
        int last = -1;
        for (int i = 0; i < console.size(); i++) {
            if (console.get(i).startsWith("=====")) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 ? "(this run kept no model summary)" : String.join("\n", console.subList(first, last + 1));
    }

    /** The run's settings lines, its first and last epoch lines, and its final lines (no model summary). */
    String brief() {
        int summaryStart = -1;
        int summaryEnd = -1;
        int firstEpoch = -1;
        int lastEpoch = -1;
        for (int i = 0; i < console.size(); i++) {
            String line = console.get(i);
            if (line.startsWith("=====")) {
                summaryStart = summaryStart < 0 ? i : summaryStart;
                summaryEnd = i;
            } else if (line.startsWith("epoch ")) {
                firstEpoch = firstEpoch < 0 ? i : firstEpoch;
                lastEpoch = i;
            }
        }
        List<String> out = new ArrayList<>();
        int headEnd = firstEpoch < 0 ? console.size() : firstEpoch;
        for (int i = 0; i < headEnd; i++) {
            if ((i < summaryStart || i > summaryEnd) && !console.get(i).isBlank()) {
                out.add(console.get(i));
            }
        }
        if (firstEpoch >= 0) {
            out.addAll(epochLines(firstEpoch, lastEpoch));
            console.subList(lastEpoch + 1, console.size()).stream().filter(l -> !l.isBlank()).forEach(out::add);
        }
        return String.join("\n", out);
    }

    private List<String> epochLines(int first, int last) {
        List<String> lines = console.subList(first, last + 1).stream().filter(l -> l.startsWith("epoch ")).toList();
        if (lines.size() <= 2 * EPOCH_LINES_SHOWN) {
            return lines;
        }
        List<String> shown = new ArrayList<>(lines.subList(0, EPOCH_LINES_SHOWN));
        shown.add("... (" + (lines.size() - 2 * EPOCH_LINES_SHOWN) + " more epoch lines in console.txt)");
        shown.addAll(lines.subList(lines.size() - EPOCH_LINES_SHOWN, lines.size()));
        return shown;
    }
}
