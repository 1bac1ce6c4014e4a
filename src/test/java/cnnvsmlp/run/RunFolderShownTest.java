package cnnvsmlp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Printed paths carry no machine's absolute folders where a relative or ~ path says the same. */
class RunFolderShownTest {

    @Test
    void pathsNearTheWorkingFolderAreRelativeAndFarOnesAsGivenOrUnderHome() {
        Path here = Path.of("").toAbsolutePath();
        assertEquals("target/notebook-runs/lenet5", RunFolder.shown(here.resolve("target/notebook-runs/lenet5")));
        assertEquals("target/x", RunFolder.shown(Path.of("target/x")));
        assertEquals("../shared/data/mnist", RunFolder.shown(here.getParent().resolve("shared/data/mnist")));
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        assertEquals("~/.cache/cnn-vs-mlp/mnist", RunFolder.shown(home.resolve(".cache/cnn-vs-mlp/mnist")));
        Path far = here.getRoot().resolve("nowhere-near/a/b");
        if (!here.startsWith(here.getRoot().resolve("nowhere-near")) && here.getNameCount() > 2) {
            assertEquals(far.toString(), RunFolder.shown(far), "three or more levels up: as given");
        }
    }
}
