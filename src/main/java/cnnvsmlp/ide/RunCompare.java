package cnnvsmlp.ide;

import cnnvsmlp.cli.Main;

/**
 * Run from an IDE. The multi-seed comparison of the MNIST MLP and LeNet-5; the options of {@code compare} as program
 * arguments (e.g. {@code --training modern --epochs 20 --seeds 5 --dataset fashion-mnist}).
 */
public final class RunCompare {

    private RunCompare() {
    }

    public static void main(String[] args) {
        Main.main(Main.withCommand("compare", args));
    }
}
