package cnnvsmlp.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.nd4j.linalg.factory.Nd4jBackend;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.data.MnistDownloader;
import cnnvsmlp.dl4j.OneDnn;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.experiment.RunInterrupted;
import cnnvsmlp.runtime.Nd4jRuntime;
import cnnvsmlp.runtime.RunEnvironment;

/**
 * {@code cnn-vs-mlp}: the command line. One subcommand per experiment of the registry ({@link ExperimentId}), then
 * {@code all}, {@code compare} and the others.
 * Exit codes: 0 done, 1 a problem the message explains, 2 a bad command line.
 */
@Command(name = "cnn-vs-mlp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Reproduces the three Keras models of the post \"Deep learning and convolutional neural"
                + " networks\" with Deeplearning4j: the beans MLP, the MNIST MLP and LeNet-5.",
                "Every default is the post's (5000 epochs); a shorter budget is always printed as an override."},
        subcommands = {AllCommand.class, CompareCommand.class, PredictCommand.class, EvaluateCommand.class,
                IndexCommand.class, ServeCommand.class, ExportCommand.class, BenchCommand.class, BenchOneCommand.class,
                FidelityPlotCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_PROBLEM = 1;
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: " + String.join(", ", spec.commandLine()
                .getSubcommands().entrySet().stream().filter(e -> !e.getValue().getCommandSpec().usageMessage()
                        .hidden()).map(java.util.Map.Entry::getKey).toList()) + " (--help says what each does)");
    }

    public static void main(String[] args) {
        String unreadable = unreadableArgument(args); // before a relaunch: a child would get '?' in their place
        if (unreadable != null) {
            System.err.println(unreadable);
            System.exit(EXIT_USAGE);
        }
        java.util.Optional<Integer> relaunched = KernelLauncher.relaunchIfUseful(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        int code = execute(args, System.out, System.err);
        System.exit(code);
    }

    /**
     * The error line for an argument this JVM's locale could not decode (a non-ASCII path under {@code LANG=C}: the
     * JVM makes U+FFFD of the bytes, and a child JVM would get '?'), or null.
     */
    static String unreadableArgument(String[] args) {
        for (String arg : args) {
            if (arg.indexOf('\uFFFD') >= 0) {
                return "error: an argument holds characters this JVM could not read (" + arg + "): its locale reads"
                        + " arguments and file names as " + System.getProperty("sun.jnu.encoding") + "; run it in a"
                        + " UTF-8 locale, e.g. LANG=C.UTF-8 java -jar target/cnn-vs-mlp.jar ...";
            }
        }
        return null;
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        String unreadable = unreadableArgument(args);
        if (unreadable != null) {
            err.println(unreadable);
            return EXIT_USAGE;
        }
        String threads = threadSettingsProblem(System.getenv());
        if (threads != null) { // before ND4J loads: it would train on garbage (0) or fail to start (abc)
            err.println("error: " + threads);
            return EXIT_PROBLEM;
        }
        OneDnn.selectNativeVariant();
        Nd4jRuntime.beforeLoad();
        System.setProperty("java.awt.headless", "true"); // charts are drawn into files, never shown
        describeDefaults();
        CommandLine commandLine = commandLine();
        CommandHelp.tailor(commandLine);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage());
            err.println("Try 'cnn-vs-mlp " + helpTarget(e) + "--help' for the options and their defaults.");
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof FixableProblem) {
                err.println("error: " + e.getMessage());
                return EXIT_PROBLEM;
            }
            if (e instanceof RunInterrupted interrupted) {
                err.println(interrupted.getMessage());
                return interrupted.exitCode();
            }
            throw e;
        });
        Console.set(out, err);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of Java heap memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB at most); the MNIST experiments need about 512 MiB of heap besides ND4J's native memory:"
                    + " run java -Xmx1g -jar target/cnn-vs-mlp.jar ... (or leave -Xmx out: the default is enough)");
            return EXIT_PROBLEM;
        } catch (ExceptionInInitializerError e) {
            String problem = backendProblem(e);
            if (problem == null) {
                throw e;
            }
            err.println("error: " + problem);
            return EXIT_PROBLEM;
        }
    }

    /** The command line: one subcommand per experiment of the registry, in its order, then the others. */
    static CommandLine commandLine() {
        CommandLine root = new CommandLine(new Main());
        var others = new java.util.LinkedHashMap<>(root.getSubcommands());
        others.keySet().forEach(name -> root.getCommandSpec().removeSubcommand(name));
        for (ExperimentId e : ExperimentId.values()) {
            CommandLine command = new CommandLine(e.usesMnist() ? new ExperimentCommand.OnMnist(e)
                    : new ExperimentCommand.Beans());
            command.getCommandSpec().usageMessage().description(e.description());
            root.addSubcommand(e.id(), command);
        }
        others.forEach(root::addSubcommand);
        return root;
    }

    /** The native thread settings ND4J and OpenBLAS read, each a positive whole number (OpenMP: a list of them). */
    static String threadSettingsProblem(java.util.Map<String, String> env) {
        for (String name : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
            String value = env.get(name);
            if (value != null && !value.strip().matches("[1-9][0-9]{0,4}(,[1-9][0-9]{0,4})*")) {
                return name + "=" + value + " is not a positive whole number of threads; unset it or give e.g. "
                        + name + "=" + Runtime.getRuntime().availableProcessors() + " (or use --threads)";
            }
        }
        return null;
    }

    /** The values that the options' descriptions name ({@code ${cnnvsmlp.*}}), set before picocli reads them. */
    static void describeDefaults() {
        System.setProperty("cnnvsmlp.postEpochs", String.valueOf(ExperimentId.POST_EPOCHS));
        System.setProperty("cnnvsmlp.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        for (ExperimentId e : ExperimentId.values()) {
            System.setProperty("cnnvsmlp.quick." + e.id(), String.valueOf(e.quickEpochs()));
        }
        System.setProperty("cnnvsmlp.mirrors", MnistDownloader.DEFAULT_MIRRORS.toString());
    }

    /** The message for an ND4J backend that failed to load, or null when {@code e} is something else. */
    static String backendProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Nd4jBackend.NoAvailableBackendException) {
                String backend = RunEnvironment.readVersions().getOrDefault("nd4j.backend", "nd4j-native");
                if (backend.contains("cuda")) {
                    return "ND4J's CUDA backend (" + backend + ") could not start on this machine (the warning"
                            + " above names the library it missed). This build is for NVIDIA GPUs (-Pcuda): install an"
                            + " NVIDIA driver for CUDA 11.6 (Linux >= 510.39) and the CUDA 11.6 and cuDNN 8.3"
                            + " libraries, or build with -Pcuda,cuda-redist to bundle them; or rebuild for the CPU with"
                            + " 'mvn -B -q -DskipTests package'.";
                }
                return "ND4J's backend (" + backend + ") could not load its native library on this machine (the"
                        + " warning above names the cause); the build supports Linux, macOS and Windows on x86-64"
                        + " and arm64. Rebuild with 'mvn -B -q -DskipTests package' on this machine.";
            }
        }
        return null;
    }

    private static String helpTarget(ParameterException e) {
        CommandLine command = e.getCommandLine();
        return command == null || command.getParent() == null ? "" : command.getCommandName() + " ";
    }

    /** {@code command} followed by {@code args}: for the one-line mains of {@code cnnvsmlp.ide}. */
    public static String[] withCommand(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    static String commandLine(String[] args) {
        return "cnn-vs-mlp " + String.join(" ", Arrays.asList(args));
    }
}
