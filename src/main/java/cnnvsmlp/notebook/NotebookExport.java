package cnnvsmlp.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cnnvsmlp.report.Prose;
import cnnvsmlp.report.ResultsIndex;
import cnnvsmlp.run.AtomicFiles;
import cnnvsmlp.run.RunFolders;

/**
 * {@code notebooks-export/}: each experiment and the comparison as a Jupyter notebook, in English and in
 * simplified Chinese, built from the newest finished runs in a results folder: the post's walk-through in the
 * project's words, the project's real source (extracted from the build), what the run printed and the pictures
 * it drew, and the run's configuration in the metadata.
 */
public final class NotebookExport {

    /** The two languages of every notebook. */
    public enum Lang {
        EN("en", "English"),
        ZH("zh", "简体中文");

        final String folder;
        final String label;

        Lang(String folder, String label) {
            this.folder = folder;
            this.label = label;
        }

    }

    public static final String BEANS = "1-beans.ipynb";
    public static final String MNIST_MLP = "2-mnist-mlp.ipynb";
    public static final String LENET5 = "3-lenet5.ipynb";
    public static final String COMPARE = "4-compare.ipynb";

    private NotebookExport() {
    }

    /** Writes every notebook whose run exists in {@code results} into {@code output}; returns the files written. */
    public static List<Path> write(Path results, Path output, PrintStream out) throws IOException {
        List<Path> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Optional<RunFolders.Finished> beans = newest(results, "beans", skipped);
        Optional<RunFolders.Finished> mlp = newest(results, "mnist-mlp", skipped);
        Optional<RunFolders.Finished> lenet5 = newest(results, "lenet5", skipped);
        Optional<Path> compare = ResultsIndex.bestComparison(results, skipped);
        for (Lang lang : Lang.values()) {
            Path dir = output.resolve(lang.folder);
            Files.createDirectories(dir);
            if (beans.isPresent()) {
                written.add(save(RunNotebooks.beans(lang, beans.get()), dir.resolve(BEANS)));
            }
            if (mlp.isPresent()) {
                written.add(save(RunNotebooks.mnist(lang, mlp.get(), false), dir.resolve(MNIST_MLP)));
            }
            if (lenet5.isPresent()) {
                written.add(save(RunNotebooks.mnist(lang, lenet5.get(), true), dir.resolve(LENET5)));
            }
            if (compare.isPresent()) {
                written.add(save(CompareNotebook.compare(lang, compare.get()), dir.resolve(COMPARE)));
            }
        }
        List<String> index = written.stream().map(f -> output.relativize(f).toString().replace('\\', '/')).toList();
        AtomicFiles.writeString(output.resolve("README.md"), readme(index));
        skipped.forEach(line -> out.println("skipped: " + line));
        out.println("notebooks: " + written.size() + " written to " + output + (written.isEmpty()
                ? " (no finished runs in " + results + ")" : ""));
        return written;
    }

    private static Optional<RunFolders.Finished> newest(Path results, String experiment, List<String> skipped) {
        RunFolders.Scan scan = RunFolders.scan(results.resolve(experiment));
        skipped.addAll(scan.skipped());
        return scan.newest();
    }

    private static Path save(Notebook notebook, Path file) throws IOException {
        notebook.write(file);
        return file;
    }

    private static String readme(List<String> notebooks) {
        Prose prose = Prose.load("en", "readme");
        StringBuilder md = new StringBuilder(prose.get("intro")).append('\n');
        for (String notebook : notebooks) {
            String name = notebook.substring(notebook.indexOf('/') + 1);
            md.append("- [").append(notebook).append("](").append(notebook).append("): ")
                    .append(notebook.startsWith("zh/") ? "(简体中文) " : "").append(prose.get(name)).append('\n');
        }
        return md.toString();
    }
}
