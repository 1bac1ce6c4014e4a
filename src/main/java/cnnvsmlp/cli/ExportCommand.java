package cnnvsmlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.notebook.NotebookExport;

/** {@code export}: the notebooks of notebooks-export/, executed. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Executes each experiment and the comparison as a Java notebook (English and simplified"
                + " Chinese) through JShell, with the project on the class path, and writes the cells with what they"
                + " printed and drew: the beans for the post's 5000 epochs, each MNIST model for 100, the 6-layer"
                + " MLP for 3 (about 10 minutes on 2 cores); the comparison notebook reads the strongest comparison in the results folder."})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = TrainingOptions.DEFAULT_OUTPUT,
            description = "The results folder whose strongest comparison the comparison notebook reads (the"
                    + " experiments' --output-dir). Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--notebooks-dir", paramLabel = "DIR", defaultValue = "notebooks-export",
            description = "Where the notebooks go (en/, zh/, README.md). Default: ${DEFAULT-VALUE}.")
    Path output;

    /** The sessions' JVM options: the memory settings of the command line's own JVM. */
    static final List<String> SESSION_OPTIONS = List.of("-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=3g",
            "-XX:+UseParallelGC");

    @Override
    public Integer call() {
        if (!Files.isDirectory(results)) {
            throw new FixableProblem("no results folder " + results + " (no such folder); nothing written to "
                    + output + ". Give --output-dir the results folder the comparisons went to (the experiments'"
                    + " --output-dir)");
        }
        try {
            NotebookExport.write(results, output, NotebookExport.Budget.MAIN_JOB, Path.of("").toAbsolutePath(),
                    NotebookExport.ownClassPath(), SESSION_OPTIONS, Console.out());
        } catch (IOException e) {
            throw new FixableProblem("cannot write the notebooks to " + output + " (" + e.getMessage()
                    + "); choose another --notebooks-dir", e);
        }
        return 0;
    }
}
