package cnnvsmlp.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the CUDA backend runs on: each GPU's name, compute capability and memory, and the CUDA runtime,
 * driver and cuDNN versions. Read only when ND4J runs its CUDA backend (the build's {@code -Pcuda}); the
 * CUDA classes are reached by reflection so that the default CPU build neither needs nor downloads them.
 */
public final class GpuDevices {

    private GpuDevices() {
    }

    /** Whether ND4J runs on its CUDA backend. */
    public static boolean cudaBackend() {
        return Nd4j.getBackend().getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("cublas");
    }

    /**
     * The report, as the keys and values that go into {@code config.json}'s backend section: "devices"
     * (one line per GPU), "cudaRuntime", "cudaDriver", "cudnn". Empty on the CPU backend.
     */
    public static Map<String, String> report() {
        Map<String, String> report = new LinkedHashMap<>();
        if (!cudaBackend()) {
            return report;
        }
        report.put("devices", String.join("; ", describe(Nd4j.getExecutioner().getEnvironmentInformation())));
        report.put("cudaRuntime", cudaVersion("cudaRuntimeGetVersion"));
        report.put("cudaDriver", cudaVersion("cudaDriverGetVersion"));
        report.put("cudnn", cudnnVersion());
        return report;
    }

    /** One line per device of ND4J's environment information: "0: NAME, compute 9.0, 139.8 GiB (free 138.2)". */
    static List<String> describe(Properties info) {
        List<String> lines = new ArrayList<>();
        if (!(info.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> devices)) {
            return lines;
        }
        for (Object device : devices) {
            if (device instanceof Map<?, ?> d) {
                lines.add(String.format(Locale.ROOT, "%d: %s, compute %s.%s, %.1f GiB (free %.1f)", lines.size(),
                        d.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY),
                        d.get(Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY),
                        d.get(Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY),
                        gib(d.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY)),
                        gib(d.get(Nd4jEnvironment.CUDA_FREE_MEMORY_KEY))));
            }
        }
        return lines;
    }

    /** CUDA's integer version (e.g. 11060) as "11.6". */
    static String cudaVersionText(int version) {
        return (version / 1000) + "." + (version % 1000) / 10;
    }

    private static double gib(Object bytes) {
        return bytes instanceof Number n ? n.doubleValue() / (1L << 30) : Double.NaN;
    }

    private static String cudaVersion(String function) {
        try {
            Class<?> cudart = Class.forName("org.bytedeco.cuda.global.cudart");
            int[] version = new int[1];
            cudart.getMethod(function, int[].class).invoke(null, (Object) version);
            return cudaVersionText(version[0]);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String cudnnVersion() {
        try {
            Class<?> cudnn = Class.forName("org.bytedeco.cuda.global.cudnn");
            long version = ((Number) cudnn.getMethod("cudnnGetVersion").invoke(null)).longValue();
            // cuDNN 8 encodes MAJOR * 1000 + MINOR * 100 + PATCH
            return (version / 1000) + "." + (version % 1000) / 100 + "." + version % 100;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return "not loaded (" + e.getClass().getSimpleName() + ")";
        }
    }
}
