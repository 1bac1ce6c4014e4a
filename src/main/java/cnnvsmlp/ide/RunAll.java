package cnnvsmlp.ide;

import cnnvsmlp.cli.Main;

/**
 * Run from an IDE. The main job: the three experiments and their comparison; the options of {@code all} (e.g.
 * {@code --quick}).
 */
public final class RunAll {

    private RunAll() {
    }

    public static void main(String[] args) {
        Main.main(Main.withCommand("all", args));
    }
}
