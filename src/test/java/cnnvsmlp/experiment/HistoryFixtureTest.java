package cnnvsmlp.experiment;

import static cnnvsmlp.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cnnvsmlp.Cli.Outcome;
import cnnvsmlp.TestData;

/**
 * A fixed-seed run of each experiment learns as the code before the refactoring did: the histories of
 * src/test/resources/fixtures/histories-c05f138 (equal to the last digit on the machine that wrote them; other CPUs
 * round float32 sums in another order, hence 1e-6 relative).
 */
class HistoryFixtureTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/histories-c05f138");

    @ParameterizedTest
    @CsvSource({"beans, 300", "mnist-mlp, 2", "lenet5, 2"})
    @Tag("real-data")
    void aFixedSeedRunHasTheHistoryOfTheCodeBeforeTheRefactoring(String experiment, int epochs, @TempDir Path temp) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of(experiment, "--epochs", String.valueOf(epochs), "--seed",
                "42", "--no-progress", "--output-dir", temp.toString()));
        if (!experiment.equals("beans")) {
            args.addAll(List.of("--data-dir", TestData.mnistDir().toString()));
        }
        Outcome o = run(args.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        Path runFolder;
        try (Stream<Path> runs = Files.list(temp.resolve(experiment))) {
            runFolder = runs.findFirst().orElseThrow();
        }
        List<String> expected = Files.readAllLines(FIXTURES.resolve(experiment + "-seed42.csv"));
        List<String> actual = Files.readAllLines(runFolder.resolve("history.csv"));
        assertEquals(expected.get(0).replace("test_", "eval_"), String.join(",", List.of(actual.get(0).split(","))
                .subList(0, 5)), "the fixture's columns, the evaluation ones named eval_ since");
        assertEquals(expected.size(), actual.size(), "epochs");
        for (int i = 1; i < expected.size(); i++) {
            String[] want = expected.get(i).split(",");
            String[] got = actual.get(i).split(",");
            for (int c = 0; c < want.length; c++) {
                double w = Double.parseDouble(want[c]);
                assertEquals(w, Double.parseDouble(got[c]), 1e-6 * Math.max(1, Math.abs(w)), "epoch " + i + " column "
                        + c + ": " + actual.get(i));
            }
        }
    }
}
