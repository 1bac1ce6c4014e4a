package cnnvsmlp.ide;

import cnnvsmlp.cli.Main;

/**
 * Run from an IDE. Experiment 2, the MNIST MLP: the post's settings, or any command-line option of {@code
 * mnist-mlp} as program arguments (e.g. {@code --quick}, {@code --training modern}, {@code --dataset fashion-mnist}).
 */
public final class RunMnistMlp {

    private RunMnistMlp() {
    }

    public static void main(String[] args) {
        Main.main(Main.withCommand("mnist-mlp", args));
    }
}
