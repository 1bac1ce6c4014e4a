package cnnvsmlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.serve.DigitServer;
import cnnvsmlp.serve.ServedModel;

/** {@code serve}: the draw-a-digit page, both MNIST models answering each stroke. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a page to draw a digit on: on each stroke the MNIST MLP and LeNet-5 answer with their"
                + " probabilities, on the 28x28 input predict would make of the drawing (shown too).",
                "Runs until Ctrl-C. Example: cnn-vs-mlp serve, then open the address it prints."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on (0.0.0.0: every interface, reachable from other machines)."
                    + " Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--mlp", paramLabel = "RUN",
            description = "The MNIST MLP: a run folder or a model.zip. Default: the newest finished mnist-mlp run in"
                    + " --output-dir.")
    Path mlp;

    @Option(names = "--cnn", paramLabel = "RUN",
            description = "LeNet-5: a run folder or a model.zip. Default: the newest finished lenet5 run in"
                    + " --output-dir.")
    Path cnn;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = TrainingOptions.DEFAULT_OUTPUT,
            description = "The results folder the default models come from. Default: ${DEFAULT-VALUE}.")
    Path outputDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        List<ServedModel> models = List.of(
                mlp != null ? ServedModel.load("mlp", ExperimentId.MNIST_MLP, mlp)
                        : ServedModel.newest("mlp", ExperimentId.MNIST_MLP, outputDir),
                cnn != null ? ServedModel.load("cnn", ExperimentId.LENET5, cnn)
                        : ServedModel.newest("cnn", ExperimentId.LENET5, outputDir));
        DigitServer server;
        try {
            server = DigitServer.start(host, port, models);
        } catch (BindException e) {
            throw new FixableProblem("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); give"
                    + " another --port, or --port 0 for any free one");
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); give"
                    + " --host an address of this machine, e.g. 127.0.0.1");
        }
        PrintStream out = Console.out();
        for (ServedModel m : models) {
            out.printf(Locale.ROOT, "%s: %s%s%n", m.name(), m.run(), Double.isNaN(m.accuracy()) ? ""
                    : String.format(Locale.ROOT, " (test accuracy %.2f %%)", 100 * m.accuracy()));
        }
        out.println("serving the draw-a-digit page at " + server.address() + " (Ctrl-C to stop)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
