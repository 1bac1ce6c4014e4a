package cnnvsmlp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The nominal peak follows the microarchitecture, not only the instruction set (issue 21). */
class MachinePeakTest {

    @Test
    void zen4RunsAvx512AtHalfWidthAndZen5AndIntelServersAtFullWidth() {
        Set<String> avx512 = Set.of("avx2", "fma", "avx512f");
        assertEquals(32, MachinePeak.flopsPerCycle(avx512, "AuthenticAMD", 25).flops(), "Zen 4: 256-bit pipes");
        assertEquals(64, MachinePeak.flopsPerCycle(avx512, "AuthenticAMD", 26).flops(), "Zen 5 server: 512-bit");
        assertEquals(64, MachinePeak.flopsPerCycle(avx512, "GenuineIntel", 6).flops(), "Sapphire Rapids");
        assertEquals(32, MachinePeak.flopsPerCycle(Set.of("avx2", "fma"), "AuthenticAMD", 23).flops(), "Zen 2");
        assertEquals(8, MachinePeak.flopsPerCycle(Set.of("sse2"), "GenuineIntel", 6).flops());
        assertEquals("AMD Zen 4: AVX-512 on two 256-bit FMA pipes",
                MachinePeak.flopsPerCycle(avx512, "AuthenticAMD", 25).basis());
        MachinePeak here = MachinePeak.ofThisMachine();
        assertEquals(here.cores() * here.gigahertz() * here.flopsPerCycle(), here.gflops(), 1e-9);
    }
}
