package cnnvsmlp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;

class GpuDevicesTest {

    @Test
    void describesEachDeviceFromNd4jsEnvironmentInformation() {
        Properties info = new Properties();
        info.put(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY, List.of(
                Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA H200",
                        Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY, 9,
                        Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY, 0,
                        Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY, 150_000_000_000L,
                        Nd4jEnvironment.CUDA_FREE_MEMORY_KEY, 149_000_000_000L),
                Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA GeForce RTX 4090",
                        Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY, 8,
                        Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY, 9,
                        Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY, 24L << 30,
                        Nd4jEnvironment.CUDA_FREE_MEMORY_KEY, 20L << 30)));

        assertEquals(List.of("0: NVIDIA H200, compute 9.0, 139.7 GiB (free 138.8)",
                "1: NVIDIA GeForce RTX 4090, compute 8.9, 24.0 GiB (free 20.0)"), GpuDevices.describe(info));
        assertTrue(GpuDevices.describe(new Properties()).isEmpty());
    }

    @Test
    void readsCudasIntegerVersions() {
        assertEquals("11.6", GpuDevices.cudaVersionText(11060));
        assertEquals("12.4", GpuDevices.cudaVersionText(12040));
    }

    @Test
    void theCpuBuildReportsNoGpu() {
        assertFalse(GpuDevices.cudaBackend());
        assertTrue(GpuDevices.report().isEmpty());
        assertFalse(RunEnvironment.capture().backend().containsKey("devices"));
    }
}
