package cnnvsmlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.experiment.Redraw;
import cnnvsmlp.experiment.RunContext;
import cnnvsmlp.report.index.ResultsIndex;

/** {@code index}: the results folder's README.md, written again from what the folder holds. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Writes the results folder's README.md again from the runs and comparisons it holds (every run"
                + " and comparison writes it when it ends; this is for runs copied in from elsewhere, or after a run"
                + " ended by an older version). Trains nothing."})
final class IndexCommand implements Callable<Integer> {

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = TrainingOptions.DEFAULT_OUTPUT,
            description = "The results folder. Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--redraw", description = "Also draw every run's learning curves and every comparison's charts"
            + " again with this version, from their history.csv and summary.json (numbers are not touched).")
    boolean redraw;

    @Override
    public Integer call() {
        if (!Files.isDirectory(results) || !ResultsIndex.isResultsFolder(results)) {
            throw new FixableProblem(results + " is not a results folder (no runs, comparisons or README.md in it);"
                    + " give --output-dir the folder the experiments wrote to");
        }
        if (redraw) {
            Console.out().println("redrawn: " + Redraw.all(results, Console.out()) + " run and comparison folders");
        }
        ResultsIndex.write(results, Console.out());
        Console.out().println("index: " + results.resolve(ResultsIndex.FILE));
        return 0;
    }

    /**
     * Runs {@code work} (training one run, the main job's three or a comparison), then writes the index of
     * {@code context}'s results folder once, however the work ended: finished, interrupted, diverged, refused.
     */
    static void thenIndex(RunContext context, Runnable work) {
        try {
            work.run();
        } finally {
            if (Files.isDirectory(context.outputDir()) && ResultsIndex.isResultsFolder(context.outputDir())) {
                ResultsIndex.write(context.outputDir(), context.console());
            }
        }
    }
}
