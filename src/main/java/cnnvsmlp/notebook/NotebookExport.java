package cnnvsmlp.notebook;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.report.Prose;
import cnnvsmlp.report.index.ResultsIndex;
import cnnvsmlp.run.AtomicFiles;

/**
 * {@code notebooks-export/}: each experiment and the comparison as a runnable Java notebook, in English and in
 * simplified Chinese. Each notebook's cells ({@code /prose/cells/<name>.md}: Markdown by the key of its prose,
 * code shared by both languages) are executed in order in a JShell session ({@link CellRunner}) with the project on
 * the class path, and what each cell printed and returned becomes its outputs. The code of a notebook is executed
 * once and its outputs serve both languages; the comparison's, whose printed verdict is in its language, once per
 * language.
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
    public static final String MNIST_MLP6 = "5-mnist-mlp6.ipynb";

    /**
     * What the parameters cells start with.
     *
     * @param beansEpochs the beans' budget (the post's 5000)
     * @param mnistEpochs the MNIST models' budget
     * @param mlp6Epochs the 6-layer MLP's budget (its notebook trains it the modern way, about 36 s an epoch)
     * @param trainImages MNIST training images used, of 60,000
     * @param testImages MNIST test images scored, of 10,000
     * @param seed the seed of every run
     * @param dataDir MNIST's folder as the parameters cell writes it: a Java expression, {@code null} for
     *     {@code $MNIST_DIR} or the download cache
     */
    public record Budget(int beansEpochs, int mnistEpochs, int mlp6Epochs, int trainImages, int testImages,
            long seed, String dataDir) {

        /**
         * The main job's: the post's 5000 beans epochs, 100 epochs of each MNIST model on all images, seed 42; the
         * 6-layer MLP 3 epochs of the modern training (its 100 epochs would take an hour).
         */
        public static final Budget MAIN_JOB = new Budget(5000, 100, 3, 60_000, 10_000, 42, "null");

        Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("beansEpochs", beansEpochs);
            values.put("mnistEpochs", mnistEpochs);
            values.put("mlp6Epochs", mlp6Epochs);
            values.put("trainImages", trainImages);
            values.put("testImages", testImages);
            values.put("seed", seed);
            values.put("dataDir", dataDir);
            return values;
        }
    }

    private NotebookExport() {
    }

    /**
     * Executes and writes the five notebooks into {@code output} ({@code en/}, {@code zh/}, README.md), the
     * comparison's reading the strongest comparison in {@code results}; returns the files written.
     *
     * @param project the repository (the sessions read the runs' data and write into its {@code target/})
     * @param classPath the project's class path for the sessions
     * @param vmOptions more options of the sessions' JVMs
     */
    public static List<Path> write(Path results, Path output, Budget budget, Path project, List<String> classPath,
            List<String> vmOptions, PrintStream out) throws IOException {
        List<String> skipped = new ArrayList<>();
        Optional<Path> comparison = ResultsIndex.bestComparison(results, skipped);
        skipped.forEach(line -> out.println("skipped: " + line));
        Map<String, Object> values = budget.values();
        values.put("comparison", comparison.map(c -> relative(project, c)).orElse("results/compare/<id>"));
        Map<String, Object> executed = new LinkedHashMap<>();
        executed.put("commit", cnnvsmlp.runtime.RunEnvironment.readGitCommit());
        executed.put("date", Instant.now().toString().substring(0, 10));
        executed.put("machine", machine());
        List<Path> written = new ArrayList<>();
        Executor executor = new Executor(project, classPath, vmOptions, out);
        written.addAll(both(output, BEANS, executor.run("1-beans", values), values, executed));
        written.addAll(both(output, MNIST_MLP, executor.run("2-mnist-mlp", values), values, executed));
        written.addAll(both(output, LENET5, executor.run("3-lenet5", values), values, executed));
        if (comparison.isPresent()) {
            for (Lang lang : Lang.values()) {
                Map<String, Object> in = new LinkedHashMap<>(values);
                in.put("language", lang.folder);
                written.add(save(notebook(lang, COMPARE, executor.run("4-compare", in), in, executed),
                        output.resolve(lang.folder).resolve(COMPARE)));
            }
        } else {
            out.println("skipped: " + COMPARE + " (no finished comparison in " + results + ")");
        }
        written.addAll(both(output, MNIST_MLP6, executor.run("5-mnist-mlp6", values), values, executed));
        List<String> index = written.stream().map(f -> output.relativize(f).toString().replace('\\', '/')).toList();
        AtomicFiles.writeOwnString(output.resolve("README.md"), readme(index), README_MARKER);
        out.println("notebooks: " + written.size() + " executed and written to " + output);
        return written;
    }

    /** The class path of this JVM, absolute, with the libraries beside a jar that lists them in its manifest. */
    public static List<String> ownClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            entries.add(path.toString());
            Path lib = path.resolveSibling("lib");
            if (entry.endsWith(".jar") && Files.isDirectory(lib)) {
                try (var jars = Files.list(lib)) {
                    jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> entries.add(j.toString()));
                } catch (IOException e) {
                    // the manifest's Class-Path still names them
                }
            }
        }
        return entries;
    }

    /** Runs the cells of one notebook in a fresh session. */
    record Executor(Path project, List<String> classPath, List<String> vmOptions, PrintStream out) {

        /** The cells of notebook {@code name} with {@code values}, and each code cell's outputs. */
        Executed run(String name, Map<String, Object> values) throws IOException {
            Prose cells = Prose.load("cells", name);
            List<List<ObjectNode>> outputs = new ArrayList<>();
            long start = System.nanoTime();
            try (CellRunner runner = new CellRunner(classPath, project, vmOptions)) {
                int number = 0;
                for (String key : cells.names()) {
                    if (key.startsWith("code-")) {
                        outputs.add(runner.run(++number, cells.get(key, values)));
                    }
                }
            } catch (FixableProblem e) {
                throw new FixableProblem(name + ": " + e.getMessage(), e);
            }
            out.printf(java.util.Locale.ROOT, "%s: %d cells executed in %.0f s%n", name, outputs.size(),
                    (System.nanoTime() - start) / 1e9);
            return new Executed(name, cells, outputs);
        }
    }

    /** A notebook's cells and the outputs of its code cells, in order. */
    record Executed(String name, Prose cells, List<List<ObjectNode>> outputs) {
    }

    private static List<Path> both(Path output, String file, Executed executed, Map<String, Object> values,
            Map<String, Object> run) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            written.add(save(notebook(lang, file, executed, values, run), output.resolve(lang.folder).resolve(file)));
        }
        return written;
    }

    /** The notebook in {@code lang}: its Markdown from that language's prose, its code cells as executed. */
    static Notebook notebook(Lang lang, String file, Executed executed, Map<String, Object> values,
            Map<String, Object> run) {
        Map<String, Object> metadata = new LinkedHashMap<>(run);
        metadata.put("executed", "cnn-vs-mlp export");
        metadata.put("parameters", values);
        Notebook nb = new Notebook(lang.folder, metadata);
        List<Prose> prose = proseOf(lang, executed.name());
        Map<String, Object> text = new LinkedHashMap<>(values);
        text.put("executed", Prose.load(lang.folder, "intro").get("executed", run));
        int number = 0;
        for (String key : executed.cells().names()) {
            if (key.startsWith("code-")) {
                nb.code(executed.cells().get(key, values), number + 1, executed.outputs().get(number));
                number++;
            } else {
                String section = key.substring("md-".length());
                nb.markdown(prose.stream().filter(p -> p.names().contains(section)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no prose " + section + " for " + file))
                        .get(section, text));
            }
        }
        return nb;
    }

    /** Where a notebook's Markdown sections are looked up, in order: its own prose, MNIST's, the shared one. */
    private static List<Prose> proseOf(Lang lang, String name) {
        List<Prose> prose = new ArrayList<>(List.of(Prose.load(lang.folder, name)));
        if (name.equals("2-mnist-mlp") || name.equals("3-lenet5")) {
            prose.add(Prose.load(lang.folder, "mnist"));
        }
        prose.add(Prose.load(lang.folder, "intro"));
        return prose;
    }

    private static String machine() {
        return cnnvsmlp.runtime.CpuKernels.cpuInfoField("model name").orElse(System.getProperty("os.arch")) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java "
                + System.getProperty("java.version");
    }

    private static String relative(Path project, Path folder) {
        return project.toAbsolutePath().normalize().relativize(folder.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    /** What the notebooks' README says of itself. */
    static final String README_MARKER = "Generated by `cnn-vs-mlp export`";

    private static Path save(Notebook notebook, Path file) throws IOException {
        Files.createDirectories(file.getParent());
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
        return md.append(prose.get("kernel")).toString();
    }
}
