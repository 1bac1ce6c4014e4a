package cnnvsmlp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;


class RelaunchPlanTest {

    private static final Set<String> SAPPHIRE_RAPIDS = Set.of("sse3", "avx", "avx2", "fma", "avx512f", "avx512cd",
            "avx512bw", "avx512dq", "avx512vl", "amx_tile");
    private static final Set<String> ZEN3 = Set.of("sse3", "avx", "avx2", "fma");

    @Test
    void choosesTheBestFamilyTheCpuFullySupports() {
        assertEquals(Optional.of("SkylakeX"), CpuKernels.coreTypeFor("amd64", SAPPHIRE_RAPIDS));
        assertEquals(Optional.of("Haswell"), CpuKernels.coreTypeFor("amd64", ZEN3));
        // AVX-512 foundation alone (no BW/VL, as on Knights Landing) is not enough for SkylakeX kernels
        assertEquals(Optional.of("Haswell"), CpuKernels.coreTypeFor("amd64", Set.of("avx2", "fma", "avx512f")));
        assertEquals(Optional.empty(), CpuKernels.coreTypeFor("amd64", Set.of("sse3", "avx")));
        assertEquals(Optional.empty(), CpuKernels.coreTypeFor("aarch64", SAPPHIRE_RAPIDS));
    }

    @Test
    void relaunchesWithBetterKernelsOnlyWhenNobodyChose() {
        List<String> plain = List.of("-Dfile.encoding=UTF-8");
        assertEquals(Optional.of("SkylakeX"),
                RelaunchPlan.of(Map.of(), plain, "amd64", SAPPHIRE_RAPIDS).orElseThrow().coreType());
        assertEquals(Optional.empty(), RelaunchPlan.of(Map.of("OPENBLAS_CORETYPE", "Prescott"),
                plain, "amd64", SAPPHIRE_RAPIDS).orElseThrow().coreType(), "the user's choice stands");
        assertEquals(Optional.empty(), RelaunchPlan.of(Map.of(CpuKernels.OPT_OUT, "as-detected"),
                plain, "amd64", SAPPHIRE_RAPIDS).orElseThrow().coreType(), "opted out");
        // nothing to change: the user chose kernels, memory and collector
        assertEquals(Optional.empty(), RelaunchPlan.of(Map.of("OPENBLAS_CORETYPE", "Haswell"),
                List.of("-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=2g", "-XX:+UseG1GC"), "amd64", SAPPHIRE_RAPIDS));
        assertEquals(Optional.empty(), RelaunchPlan.of(Map.of(RelaunchPlan.CHILD, "1"), plain, "amd64",
                SAPPHIRE_RAPIDS), "the child never relaunches");
        assertEquals(Optional.empty(), RelaunchPlan.of(Map.of(),
                List.of("-agentlib:jdwp=transport=dt_socket,server=n,address=5005"), "amd64", SAPPHIRE_RAPIDS),
                "a debugger stays attached to this JVM");
    }

    @Test
    void theChildsNativeSettingsApplyUnlessTheUserChose() {
        List<String> plain = List.of("-Dfile.encoding=UTF-8");
        assertEquals(Map.of("OMP_WAIT_POLICY", "PASSIVE", "MALLOC_MMAP_THRESHOLD_", "33554432",
                "MALLOC_TRIM_THRESHOLD_", "2147483647", "MALLOC_TOP_PAD_", "67108864"),
                RelaunchPlan.of(Map.of(), plain, "amd64", SAPPHIRE_RAPIDS).orElseThrow().environment());
        assertEquals(Map.of(), RelaunchPlan.of(Map.of("OMP_WAIT_POLICY", "ACTIVE", "MALLOC_ARENA_MAX", "2"), plain,
                "amd64", SAPPHIRE_RAPIDS).orElseThrow().environment(), "any glibc setting of the user's: none of ours");
        assertEquals(Map.of("OMP_WAIT_POLICY", "PASSIVE"), RelaunchPlan.of(Map.of("MALLOC_TOP_PAD_", "0"), plain,
                "amd64", SAPPHIRE_RAPIDS).orElseThrow().environment());
    }

    @Test
    void saysWhoChoseTheKernels() {
        assertEquals("as OpenBLAS detects", CpuKernels.describeChoice(Map.of()));
        assertTrue(CpuKernels.describeChoice(Map.of("OPENBLAS_CORETYPE", "SkylakeX", CpuKernels.CHOSEN, "SkylakeX"))
                .startsWith("OPENBLAS_CORETYPE=SkylakeX set by cnn-vs-mlp"));
        assertEquals("OPENBLAS_CORETYPE=Haswell set by the user",
                CpuKernels.describeChoice(Map.of("OPENBLAS_CORETYPE", "Haswell")));
    }

    @Test
    void theChildGetsBoundedMemoryUnlessTheUserChose() {
        assertEquals(List.of("-Xmx512m", "-Dorg.bytedeco.javacpp.maxbytes=3g", "-XX:+UseParallelGC"),
                RelaunchPlan.memoryDefaults(List.of("-Dfile.encoding=UTF-8")));
        assertEquals(List.of("-Dorg.bytedeco.javacpp.maxbytes=3g", "-XX:+UseParallelGC"),
                RelaunchPlan.memoryDefaults(List.of("-Xmx8g")));
        assertEquals(List.of(), RelaunchPlan.memoryDefaults(List.of("-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=1g",
                "-XX:+UseG1GC")));
    }
}
