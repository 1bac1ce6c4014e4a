package cnnvsmlp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;

import cnnvsmlp.FixableProblem;

/**
 * The bench's picture against its anchors: the logs read as torch_reference.py and the DJL reference write them, the
 * bars side by side, the ratio taken over the faster anchor.
 */
class SpeedChartTest {

    @TempDir
    Path temp;

    static final String LOG = """
            torch 1.13.0a0 threads 2
            model=lenet params=44426 batch=2048 opt=sgd
            RESULT fw=torch model=lenet batch=2048 opt=sgd epoch=1 train_s=5.469 eval_s=0.290 test_acc=0.0112 loss=0.09
            RESULT fw=torch model=lenet batch=2048 opt=sgd epoch=2 train_s=5.029 eval_s=0.397 test_acc=0.0131 loss=0.09
            RESULT fw=torch model=mlp batch=64 opt=sgd epoch=2 train_s=5.766 eval_s=0.138 test_acc=0.8246 loss=0.03848
            beans epoch=5000 elapsed=13.32s correct=98/100
            RESULT fw=torch model=beans epochs=5000 train_s=13.322 correct=98/100 acc=0.98
            """;

    static final String DJL_LOG = """
            djl 0.36.0 engine PyTorch 2.7.1 threads 2
            RESULT fw=djl model=lenet batch=2048 opt=post epoch=1 train_s=5.681 eval_s=0.243 test_acc=0.1568
            RESULT fw=djl model=lenet batch=2048 opt=post epoch=2 train_s=4.111 eval_s=0.246 test_acc=0.1614
            RESULT fw=djl model=lenet batch=64 opt=post epoch=2 train_s=3.849 eval_s=0.631 test_acc=0.5278
            RESULT fw=torch model=mlp batch=64 opt=sgd epoch=2 train_s=1.0 eval_s=0.1 test_acc=0.8 loss=0.03
            """;

    private static Measurement measured(String model, int batch, double seconds) {
        return new Measurement(model, batch, "k", 60000, seconds, 0.1, 1, 1, 0.1, 600, 1);
    }

    @Test
    void theLastEpochOfEachModelAndBatchIsPyTorchsTime() throws Exception {
        Path log = Files.writeString(temp.resolve("torch.log"), LOG);
        AnchorLog torch = AnchorLog.read(log, AnchorLog.Anchor.TORCH);
        assertEquals(Map.of("lenet5@2048", 5.029, "mnist-mlp@64", 5.766, "beans@10", 13.322), torch.seconds(),
                "the second lenet epoch (after warm-up); the beans at the post's batch 10");
        CategoryChart chart = SpeedChart.chart(List.of(measured("lenet5", 2048, 4.65), measured("beans", 10, 38.2),
                measured("lenet5", 64, 8.38)), List.of(torch), "t");
        var project = chart.getSeries("this project (DL4J)");
        var pytorch = chart.getSeries("PyTorch 1.13 (scripts/torch_reference.py)");
        assertEquals(2, project.getYData().length, "the beans' whole-run seconds are another unit: not drawn");
        assertEquals(8.38, project.getYData()[1], 0);
        assertEquals(5.029, pytorch.getYData()[0], 0);
        List<?> labels = List.of(project.getXData().toArray());
        assertEquals("LeNet-5, 2048: 0.92x", labels.get(0), "the ratio project / PyTorch");
        assertEquals("LeNet-5, 64", labels.get(1), "no PyTorch time: no ratio");
    }

    @Test
    void theRatioIsOverTheFasterAnchorAndEachAnchorHasItsBars() throws Exception {
        AnchorLog torch = AnchorLog.read(Files.writeString(temp.resolve("torch.log"), LOG), AnchorLog.Anchor.TORCH);
        AnchorLog djl = AnchorLog.read(Files.writeString(temp.resolve("djl.log"), DJL_LOG), AnchorLog.Anchor.DJL);
        assertEquals(Map.of("lenet5@2048", 4.111, "lenet5@64", 3.849), djl.seconds(), "only fw=djl lines count");
        CategoryChart chart = SpeedChart.chart(List.of(measured("lenet5", 2048, 2.9), measured("lenet5", 64, 5.6),
                measured("mnist-mlp", 64, 3.0)), List.of(torch, djl), "t");
        assertEquals(3, chart.getSeriesCollection().size(), "PyTorch 1.13, DJL, the project");
        List<?> labels = List.of(chart.getSeries("this project (DL4J)").getXData().toArray());
        assertEquals("LeNet-5, 2048: 0.71x", labels.get(0), "over DJL's 4.111, the faster of 5.029 and 4.111");
        assertEquals("LeNet-5, 64: 1.45x", labels.get(1), "over DJL's 3.849; PyTorch has no time there");
        assertEquals("MLP, 64: 0.52x", labels.get(2), "over PyTorch's 5.766; DJL has no time there");
        assertEquals(4.111, chart.getSeries("DJL 0.36 + PyTorch 2.7.1 (scripts/djl)").getYData()[0], 0);
    }

    @Test
    void aLogWithoutResultsOrUnreadableIsOneLine() throws Exception {
        Path empty = Files.writeString(temp.resolve("empty.log"), "torch 1.13\n");
        FixableProblem none = assertThrows(FixableProblem.class,
                () -> AnchorLog.read(empty, AnchorLog.Anchor.TORCH));
        assertTrue(none.getMessage().contains("has no 'RESULT fw=torch' line"), none.getMessage());
        FixableProblem missing = assertThrows(FixableProblem.class,
                () -> AnchorLog.read(temp.resolve("no"), AnchorLog.Anchor.DJL));
        assertTrue(missing.getMessage().startsWith("no DJL 0.36 + PyTorch 2.7.1 (scripts/djl) log at "),
                missing.getMessage());
    }

    @Test
    void redrawDrawsSpeedPngOfAnEarlierBenchAndAScratchFolderGetsNoIndex() throws Exception {
        Path bench = Files.createDirectories(temp.resolve("project/bench/20261128-162920"));
        Files.writeString(bench.resolve("bench.json"), "{\"measurements\": [" + cnnvsmlp.run.Json.compact(
                measured("mnist-mlp", 64, 4.25)) + "]}");
        Path log = Files.writeString(temp.resolve("torch.log"), LOG);
        cnnvsmlp.Cli.Outcome o = cnnvsmlp.Cli.run("bench", "--redraw", bench.toString(), "--torch-log", log.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(javax.imageio.ImageIO.read(bench.resolve("speed.png").toFile()).getWidth() == 1000);
        assertTrue(!Files.exists(temp.resolve("project/README.md")), "no results index in the bench's scratch folder");
        assertTrue(!cnnvsmlp.report.index.ResultsIndex.isResultsFolder(temp.resolve("project")));
        Files.createDirectories(temp.resolve("project/lenet5"));
        assertTrue(cnnvsmlp.report.index.ResultsIndex.isResultsFolder(temp.resolve("project")), "a folder with runs is one");
    }
}
