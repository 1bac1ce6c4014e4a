package cnnvsmlp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import cnnvsmlp.runtime.CpuKernels;

/**
 * This machine's nominal fp32 peak: cores x clock x FLOP per cycle, the FLOP per cycle from the
 * microarchitecture ({@link #flopsPerCycle}). A nominal figure, stated as such with its basis.
 *
 * @param cores logical processors the JVM sees
 * @param gigahertz the clock {@code /proc/cpuinfo} reports (0 when unknown)
 * @param flopsPerCycle per core
 * @param basis how {@code flopsPerCycle} was decided, in words
 */
public record MachinePeak(int cores, double gigahertz, int flopsPerCycle, String basis) {

    public static MachinePeak ofThisMachine() {
        Set<String> flags = CpuKernels.cpuFlags();
        String vendor = CpuKernels.cpuInfoField("vendor_id").orElse("");
        int family;
        try {
            family = Integer.parseInt(CpuKernels.cpuInfoField("cpu family").orElse("0").strip());
        } catch (NumberFormatException e) {
            family = 0;
        }
        PerCycle perCycle = flopsPerCycle(flags, vendor, family);
        return new MachinePeak(Runtime.getRuntime().availableProcessors(), clockGigahertz(), perCycle.flops(),
                perCycle.basis());
    }

    /** fp32 FLOP per cycle and core, and how that was decided. */
    record PerCycle(int flops, String basis) {
    }

    /**
     * fp32 FLOP per cycle and core, with its basis: two FMA pipes of the vector width the core executes at. AMD
     * Zen 4 (family 25) decodes AVX-512 but runs it on 256-bit pipes: 2 x 8 lanes x 2 = 32; Zen 5 server cores
     * (family 26) and Intel's AVX-512 server cores have 512-bit pipes: 64; AVX2 + FMA: 32; otherwise SSE: 8.
     */
    static PerCycle flopsPerCycle(Set<String> flags, String vendor, int family) {
        if (flags.contains("avx512f")) {
            if (vendor.equals("AuthenticAMD") && family == 25) {
                return new PerCycle(32, "AMD Zen 4: AVX-512 on two 256-bit FMA pipes");
            }
            return new PerCycle(64, vendor.equals("AuthenticAMD") ? "AMD Zen 5 (family " + family + "): AVX-512 on two"
                    + " 512-bit FMA pipes" : "AVX-512 on two 512-bit FMA units (Intel server cores)");
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return new PerCycle(32, "AVX2 + FMA on two 256-bit FMA units");
        }
        return new PerCycle(8, "SSE, no FMA");
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
