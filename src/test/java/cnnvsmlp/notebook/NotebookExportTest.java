package cnnvsmlp.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Fixtures;
import cnnvsmlp.cli.Main;
import cnnvsmlp.report.CompareReport;
import cnnvsmlp.run.Json;

class NotebookExportTest {

    /** Where this test leaves a freshly exported notebook for .ci/run to validate with nbformat. */
    static final Path FOR_CI = Path.of("target", "notebook-check");

    @TempDir
    Path temp;

    @Test
    void aBeansRunBecomesTwoValidNotebooksThatQuoteTheSourceAndTheRun() throws Exception {
        Path results = temp.resolve("results");
        int code = Main.execute(new String[] {"beans", "--epochs", "4", "--seed", "3", "--output-dir", results.toString(),
                "--no-progress"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        Path notebooks = temp.resolve("notebooks");
        List<Path> written = NotebookExport.write(results, notebooks, new PrintStream(new ByteArrayOutputStream()));
        assertEquals(List.of(notebooks.resolve("en/1-beans.ipynb"), notebooks.resolve("zh/1-beans.ipynb")), written);

        Path run;
        try (Stream<Path> list = Files.list(results.resolve("beans"))) {
            run = list.findFirst().orElseThrow();
        }
        JsonNode metrics = Json.MAPPER.readTree(run.resolve("metrics.json").toFile());
        for (Path file : written) {
            JsonNode nb = Json.MAPPER.readTree(file.toFile());
            assertEquals(4, nb.get("nbformat").asInt());
            assertEquals("java", nb.get("metadata").get("kernelspec").get("language").asText());
            assertEquals(metrics.get("accuracy").asDouble(), nb.get("metadata").get("cnnvsmlp").get("accuracy")
                    .asDouble(), 0);
            assertEquals("4 of 5000 epochs (--epochs)", nb.get("metadata").get("cnnvsmlp").get("budget").asText());
            String text = text(nb);
            assertTrue(text.contains(String.format(Locale.ROOT, "**%.2f %%**", 100 * metrics.get("accuracy").asDouble())),
                    "the accuracy of metrics.json is the notebook's");
            checkCodeCellsQuoteTheCurrentSource(nb);
            checkPicturesAreTheRunsFiles(nb, run);
        }
        assertTrue(text(Json.MAPPER.readTree(written.get(1).toFile())).contains("实验一"), "the Chinese notebook");
        assertTrue(Files.readString(notebooks.resolve("README.md")).contains("[zh/1-beans.ipynb](zh/1-beans.ipynb)"));

        Files.createDirectories(FOR_CI);
        Files.copy(written.get(0), FOR_CI.resolve("fresh-en-1-beans.ipynb"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(written.get(1), FOR_CI.resolve("fresh-zh-1-beans.ipynb"), StandardCopyOption.REPLACE_EXISTING);
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

    /** The committed notebooks: their numbers are their runs' and their code is today's source. */
    @Test
    void theCommittedNotebooksMatchTheirRunsAndTheCurrentSource() throws Exception {
        Path committed = Path.of("notebooks-export");
        List<Path> notebooks = new ArrayList<>();
        if (Files.isDirectory(committed)) {
            try (Stream<Path> walk = Files.walk(committed)) {
                walk.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
            }
        }
        for (Path file : notebooks) {
            JsonNode nb = Json.MAPPER.readTree(file.toFile());
            checkCodeCellsQuoteTheCurrentSource(nb);
            JsonNode meta = nb.get("metadata").get("cnnvsmlp");
            if (meta.has("run")) {
                JsonNode metrics = Json.MAPPER.readTree(Path.of(meta.get("run").asText(), "metrics.json").toFile());
                assertEquals(metrics.get("accuracy").asDouble(), meta.get("accuracy").asDouble(), 0, file.toString());
                assertTrue(text(nb).contains(String.format(Locale.ROOT, "**%.2f %%**",
                        100 * metrics.get("accuracy").asDouble())), file + " states its run's accuracy");
            } else {
                Path summary = Path.of("results", "compare", meta.get("folder").asText(), "summary.json");
                String verdict = Json.MAPPER.readTree(summary.toFile()).get("verdict").asText();
                assertTrue(text(nb).contains(verdict), file + " states its comparison's verdict");
            }
        }
    }

    static void checkCodeCellsQuoteTheCurrentSource(JsonNode nb) throws Exception {
        int code = 0;
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                JsonNode quote = cell.get("metadata").get("cnnvsmlp");
                String current = JavaSource.member(Files.readString(Path.of("src/main/java", quote.get("source").asText())),
                        quote.get("member").asText());
                assertEquals(current, join(cell.get("source")), "the code cell quoting " + quote);
                code++;
            }
        }
        assertTrue(code >= 2, "code cells: " + code);
    }

    static void checkPicturesAreTheRunsFiles(JsonNode nb, Path run) throws Exception {
        List<byte[]> pictures = new ArrayList<>();
        for (JsonNode cell : nb.get("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                if (output.path("data").has("image/png")) {
                    pictures.add(Base64.getDecoder().decode(output.get("data").get("image/png").asText()));
                }
            }
        }
        assertEquals(5, pictures.size(), "data, accuracy, loss, surface, surface during training");
        assertArrayEquals(Files.readAllBytes(run.resolve("beans-data.png")), pictures.get(0));
        assertArrayEquals(Files.readAllBytes(run.resolve("beans-training.png")), pictures.get(4));
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
