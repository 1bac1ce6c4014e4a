package cnnvsmlp.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cnnvsmlp.runtime.CpuKernels;
import cnnvsmlp.runtime.RelaunchPlan;

/**
 * Makes OpenBLAS use the kernels the CPU can run.
 *
 * <p>The OpenBLAS 0.3.19 inside ND4J 1.0.0-M2.1 does not know recent CPUs (Sapphire Rapids among them) and
 * falls back to its "Prescott" SSE3 kernels, which halves the speed of dense layers. OpenBLAS reads
 * {@code OPENBLAS_CORETYPE} once, when its library loads, so it must be in the environment of the JVM. When
 * the user has not set it, the CPU (per {@code /proc/cpuinfo}) has every instruction set of a kernel family,
 * and the JVM is not being debugged, the command line starts itself once more as a child JVM with
 * {@code OPENBLAS_CORETYPE} set, and says so. {@code CNNVSMLP_KERNELS=as-detected} turns this off.
 * The choice itself is {@link CpuKernels}, the plan for the child {@link RelaunchPlan}; this class starts it.
 */
public final class KernelLauncher {

    private KernelLauncher() {
    }

    /** The command line of a JVM like this one (same java, JVM options and class path) running {@code Main args}. */
    static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * Passes SIGINT, SIGTERM and SIGHUP on to the child, which stops after its batch with a checkpoint: a signal sent
     * to this process alone (kill PID, a service manager) reaches the training, and one sent to the whole process
     * group (Ctrl-C, timeout, docker stop) reaches it twice, which the child takes as one request.
     */
    private static void forwardSignals(Process child) {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> pass(name, child));
            } catch (IllegalArgumentException e) {
                // no such signal here, or ignored at start: the shutdown hook still stops the child
            }
        }
    }

    private static void pass(String signal, Process child) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(child.pid())).start();
            if (kill.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command: fall back below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        child.destroy(); // SIGTERM
    }

    /**
     * Runs {@code args} in a child JVM with the better kernels and returns its exit code, or returns empty
     * when this JVM should go on itself.
     */
    static Optional<Integer> relaunchIfUseful(String[] args) {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<RelaunchPlan> plan = RelaunchPlan.of(System.getenv(), jvmArguments, System.getProperty("os.arch"),
                CpuKernels.cpuFlags());
        if (plan.isEmpty() || ProcessHandle.current().info().command().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = javaCommand(args);
        command.addAll(1, plan.get().jvmOptions());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(RelaunchPlan.CHILD, "1");
        builder.environment().putAll(plan.get().environment());
        plan.get().coreType().ifPresent(coreType -> {
            builder.environment().put("OPENBLAS_CORETYPE", coreType);
            builder.environment().put(CpuKernels.CHOSEN, coreType);
        });
        try {
            Process child = builder.start();
            forwardSignals(child); // the child stops after its batch with a checkpoint; this JVM waits for it
            Thread stopChild = new Thread(() -> {
                child.destroy();
                try {
                    child.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-child-jvm");
            Runtime.getRuntime().addShutdownHook(stopChild);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopChild);
            return Optional.of(code);
        } catch (IOException e) {
            return Optional.empty(); // cannot start a JVM: go on here with the kernels OpenBLAS picks
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

}
