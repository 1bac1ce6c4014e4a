package cnnvsmlp.train;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's run-time settings for training: CPU threads, and a garbage collection every few seconds.
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

    public static void configure(int threads) {
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        Nd4j.getMemoryManager().togglePeriodicGc(true);
        Nd4j.getMemoryManager().setAutoGcWindow(GC_WINDOW_MILLIS);
    }
}
