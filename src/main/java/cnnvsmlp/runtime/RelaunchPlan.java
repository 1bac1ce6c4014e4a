package cnnvsmlp.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a child JVM of the command line would change, decided from the environment, the JVM's options and the CPU:
 * the OpenBLAS core type to set (when the user has not chosen one nor opted out, and the CPU has a better family
 * than OpenBLAS's fallback, see {@link CpuKernels}), the JVM options it adds and its native settings.
 * {@code cli.KernelLauncher} starts the child.
 *
 * @param coreType the {@code OPENBLAS_CORETYPE} to set, if any
 * @param jvmOptions JVM options added to the child's command line
 * @param environment native settings added to the child's environment
 */
public record RelaunchPlan(Optional<String> coreType, List<String> jvmOptions, Map<String, String> environment) {

    /** Set in the child JVM's environment, so that it never starts another. */
    public static final String CHILD = "CNNVSMLP_CHILD_JVM";

    /**
     * glibc's allocator settings for the child: keep freed blocks of up to 32 MB (glibc's largest threshold) in
     * the process instead of handing each back to the kernel, and keep 64 MB of freed heap at its top. ND4J
     * allocates every array of a batch with {@code malloc}; LeNet-5's largest at batch 2048 are 28 MB, which
     * glibc would map afresh and the kernel zero page by page on every batch (measured: 8,000 page faults per
     * batch, 645,000 against 220,000 in a two-epoch benchmark; 1.85-1.94 s per epoch against 2.07-2.10 s;
     * the peak resident memory 60 MB higher).
     */
    static final Map<String, String> MALLOC = Map.of(
            "MALLOC_MMAP_THRESHOLD_", String.valueOf(32 * 1024 * 1024),
            "MALLOC_TRIM_THRESHOLD_", String.valueOf(Integer.MAX_VALUE),
            "MALLOC_TOP_PAD_", String.valueOf(64 * 1024 * 1024));

    /**
     * The child's native run-time settings unless the user set them: {@code OMP_WAIT_POLICY=PASSIVE},
     * OpenMP threads that sleep as soon as they are idle (ND4J has two thread pools, OpenMP's (libnd4j, oneDNN)
     * and OpenBLAS's, and an OpenMP thread that spins after its work holds the core the next matrix product
     * needs; measured on 2 cores, LeNet-5 at batch 64: 17-18 s per epoch against 21-29 s), and {@link #MALLOC}
     * (where no {@code MALLOC_} variable is set).
     */
    static Map<String, String> nativeEnvironment(Map<String, String> env) {
        Map<String, String> settings = new java.util.TreeMap<>();
        if (!env.containsKey("OMP_WAIT_POLICY")) {
            settings.put("OMP_WAIT_POLICY", "PASSIVE");
        }
        if (env.keySet().stream().noneMatch(name -> name.startsWith("MALLOC_"))) {
            settings.putAll(MALLOC);
        }
        return settings;
    }

    /** The plan for a child JVM, or empty to go on in this one (already the child, being debugged, nothing to change). */
    public static Optional<RelaunchPlan> of(Map<String, String> env, List<String> jvmArguments, String arch,
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
        return Optional.of(new RelaunchPlan(coreType, options, nativeEnvironment(env)));
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
}
