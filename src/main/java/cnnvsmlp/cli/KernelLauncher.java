package cnnvsmlp.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cnnvsmlp.runtime.CpuKernels;

/**
 * Makes OpenBLAS use the kernels the CPU can run.
 *
 * <p>The OpenBLAS 0.3.19 inside ND4J 1.0.0-M2.1 does not know recent CPUs (Sapphire Rapids among them) and
 * falls back to its "Prescott" SSE3 kernels, which halves the speed of dense layers. OpenBLAS reads
 * {@code OPENBLAS_CORETYPE} once, when its library loads, so it must be in the environment of the JVM. When
 * the user has not set it, the CPU (per {@code /proc/cpuinfo}) has every instruction set of a kernel family,
 * and the JVM is not being debugged, the command line starts itself once more as a child JVM with
 * {@code OPENBLAS_CORETYPE} set, and says so. {@code CNNVSMLP_KERNELS=as-detected} turns this off.
 * The choice itself is {@link CpuKernels}.
 */
public final class KernelLauncher {

    private KernelLauncher() {
    }

    /** Set in the child JVM's environment, so that it never starts another. */
    static final String CHILD = "CNNVSMLP_CHILD_JVM";

    /**
     * What a child JVM would change: the OpenBLAS core type to set (when the user has not chosen one nor
     * opted out, and the CPU has a better family than the fallback) and the JVM options it adds.
     */
    record Plan(Optional<String> coreType, List<String> jvmOptions, Map<String, String> environment) {
    }

    /**
     * The child's native run-time settings, unless the user set them: {@code OMP_WAIT_POLICY=PASSIVE}, OpenMP
     * threads that sleep as soon as they are idle. ND4J has two thread pools, OpenMP's (libnd4j, oneDNN) and
     * OpenBLAS's, and an OpenMP thread that spins after its work holds the core the next matrix product
     * needs. Measured on 2 cores, LeNet-5 at batch 64: 17-18 s per epoch against 21-29 s.
     */
    static Map<String, String> nativeEnvironment(Map<String, String> env) {
        return env.containsKey("OMP_WAIT_POLICY") ? Map.of() : Map.of("OMP_WAIT_POLICY", "PASSIVE");
    }

    /** The plan for a child JVM, or empty to go on in this one (already the child, being debugged, nothing to change). */
    static Optional<Plan> relaunchPlan(Map<String, String> env, List<String> jvmArguments, String arch,
            Set<String> cpuFlags) {
        boolean debugged = jvmArguments.stream().anyMatch(a -> a.startsWith("-agentlib:jdwp")
                || a.startsWith("-Xrunjdwp") || a.equals("-Xdebug"));
        if (env.containsKey(CHILD) || debugged) {
            return Optional.empty();
        }
        boolean userChose = env.containsKey("OPENBLAS_CORETYPE")
                || CpuKernels.OPT_OUT_VALUE.equals(env.get(CpuKernels.OPT_OUT));
        Optional<String> coreType = userChose ? Optional.empty() : CpuKernels.coreTypeFor(arch, cpuFlags);
        List<String> options = memoryDefaults(jvmArguments);
        if (coreType.isEmpty() && options.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Plan(coreType, options, nativeEnvironment(env)));
    }

    /**
     * JVM options for the child unless the user gave their own: a 512 MB heap (the data live in native
     * memory) and a 3 GB cap on ND4J's native memory. A small heap makes the collector run often enough to
     * free the native arrays of finished batches: the beans' 5000 epochs otherwise grow to 6 GB. And the
     * parallel collector: ND4J makes a few Java objects with native memory behind them per op, which G1's
     * reference processing handles slowly (the beans, 10-example batches: 1.3-1.7 ms per fit against
     * 1.8-2.4 ms with G1; the MNIST models do not notice).
     */
    static List<String> memoryDefaults(List<String> jvmArguments) {
        List<String> defaults = new ArrayList<>();
        if (jvmArguments.stream().noneMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAMPercentage"))) {
            defaults.add("-Xmx512m");
        }
        if (jvmArguments.stream().noneMatch(a -> a.startsWith("-Dorg.bytedeco.javacpp.maxbytes"))) {
            defaults.add("-Dorg.bytedeco.javacpp.maxbytes=3g");
        }
        if (jvmArguments.stream().noneMatch(a -> a.matches("-XX:\\+Use\\w+GC"))) {
            defaults.add("-XX:+UseParallelGC");
        }
        return defaults;
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
     * Runs {@code args} in a child JVM with the better kernels and returns its exit code, or returns empty
     * when this JVM should go on itself.
     */
    private static void forwardSignals(Process child) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> child.destroy());
        } catch (IllegalArgumentException e) {
            // no such signals here: the shutdown hook still stops the child
        }
    }

    static Optional<Integer> relaunchIfUseful(String[] args) {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<Plan> plan = relaunchPlan(System.getenv(), jvmArguments, System.getProperty("os.arch"),
                CpuKernels.cpuFlags());
        if (plan.isEmpty() || ProcessHandle.current().info().command().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = javaCommand(args);
        command.addAll(1, plan.get().jvmOptions());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(CHILD, "1");
        builder.environment().putAll(plan.get().environment());
        plan.get().coreType().ifPresent(coreType -> {
            builder.environment().put("OPENBLAS_CORETYPE", coreType);
            builder.environment().put(CpuKernels.CHOSEN, coreType);
        });
        try {
            Process child = builder.start();
            // Ctrl-C reaches the child from the terminal (same process group): it stops after its batch and saves a
            // checkpoint, so this JVM only waits for it. SIGTERM, usually sent to this process alone, is passed on.
            forwardSignals(child);
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
