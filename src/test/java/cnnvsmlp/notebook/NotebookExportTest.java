package cnnvsmlp.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Fixtures;
import cnnvsmlp.TestData;
import cnnvsmlp.report.compare.CompareReport;
import cnnvsmlp.report.Prose;
import cnnvsmlp.report.index.ResultsIndex;
import cnnvsmlp.run.Json;

/** The notebooks: executed cell by cell through JShell, their outputs that execution's, the committed ones today's. */
class NotebookExportTest {

    /** Where this test leaves freshly executed notebooks for .ci/run to validate with nbformat and nbconvert. */
    static final Path FOR_CI = Path.of("target", "notebook-check");

    /** A few beans epochs, one MNIST epoch on a few hundred images: every cell runs, quickly. */
    static NotebookExport.Budget tiny() {
        return new NotebookExport.Budget(3, 1, 1, 300, 200, 42, "Path.of(\""
                + TestData.mnistDir().toAbsolutePath().normalize().toString().replace('\\', '/') + "\")");
    }

    /** The sessions' JVM options, with the native variant this test JVM loads. */
    static List<String> sessionOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseParallelGC"));
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (extension != null) {
            options.add("-Dorg.bytedeco.javacpp.platform.extension=" + extension);
        }
        return options;
    }

    private static NotebookExport.Executor executor() {
        return new NotebookExport.Executor(Path.of("").toAbsolutePath(), NotebookExport.ownClassPath(),
                sessionOptions(), new PrintStream(new ByteArrayOutputStream()));
    }

    @TempDir
    Path temp;

    /** Every cell of every notebook compiles and runs through JShell, with the outputs a reader expects. */
    @Test
    void everyNotebookRunsThroughJShellWithATinyBudget() throws Exception {
        Path notebooks = temp.resolve("notebooks");
        List<Path> written = NotebookExport.write(Path.of("results"), notebooks, tiny(), Path.of("").toAbsolutePath(),
                NotebookExport.ownClassPath(), sessionOptions(), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(10, written.size(), written.toString());
        assertTrue(Files.readString(notebooks.resolve("README.md")).contains(NotebookExport.README_MARKER),
                "its README says it wrote it, so the next export may replace it");
        for (Path file : written) {
            JsonNode nb = Json.MAPPER.readTree(file.toFile());
            assertEquals(4, nb.get("nbformat").asInt());
            assertEquals("java", nb.get("metadata").get("kernelspec").get("language").asText());
            List<JsonNode> code = codeCells(nb);
            assertTrue(join(code.get(0).get("source")).startsWith("%jars ../../target/cnn-vs-mlp.jar"), file.toString());
            for (int i = 0; i < code.size(); i++) {
                assertEquals(i + 1, code.get(i).get("execution_count").asInt(), file + " cell " + (i + 1));
            }
            String printed = printed(nb);
            assertFalse(printed.contains("Exception") || printed.contains("\tat "), file + ": " + printed);
            assertTrue(pictures(nb) >= 3, file + " shows its pictures: " + pictures(nb));
        }
        String beans = printed(read(notebooks.resolve("en/1-beans.ipynb")));
        assertTrue(beans.contains("budget: 3 of the post's 5000 epochs (the notebook's epochs)"), beans);
        assertTrue(beans.matches("(?s).*beans: accuracy 0\\.\\d{4}, loss .* after 3 epochs.*"), beans);
        JsonNode mlp = read(notebooks.resolve("zh/2-mnist-mlp.ipynb"));
        assertTrue(printed(mlp).contains("Mnist[train (300, 28, 28) (300,), test (200, 28, 28) (200,)]"),
                printed(mlp));
        assertTrue(printed(mlp).matches("(?s).*test accuracy \\d+\\.\\d\\d % on the MNIST test set .* after 1 of the"
                + " post's 5000 epochs.*"), printed(mlp));
        assertTrue(text(mlp).contains("实验二"), "the Chinese notebook's Markdown is Chinese");
        JsonNode six = read(notebooks.resolve("en/5-mnist-mlp6.ipynb"));
        assertTrue(printed(six).contains("(11,972,510 parameters)") && printed(six).matches("(?s).*test accuracy"
                + " \\d+\\.\\d\\d % \\(test error \\d+\\.\\d\\d %\\) on the MNIST test set .* after 1 epochs.*"),
                printed(six));
        assertTrue(printed(six).contains("categorical_crossentropy, adam(lr=0.001)"), "the modern recipe, printed");
        assertTrue(text(read(notebooks.resolve("zh/5-mnist-mlp6.ipynb"))).contains("实验四"), "and Chinese too");
        CompareReport.Summary summary = CompareReport.readSummary(ResultsIndex.bestComparison(Path.of("results"),
                new ArrayList<>()).orElseThrow());
        assertTrue(printed(read(notebooks.resolve("en/4-compare.ipynb"))).contains(summary.verdict()),
                "the English notebook prints the program's verdict");
        assertTrue(printed(read(notebooks.resolve("zh/4-compare.ipynb"))).contains(
                CompareNotebook.localVerdict(NotebookExport.Lang.ZH, summary)), "and the Chinese one its own");

        Files.createDirectories(FOR_CI);
        for (Path file : written) {
            Files.copy(file, FOR_CI.resolve("fresh-" + file.getParent().getFileName() + "-" + file.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Two executions of a notebook print and draw the same, but for timings and the runs' folder names. */
    @Test
    void theExecutionIsDeterministic() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>(tiny().values());
        NotebookExport.Executed first = executor().run("1-beans", values);
        NotebookExport.Executed second = executor().run("1-beans", values);
        assertEquals(normalised(first.outputs()), normalised(second.outputs()));
    }

    /** A cell that does not compile stops the execution with one line naming the cell. */
    @Test
    void aCellThatDoesNotCompileIsNamed() throws Exception {
        try (CellRunner runner = new CellRunner(NotebookExport.ownClassPath(), Path.of(""), sessionOptions())) {
            assertEquals(List.of(), runner.run(1, "%jars ../../target/cnn-vs-mlp.jar"));
            assertEquals("[{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":[\"2\\n\"]}]",
                    runner.run(2, "int a = 1;\nSystem.out.println(a + 1);").toString());
            assertTrue(runner.run(3, "a + 41").toString().contains("\"text/plain\":[\"42\"]"));
            assertTrue(runner.run(4, "a").toString().contains("\"text/plain\":[\"1\"]"), "a variable's value too");
            String picture = runner.run(5, "new java.awt.image.BufferedImage(3, 2, 1)").toString();
            assertTrue(picture.contains("\"image/png\":\"iVBORw0KGgo"), picture);
            var e = org.junit.jupiter.api.Assertions.assertThrows(cnnvsmlp.FixableProblem.class,
                    () -> runner.run(6, "int b = undefinedThing;"));
            assertTrue(e.getMessage().startsWith("notebook cell 6 does not compile: cannot find symbol in: int b"),
                    e.getMessage());
            var thrown = org.junit.jupiter.api.Assertions.assertThrows(cnnvsmlp.FixableProblem.class,
                    () -> runner.run(7, "Integer.parseInt(\"x\");"));
            assertTrue(thrown.getMessage().startsWith("notebook cell 7 threw java.lang.NumberFormatException"),
                    thrown.getMessage());
        }
    }

    /** What may differ between two executions: seconds, dates, the runs' folder names. */
    static String normalised(List<List<ObjectNode>> outputs) {
        return outputs.toString().replaceAll("\\d+(\\.\\d+)? (s|ms)\\b", "T s")
                .replaceAll("\\d{8}-\\d{6}", "RUN-ID").replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z", "DATE");
    }

    /**
     * The committed notebooks are today's cells executed: each code cell is its template's with the parameters the
     * notebook records, numbered in order, with the outputs of an execution (its pictures among them).
     */
    @Test
    void theCommittedNotebooksAreTodaysCellsExecuted() throws Exception {
        List<Path> notebooks = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("notebooks-export"))) {
            walk.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
        }
        assertEquals(10, notebooks.size(), notebooks.toString());
        for (Path file : notebooks) {
            JsonNode nb = read(file);
            JsonNode meta = nb.get("metadata").get("cnnvsmlp");
            assertEquals("cnn-vs-mlp export", meta.get("executed").asText(), file.toString());
            Map<String, Object> values = Json.MAPPER.convertValue(meta.get("parameters"),
                    new TypeReference<Map<String, Object>>() { });
            Prose cells = Prose.load("cells", file.getFileName().toString().replace(".ipynb", ""));
            List<String> expected = cells.names().stream().filter(k -> k.startsWith("code-"))
                    .map(k -> cells.get(k, values)).toList();
            List<JsonNode> code = codeCells(nb);
            assertEquals(expected, code.stream().map(c -> join(c.get("source"))).toList(), file.toString());
            for (int i = 0; i < code.size(); i++) {
                assertEquals(i + 1, code.get(i).get("execution_count").asInt(), file + " cell " + (i + 1));
            }
            assertTrue(pictures(nb) >= 3, file.toString());
        }
    }

    @Test
    void theChineseVerdictSaysWhatTheEnglishOneSays() {
        var mlp = java.util.List.of(Fixtures.modelRun("MLP", 1, 0.80, 0.90), Fixtures.modelRun("MLP", 2, 0.8, 0.91),
                Fixtures.modelRun("MLP", 3, 0.8, 0.92));
        var cnn = java.util.List.of(Fixtures.modelRun("LeNet-5", 1, 0.9, 0.96),
                Fixtures.modelRun("LeNet-5", 2, 0.9, 0.97), Fixtures.modelRun("LeNet-5", 3, 0.9, 0.99));
        var wins = CompareReport.summarize(mlp, cnn, 2, 5000, 2048, "c", "d");
        assertEquals("LeNet-5 领先（原文 5000 个 epoch 中的 2 个，批大小 2048，3 个随机种子）：LeNet-5 的测试准确率差值为 +6.33"
                + " 个百分点（逐种子配对差值的平均），95 % 置信区间 [+4.90, +7.77]。交叉点（LeNet-5 从此一直领先到最后）：3 个种子中有 3 个"
                + "达到，平均在第 1 个 epoch（范围 1-1）。", CompareNotebook.localVerdict(NotebookExport.Lang.ZH, wins));
        var one = CompareReport.summarize(mlp.subList(0, 1), cnn.subList(0, 1), 2, 5000, 2048, "c", "d");
        assertTrue(CompareNotebook.localVerdict(NotebookExport.Lang.ZH, one).contains("只有一个随机种子，没有置信区间，因此不判定胜者。"),
                CompareNotebook.localVerdict(NotebookExport.Lang.ZH, one));
        var close = java.util.List.of(Fixtures.modelRun("LeNet-5", 1, 0.91), Fixtures.modelRun("LeNet-5", 2, 0.90),
                Fixtures.modelRun("LeNet-5", 3, 0.93));
        var none = CompareReport.summarize(mlp, close, 1, 5000, 2048, "c", "d");
        assertTrue(CompareNotebook.localVerdict(NotebookExport.Lang.ZH, none).startsWith("没有明显差异（原文 5000 个 epoch 中的 1 个，批大小 2048，3 个随机种子）"),
                CompareNotebook.localVerdict(NotebookExport.Lang.ZH, none));
    }

    static JsonNode read(Path file) throws java.io.IOException {
        return Json.MAPPER.readTree(file.toFile());
    }

    static List<JsonNode> codeCells(JsonNode nb) {
        List<JsonNode> code = new ArrayList<>();
        nb.get("cells").forEach(c -> {
            if (c.get("cell_type").asText().equals("code")) {
                code.add(c);
            }
        });
        return code;
    }

    static String printed(JsonNode nb) {
        StringBuilder all = new StringBuilder();
        for (JsonNode cell : codeCells(nb)) {
            for (JsonNode output : cell.path("outputs")) {
                if (output.has("text")) {
                    all.append(join(output.get("text")));
                }
            }
        }
        return all.toString();
    }

    static int pictures(JsonNode nb) {
        int n = 0;
        for (JsonNode cell : codeCells(nb)) {
            for (JsonNode output : cell.path("outputs")) {
                if (output.path("data").has("image/png")) {
                    Base64.getDecoder().decode(output.get("data").get("image/png").asText());
                    n++;
                }
            }
        }
        return n;
    }

    static String text(JsonNode nb) {
        StringBuilder all = new StringBuilder();
        nb.get("cells").forEach(c -> all.append(join(c.get("source"))).append('\n'));
        return all.toString();
    }

    static String join(JsonNode lines) {
        StringBuilder s = new StringBuilder();
        lines.forEach(l -> s.append(l.asText()));
        return s.toString();
    }
}
