package cnnvsmlp.train;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import cnnvsmlp.report.GpuDevices;

/**
 * ND4J's run-time settings for training: CPU threads, and a garbage collection every few seconds.
 *
 * <p>Threads come in two pools that share the cores: OpenBLAS's (matrix products) and OpenMP's (libnd4j's
 * element-wise and reduction ops, and oneDNN's convolutions). A pool's idle threads spin for a while before
 * they sleep, so on few cores each pool slows the other. {@code opThreads} bounds the OpenMP pool for the
 * calling thread, which is the thread that trains.
 *
 * <p>ND4J frees an array's native memory only when the garbage collector has found its Java object
 * unreachable. A small network fitted 50,000 times (the beans) makes little Java garbage but many native
 * arrays, so without a periodic collection its native memory grows to gigabytes (measured: 2.7 GB after
 * 1000 beans epochs, 6.4 GB after 5000).
 */
public final class Nd4jRuntime {

    /** Milliseconds between the collections ND4J's deallocator thread asks for. */
    public static final int GC_WINDOW_MILLIS = 1000;

    private Nd4jRuntime() {
    }

    /** {@code blasThreads} for OpenBLAS, {@code opThreads} for libnd4j's own ops and oneDNN. */
    public static void configure(int blasThreads, int opThreads) {
        Nd4j.getEnvironment().setMaxMasterThreads(opThreads);
        Nd4j.getEnvironment().setMaxThreads(opThreads);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
        if (!GpuDevices.cudaBackend()) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(opThreads);
        }
        Nd4j.getMemoryManager().togglePeriodicGc(true);
        Nd4j.getMemoryManager().setAutoGcWindow(GC_WINDOW_MILLIS);
    }
}
