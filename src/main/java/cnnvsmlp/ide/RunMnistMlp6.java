package cnnvsmlp.ide;

import cnnvsmlp.cli.Main;

/**
 * Run from an IDE. Experiment 4, the 6-layer MLP of LeCun's table (784-2500-2000-1500-1000-500-10): the post's
 * training, or any command-line option of {@code mnist-mlp6} as program arguments (e.g. {@code --epochs 20},
 * {@code --training modern}).
 */
public final class RunMnistMlp6 {

    private RunMnistMlp6() {
    }

    public static void main(String[] args) {
        Main.main(Main.withCommand("mnist-mlp6", args));
    }
}
