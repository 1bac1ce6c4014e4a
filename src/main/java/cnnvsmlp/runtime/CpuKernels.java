package cnnvsmlp.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which OpenBLAS kernels a CPU can run, and who chose the ones in use. The bundled OpenBLAS 0.3.19 falls
 * back to "Prescott" (SSE3) kernels on CPUs newer than itself; {@code cnnvsmlp.cli.KernelLauncher} then
 * starts the JVM again with {@code OPENBLAS_CORETYPE} set to the best family the CPU fully supports.
 */
public final class CpuKernels {

    /** Set in the child JVM's environment: the core type the launcher chose. */
    public static final String CHOSEN = "CNNVSMLP_CORETYPE_CHOSEN";
    /** {@code CNNVSMLP_KERNELS=as-detected} leaves OpenBLAS to its own detection. */
    public static final String OPT_OUT = "CNNVSMLP_KERNELS";
    public static final String OPT_OUT_VALUE = "as-detected";

    private static final List<String> SKYLAKE_X = List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final List<String> HASWELL = List.of("avx2", "fma");

    private CpuKernels() {
    }

    /**
     * The OpenBLAS core type whose instructions the CPU has all of: "SkylakeX" (AVX-512) or "Haswell"
     * (AVX2 + FMA), or empty when it has neither or is no x86-64.
     */
    public static Optional<String> coreTypeFor(String arch, Set<String> cpuFlags) {
        if (!"amd64".equals(arch) && !"x86_64".equals(arch)) {
            return Optional.empty();
        }
        if (cpuFlags.containsAll(SKYLAKE_X)) {
            return Optional.of("SkylakeX");
        }
        if (cpuFlags.containsAll(HASWELL)) {
            return Optional.of("Haswell");
        }
        return Optional.empty();
    }

    /** The flags of the first CPU in {@code /proc/cpuinfo}, empty where there is no such file. */
    public static Set<String> cpuFlags() {
        return cpuInfoField("flags").map(flags -> (Set<String>) new HashSet<>(Arrays.asList(flags.split("\\s+"))))
                .orElse(Set.of());
    }

    /** A field of the first CPU in {@code /proc/cpuinfo} ("model name", "flags", "cpu MHz"), where there is one. */
    public static Optional<String> cpuInfoField(String field) {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(field)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** One line for the console and config.json: which core type was asked for, and by whom. */
    public static String describeChoice(Map<String, String> env) {
        String requested = env.get("OPENBLAS_CORETYPE");
        if (requested == null) {
            return OPT_OUT_VALUE.equals(env.get(OPT_OUT)) ? "as OpenBLAS detects (" + OPT_OUT + "=" + OPT_OUT_VALUE + ")"
                    : "as OpenBLAS detects";
        }
        if (requested.equals(env.get(CHOSEN))) {
            return "OPENBLAS_CORETYPE=" + requested + " set by cnn-vs-mlp (the CPU has its instructions; the bundled"
                    + " OpenBLAS 0.3.19 misdetects recent CPUs; " + OPT_OUT + "=" + OPT_OUT_VALUE + " to turn off)";
        }
        return "OPENBLAS_CORETYPE=" + requested + " set by the user";
    }
}
