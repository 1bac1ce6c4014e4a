package cnnvsmlp.ide;

import cnnvsmlp.cli.Main;

/**
 * Run from an IDE. The multi-seed comparison of the MNIST MLP and LeNet-5; the options of {@code compare}.
 */
public final class RunCompare {

    private RunCompare() {
    }

    public static void main(String[] args) {
        Main.main(Main.withCommand("compare", args));
    }
}
