package cnnvsmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cnnvsmlp.runtime.CpuKernels;

/**
 * The faster OpenBLAS kernels give the same training: the MNIST MLP and LeNet-5 trained a few steps in two
 * child JVMs, one with the fallback "Prescott" kernels and one with the kernels the launcher would choose,
 * end with the same losses (float32 sums in another order: within 1e-4 relative).
 */
class KernelEquivalenceTest {

    @Test
    void fasterKernelsTrainTheSame() throws Exception {
        Optional<String> better = CpuKernels.coreTypeFor(System.getProperty("os.arch"), CpuKernels.cpuFlags());
        assumeTrue(better.isPresent(), "this CPU has no kernel family beyond the fallback");
        List<String> fallback = probe("Prescott");
        List<String> chosen = probe(better.get());
        assertEquals("core Prescott", fallback.get(0));
        assertEquals("core " + better.get(), chosen.get(0), "OpenBLAS reports the kernels it was asked for");
        assertEquals(fallback.size(), chosen.size());
        for (int i = 1; i < fallback.size(); i++) {
            double a = Double.parseDouble(fallback.get(i).split(" ")[1]);
            double b = Double.parseDouble(chosen.get(i).split(" ")[1]);
            assertEquals(a, b, 1e-4 * Math.abs(a), fallback.get(i) + " vs " + chosen.get(i));
        }
        assertTrue(fallback.size() > 10, fallback.toString());
    }

    private static List<String> probe(String coreType) throws IOException, InterruptedException {
        List<String> lines = KernelProbe.run(Map.of("OPENBLAS_CORETYPE", coreType), List.of());
        List<String> kept = new ArrayList<>(lines.subList(0, 1));
        kept.addAll(KernelProbe.losses(lines));
        return kept;
    }
}
