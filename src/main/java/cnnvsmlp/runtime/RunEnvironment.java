package cnnvsmlp.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.dl4j.FlushDenormals;
import cnnvsmlp.dl4j.OneDnn;
import cnnvsmlp.runtime.Nd4jRuntime;

/**
 * Where and with what a run ran: machine, Java, ND4J backend and the CPU kernels OpenBLAS chose, library
 * versions, git commit. Written into every {@code config.json}.
 *
 * @param machine host name, OS, CPU model, cores, memory
 * @param jvm Java version and vendor
 * @param backend ND4J backend, BLAS vendor, threads, data type, what becomes of denormals; on a GPU the
 *     devices (name, compute capability, memory) and the CUDA runtime, driver and cuDNN versions
 *     ({@link GpuDevices})
 * @param cpuKernels OpenBLAS' core type (the kernel level it runs) and build configuration, and the
 *     {@code OPENBLAS_CORETYPE} it was started with
 * @param versions the project's and its libraries' versions
 * @param gitCommit the commit of the working tree ("-dirty" when it has uncommitted changes), or "unknown"
 */
public record RunEnvironment(Map<String, String> machine, Map<String, String> jvm, Map<String, String> backend,
        Map<String, String> cpuKernels, Map<String, String> versions, String gitCommit) {

    /** Reads the environment of this JVM; initialises ND4J if it has not yet. */
    public static RunEnvironment capture() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("host", hostName());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("arch", System.getProperty("os.arch"));
        machine.put("cpu", CpuKernels.cpuInfoField("model name").orElse("unknown"));
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("memoryGiB", String.format(java.util.Locale.ROOT, "%.1f", totalMemoryBytes() / (double) (1L << 30)));

        Map<String, String> jvm = new LinkedHashMap<>();
        jvm.put("version", System.getProperty("java.version"));
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name"));
        jvm.put("arguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        jvm.put("maxHeapMiB", String.valueOf(Runtime.getRuntime().maxMemory() >> 20));

        Map<String, String> backend = new LinkedHashMap<>();
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        backend.put("name", Nd4j.getBackend().getClass().getSimpleName());
        for (String key : new String[] {"backend", "blas.vendor", "omp.threads", "blas.threads"}) {
            if (info.get(key) != null) {
                backend.put(key, String.valueOf(info.get(key)));
            }
        }
        backend.put("dataType", Nd4j.dataType().toString());
        backend.put("nativeVariant", System.getProperty("org.bytedeco.javacpp.platform.extension", "(plain)"));
        boolean cuda = GpuDevices.cudaBackend();
        backend.put("convolutions", OneDnn.available() ? "oneDNN (DL4J's MKLDNNConvHelper, switched on)"
                : cuda ? "DL4J's im2col path on the GPU (cuBLAS)" : "DL4J's im2col path");
        backend.put("denormals", FlushDenormals.SENTENCE);
        backend.putAll(Nd4jRuntime.loadSettings());
        backend.putAll(GpuDevices.report());

        Map<String, String> versions = readVersions();
        if (!cuda) { // the CUDA and cuDNN versions of the -Pcuda build, not in use on the CPU backend
            versions.remove("cuda");
            versions.remove("cudnn");
        }
        return new RunEnvironment(machine, jvm, backend, readCpuKernels(), versions, readGitCommit());
    }

    /** OpenBLAS' own report of the kernels it chose (e.g. "Prescott" or "SkylakeX"), when it is the BLAS. */
    /** The ND4J backend, with its native variant and, on a GPU, the devices. */
    public String backendLine() {
        Map<String, String> b = backend == null ? Map.of() : backend;
        return (b.getOrDefault("name", "") + " " + b.getOrDefault("nativeVariant", "")
                + (b.containsKey("devices") ? " on " + b.get("devices") : "")).trim();
    }

    /** The first 12 characters of the git commit the run was made from. */
    public String shortCommit() {
        String commit = gitCommit == null ? "unknown" : gitCommit;
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    public static Map<String, String> readCpuKernels() {
        Map<String, String> kernels = new LinkedHashMap<>();
        kernels.put("chosen", CpuKernels.describeChoice(System.getenv()));
        kernels.put("openblasCore", OpenBlasProbe.coreName().orElse("unknown"));
        kernels.put("openblasConfig", OpenBlasProbe.config().orElse("unknown"));
        kernels.put("cpuFlags", cpuFlagsSummary());
        kernels.put("ompWaitPolicy", System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset (OpenMP's default)"));
        kernels.put("malloc", mallocSettings(System.getenv()));
        return kernels;
    }

    /** glibc's allocator settings in {@code env} (its {@code MALLOC_} variables), or "glibc's defaults". */
    static String mallocSettings(Map<String, String> env) {
        String set = new java.util.TreeMap<>(env).entrySet().stream()
                .filter(e -> e.getKey().startsWith("MALLOC_"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
        return set.isEmpty() ? "glibc's defaults" : set;
    }

    public static Map<String, String> readVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        Properties p = new Properties();
        try (InputStream in = RunEnvironment.class.getResourceAsStream("/cnnvsmlp/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // versions stay unknown
        }
        for (String name : p.stringPropertyNames().stream().sorted().toList()) {
            versions.put(name, p.getProperty(name));
        }
        return versions;
    }

    private static String cpuFlagsSummary() {
        Set<String> flags = CpuKernels.cpuFlags();
        if (flags.isEmpty()) {
            return "unknown";
        }
        return Stream.of("avx", "avx2", "fma", "avx512f", "avx512_bf16", "amx_tile").filter(flags::contains)
                .collect(Collectors.joining(" "));
    }

    private static long totalMemoryBytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The commit of the code that runs: the working tree's ({@link #readGitCommit(java.nio.file.Path)}), unless
     * this runs from a jar built from another commit (a copy of the jar kept for a long run while the checkout moved
     * on): then the jar's build commit, which the build wrote into {@code cnnvsmlp/git.properties}.
     */
    public static String readGitCommit() {
        return codeCommit(readGitCommit(null), jarBuildCommit());
    }

    /** The working tree's commit, or the jar's build commit ({@code built}, null: unknown) where they differ. */
    static String codeCommit(String tree, String built) {
        return built == null || tree.startsWith(built) ? tree : built;
    }

    /** The build commit of the jar this class was loaded from; null when it runs from classes or none is known. */
    static String jarBuildCommit() {
        try {
            java.security.CodeSource source = RunEnvironment.class.getProtectionDomain().getCodeSource();
            if (source == null || !source.getLocation().getPath().endsWith(".jar")) {
                return null;
            }
            try (java.io.InputStream in = RunEnvironment.class.getResourceAsStream("/cnnvsmlp/git.properties")) {
                if (in == null) {
                    return null;
                }
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                String commit = properties.getProperty("git.commit.id");
                return commit == null || !commit.matches("[0-9a-f]{40}") ? null : commit;
            }
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * The commit of the work tree at {@code directory} (null: the current one), "-dirty" when a tracked file
     * other than the runs' own output ({@code results/}, {@code notebooks-export/}) has uncommitted changes: the
     * main job rewrites {@code results/README.md} after its first run, which says nothing about the code.
     */
    static String readGitCommit(java.nio.file.Path directory) {
        try {
            String commit = run(directory, "git", "rev-parse", "HEAD");
            if (commit.isEmpty()) {
                return "unknown";
            }
            String status = run(directory, "git", "status", "--porcelain", "--untracked-files=no", "--", ":/",
                    ":(top,exclude)results", ":(top,exclude)notebooks-export");
            return status.isEmpty() ? commit : commit + "-dirty";
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "unknown";
        }
    }

    private static String run(java.nio.file.Path directory, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            return "";
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }
}
