package cnnvsmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.Cli;
import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.report.chart.Palette;
import cnnvsmlp.report.compare.CompareReport;

/**
 * {@code index} writes a results folder's README.md again from the runs copied into it; a folder of nothing is named;
 * {@code --redraw} draws the pictures again and leaves the numbers.
 */
class IndexCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsCopiedInAppearInTheIndexAndANonResultsFolderIsOneLine() throws Exception {
        Path run = dir.resolve("results/lenet5/20261128-170127-seed42");
        Files.createDirectories(run);
        Path committed = Path.of("results/lenet5/20261128-170127-seed42");
        for (String f : new String[] {"config.json", "history.csv", "metrics.json", "accuracy.png"}) {
            Files.copy(committed.resolve(f), run.resolve(f));
        }
        Outcome o = Cli.run("index", "--output-dir", dir.resolve("results").toString());
        assertEquals(0, o.code(), o.err());
        String index = Files.readString(dir.resolve("results/README.md"));
        assertTrue(index.contains("lenet5/20261128-170127-seed42"), index);
        Files.createDirectories(dir.resolve("empty"));
        Outcome none = Cli.run("index", "--output-dir", dir.resolve("empty").toString());
        assertEquals(1, none.code());
        assertTrue(none.err().startsWith("error: " + dir.resolve("empty") + " is not a results folder"), none.err());
    }

    @Test
    void redrawDrawsRunsAndComparisonsAgainFromTheirFilesAndTouchesNoNumber() throws Exception {
        Path results = dir.resolve("results");
        Path compare = Path.of("results/compare/20261130-082903"); // the modern recipe, 5 seeds, 20 epochs
        Path copy = Files.createDirectories(results.resolve("compare/20261130-082903"));
        for (String f : new String[] {"summary.json", "summary.md", "plan.json"}) {
            Files.copy(compare.resolve(f), copy.resolve(f));
        }
        List<String> runs = new java.util.ArrayList<>();
        CompareReport.Summary s = CompareReport.readSummary(compare);
        runs.addAll(s.mlp().runs());
        runs.addAll(s.cnn().runs());
        for (String name : runs) {
            Path run = Files.createDirectories(dir.resolve(name));
            for (String f : new String[] {"config.json", "history.csv", "metrics.json"}) {
                Files.copy(Path.of(name).resolve(f), run.resolve(f));
            }
        }
        Path gone = Files.createDirectories(results.resolve("compare/20261130-075730")); // its MLP run was removed
        Files.copy(Path.of("results/compare/20261130-075730/summary.json"), gone.resolve("summary.json"));
        Outcome o = Cli.run("index", "--redraw", "--output-dir", results.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("redrawn: 11 run and comparison folders"), o.out());
        assertEquals(1, o.out().lines().filter(l -> l.startsWith("not redrawn: ") && l.contains("20261130-075730")
                && l.endsWith("has no history.csv here")).count(), o.out());
        assertEquals(Files.readString(compare.resolve("summary.json")), Files.readString(copy.resolve("summary.json")));
        for (String png : new String[] {"test-accuracy.png", "difference.png", "loss.png", "accuracy-bars.png",
            "accuracy-vs-time.png"}) {
            assertTrue(ImageIO.read(copy.resolve(png).toFile()).getWidth() >= 640, png);
        }
        BufferedImage loss = ImageIO.read(dir.resolve(s.cnn().runs().get(0)).resolve("loss.png").toFile());
        assertTrue(has(loss, Palette.ofModel("LeNet-5")), "LeNet-5's curves in its colour");
        assertFalse(has(loss, Palette.ofModel("MLP")), "and not in the MLP's");
    }

    private static boolean has(BufferedImage image, java.awt.Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }
}
