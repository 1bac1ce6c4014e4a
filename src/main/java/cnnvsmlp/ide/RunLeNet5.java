package cnnvsmlp.ide;

import cnnvsmlp.cli.Main;

/**
 * Run from an IDE. Experiment 3, LeNet-5: the post's settings, or any command-line option of {@code lenet5} (e.g.
 * {@code --quick}, {@code --training modern}, {@code --dataset fashion-mnist}).
 */
public final class RunLeNet5 {

    private RunLeNet5() {
    }

    public static void main(String[] args) {
        Main.main(Main.withCommand("lenet5", args));
    }
}
