package cnnvsmlp.cli;

import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.TestData;
import cnnvsmlp.data.Dataset;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.run.Json;

/** {@code --dataset fashion-mnist} from the command line: refused values, the other data set's files, a real run. */
class FashionMnistCliTest {

    @TempDir
    Path temp;

    @Test
    void anUnknownDataSetIsOneLine() {
        Outcome o = run("mnist-mlp", "--dataset", "fashion", "--epochs", "1");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: --dataset must be mnist or fashion-mnist, got 'fashion'"), o.err());
        Outcome beans = run("beans", "--dataset", "fashion-mnist");
        assertEquals(2, beans.code(), "the beans' points are chosen by --shape");
        assertTrue(beans.err().startsWith("error: beans: --dataset is now --shape (give --shape fashion-mnist);"
                + " --dataset and --data-dir name an MNIST-format data set on the other commands"), beans.err());
        Outcome oldPoints = run("beans", "--data", "x.csv");
        assertEquals(2, oldPoints.code());
        assertTrue(oldPoints.err().startsWith("error: beans: --data is now --points (give --points x.csv)"),
                oldPoints.err());
    }

    @Test
    void mnistsFilesAreNotFashionMnist() {
        Outcome o = run("lenet5", "--dataset", "fashion-mnist", "--data-dir", TestData.mnistDir().toString(),
                "--epochs", "1", "--output-dir", temp.toString());
        assertEquals(Main.EXIT_PROBLEM, o.code());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("train-images-idx3-ubyte.gz is MNIST's train-images-idx3-ubyte, not"
                + " Fashion-MNIST's; pass --dataset mnist"), o.err());
        assertFalse(Files.exists(temp.resolve("lenet5")), "nothing trained");
    }

    @Test
    void aFashionMnistRunIsNamedRecordedEvaluatedAndKeptOnResume() throws Exception {
        Path debian = TestData.fashionMnistDir();
        Outcome o = run("mnist-mlp", "--dataset", "fashion-mnist", "--data-dir", debian.toString(), "--epochs", "1",
                "--no-progress", "--output-dir", temp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("data set: Fashion-MNIST (--dataset fashion-mnist) -- not the post's data"
                + " (MNIST)"), o.out());
        Path run;
        try (var list = Files.list(temp.resolve("mnist-mlp"))) {
            run = list.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertTrue(run.getFileName().toString().endsWith("-fashion-mnist-seed42"), run.toString());
        JsonNode config = Json.MAPPER.readTree(run.resolve("config.json").toFile());
        assertEquals("fashion-mnist", config.get("dataset").asText());
        assertTrue(config.get("data").asText().startsWith("Fashion-MNIST[train (60000, 28, 28)"), config.toString());
        JsonNode metrics = Json.MAPPER.readTree(run.resolve("metrics.json").toFile());
        assertEquals("the Fashion-MNIST test set (10,000 images)", metrics.get("evaluatedOn").asText());
        double accuracy = metrics.get("accuracy").asDouble();
        assertTrue(accuracy > 0.05 && accuracy < 0.6, "one epoch of the post's slow training: " + accuracy);

        Outcome evaluated = run("evaluate", "--model", run.toString(), "--data-dir", debian.toString(),
                "--output-dir", temp.resolve("e").toString());
        assertEquals(0, evaluated.code(), evaluated.err());
        assertTrue(evaluated.out().contains(String.format(java.util.Locale.ROOT, "accuracy %.4f", accuracy))
                && evaluated.out().contains("on the Fashion-MNIST test set"), evaluated.out());
        assertTrue(evaluated.out().contains("  class 9 Ankle boot: precision"), evaluated.out());

        Mnist fashion = Mnist.load(debian, Dataset.FASHION_MNIST);
        BufferedImage first = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int grey = fashion.test().pixel(0, r, c);
                first.setRGB(c, r, new java.awt.Color(grey, grey, grey).getRGB());
            }
        }
        Path picture = temp.resolve("boot.png");
        ImageIO.write(first, "png", picture.toFile());
        Outcome predicted = run("predict", "--model", run.toString(), picture.toString());
        assertEquals(0, predicted.code(), predicted.err());
        assertTrue(predicted.out().matches("(?s).*boot\\.png: \\d [A-Z][a-z/ -]+  \\(top 3: \\d [A-Z].*"),
                "answered with class names: " + predicted.out());

        cnnvsmlp.Fixtures.asInterruptedAtItsEnd(run);
        Outcome other = run("mnist-mlp", "--resume", run.toString(), "--dataset", "mnist");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("--dataset mnist (the run: fashion-mnist); leave --dataset out"),
                other.err());
    }
}
