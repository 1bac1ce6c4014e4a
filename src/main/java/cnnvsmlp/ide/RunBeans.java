package cnnvsmlp.ide;

import cnnvsmlp.cli.Main;

/**
 * Run from an IDE. Experiment 1, the beans MLP: the post's settings, or any command-line option of {@code beans} as
 * program arguments.
 */
public final class RunBeans {

    private RunBeans() {
    }

    public static void main(String[] args) {
        Main.main(Main.withCommand("beans", args));
    }
}
