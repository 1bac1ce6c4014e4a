package cnnvsmlp.experiment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.report.chart.LearningCurves;
import cnnvsmlp.report.compare.CompareReport;
import cnnvsmlp.report.compare.CompareReport.ModelRun;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.run.RunFolders;

/**
 * Draws the curves of the runs and the charts of the comparisons in a results folder again, with this code, from
 * their files (history.csv, config.json, summary.json): what {@code index --redraw} does after the pictures change.
 * Numbers, summaries and the pictures only a trained model can draw (surface, confusion, digits) are left as they are.
 */
public final class Redraw {

    private Redraw() {
    }

    /** Redraws every run's accuracy.png and loss.png and every comparison's charts; returns how many folders. */
    public static int all(Path results, PrintStream console) {
        int drawn = 0;
        for (ExperimentId id : ExperimentId.values()) {
            for (Path run : RunFolders.folders(results.resolve(id.id()))) {
                drawn += run(run, console) ? 1 : 0;
            }
        }
        for (Path folder : RunFolders.folders(results.resolve(Comparison.FOLDER))) {
            drawn += comparison(folder, console) ? 1 : 0;
        }
        return drawn;
    }

    /** The learning curves of the run folder {@code run}, from its history so far; false when it has none. */
    static boolean run(Path run, PrintStream console) {
        try {
            RunConfig config = RunConfig.read(run);
            List<EpochResult> epochs = RunFolders.historySoFar(run);
            if (epochs.isEmpty()) {
                return false;
            }
            History history = new History();
            epochs.forEach(history::add);
            LearningCurves.draw(run, history, config.model(), datasetTitle(config), config.evaluatedOn(),
                    Recipe.fromHyperParameters(config.hyperParameters()).loss().keras());
            return true;
        } catch (FixableProblem e) {
            console.println("not redrawn: " + e.getMessage());
            return false;
        }
    }

    /** The title of the run's data set when it is not the post's MNIST ("Fashion-MNIST"), else null. */
    static String datasetTitle(RunConfig config) {
        return config.datasetId() == null || config.datasetId().equals("mnist") ? null
                : cnnvsmlp.data.Dataset.byId(config.datasetId()).map(cnnvsmlp.data.Dataset::title)
                        .orElse(config.datasetId());
    }

    /** The charts of the comparison in {@code folder}, from its summary and its runs' histories. */
    static boolean comparison(Path folder, PrintStream console) {
        if (!Files.exists(folder.resolve(CompareReport.SUMMARY_JSON))) {
            return false; // in progress: its charts come when it finishes
        }
        try {
            CompareReport.Summary s = CompareReport.readSummary(folder);
            Comparison.drawCharts(s, folder, modelRuns(folder, s, s.mlp()), modelRuns(folder, s, s.cnn()));
            return true;
        } catch (FixableProblem e) {
            console.println("not redrawn: " + folder + ": " + e.getMessage());
            return false;
        }
    }

    private static List<ModelRun> modelRuns(Path folder, CompareReport.Summary s, CompareReport.ModelSummary m) {
        if (m.runs() == null || m.runs().size() != m.seeds().size()) {
            throw new FixableProblem("its summary.json does not name a run per seed");
        }
        List<ModelRun> runs = new ArrayList<>();
        for (int i = 0; i < m.seeds().size(); i++) {
            String named = CompareReport.runFolderOf(m.runs().get(i));
            Path run = ComparisonRuns.located(folder, named);
            if (!Files.exists(run.resolve(RunFolder.HISTORY))) {
                throw new FixableProblem("its run " + m.runs().get(i) + " has no history.csv here");
            }
            List<EpochResult> all = History.read(run);
            List<EpochResult> epochs = all.subList(0, Math.min(all.size(), s.epochs()));
            runs.add(new ModelRun(m.model(), m.seeds().get(i), epochs, epochs.get(epochs.size() - 1).testAccuracy(),
                    named, false, RunConfig.read(run).timeNotComparable()));
        }
        return runs;
    }
}
