package cnnvsmlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.notebook.NotebookExport;

/** {@code export}: the notebooks of notebooks-export/, from the newest finished runs. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes each experiment and the comparison as a Jupyter notebook (English and simplified"
                + " Chinese) from the newest finished runs: the post's walk-through, the project's source, what the"
                + " runs printed and drew.", "The main job ('all') runs it at its end."})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = TrainingOptions.DEFAULT_OUTPUT,
            description = "The results folder the runs were written to (the experiments' --output-dir)."
                    + " Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--notebooks-dir", paramLabel = "DIR", defaultValue = "notebooks-export",
            description = "Where the notebooks go (en/, zh/, README.md). Default: ${DEFAULT-VALUE}.")
    Path output;

    @Override
    public Integer call() {
        export(results, output);
        return 0;
    }

    static void export(Path results, Path output) {
        try {
            NotebookExport.write(results, output, Console.out());
        } catch (IOException e) {
            throw new FixableProblem("cannot write the notebooks to " + output + " (" + e.getMessage()
                    + "); choose another --notebooks-dir", e);
        }
    }
}
