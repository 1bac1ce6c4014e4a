package cnnvsmlp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import cnnvsmlp.runtime.CpuKernels;

/**
 * This machine's nominal fp32 peak: cores x clock x FLOP per cycle, assuming two FMA units per core
 * (64 FLOP/cycle with AVX-512, 32 with AVX2 + FMA, 8 with SSE). A nominal figure, stated as such.
 *
 * @param cores logical processors the JVM sees
 * @param gigahertz the clock {@code /proc/cpuinfo} reports (0 when unknown)
 * @param flopsPerCycle per core
 */
public record MachinePeak(int cores, double gigahertz, int flopsPerCycle) {

    public static MachinePeak ofThisMachine() {
        Set<String> flags = CpuKernels.cpuFlags();
        int perCycle = flags.contains("avx512f") ? 64 : flags.contains("avx2") && flags.contains("fma") ? 32 : 8;
        return new MachinePeak(Runtime.getRuntime().availableProcessors(), clockGigahertz(), perCycle);
    }

    public double gflops() {
        return cores * gigahertz * flopsPerCycle;
    }

    private static double clockGigahertz() {
        try {
            return CpuKernels.cpuInfoField("cpu MHz").map(Double::parseDouble).orElse(0.0) / 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Peak resident memory of this process so far ({@code VmHWM}), in MiB; -1 where unknown. */
    public static double peakResidentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
