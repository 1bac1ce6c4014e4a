package cnnvsmlp.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import cnnvsmlp.dl4j.CachingShapeInfoProvider;
import cnnvsmlp.runtime.GpuDevices;

/**
 * ND4J's run-time settings for training: two that must be made before ND4J loads ({@link #beforeLoad}), CPU
 * threads, and a garbage collection every few seconds.
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

    /** ND4J's property naming its shape-descriptor provider (a system property overrides the backend's). */
    static final String SHAPE_INFO_PROVIDER_PROPERTY = "shapeinfoprovider";

    /** JavaCPP's cap on the process' resident memory, checked on every native allocation. */
    static final String MAX_PHYSICAL_BYTES_PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

    private Nd4jRuntime() {
    }

    /**
     * Settings that ND4J and JavaCPP read once, when they load; call before either does. Each is left alone
     * when the user has set it (a system property of the same name).
     *
     * <ul>
     *   <li>On the CPU backend, {@link CachingShapeInfoProvider}: every new array otherwise makes a native
     *   shape descriptor that already exists (about a third of a beans {@code fit}).</li>
     *   <li>JavaCPP's resident-memory check off ({@code maxPhysicalBytes} 0): with it on, every native
     *   allocation, even of a 2-element shape, reads {@code /proc/self/statm} under a global lock (another
     *   third of a beans {@code fit}). Native memory stays bounded by JavaCPP's {@code maxbytes}, by the
     *   periodic collection {@link #configure} asks for, and by the small heap the command line gives its
     *   JVM (the beans' 5000 epochs peak at about 600 MB).</li>
     * </ul>
     */
    public static void beforeLoad() {
        if (onlyCpuBackend() && System.getProperty(SHAPE_INFO_PROVIDER_PROPERTY) == null) {
            System.setProperty(SHAPE_INFO_PROVIDER_PROPERTY, CachingShapeInfoProvider.class.getName());
        }
        if (System.getProperty(MAX_PHYSICAL_BYTES_PROPERTY) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES_PROPERTY, "0");
        }
    }

    /**
     * Frees the native memory of arrays nothing refers to any more: a collection, then a moment for ND4J's
     * deallocator threads. Between the main job's experiments, so that the MLP's 220 MB of MNIST arrays are gone
     * before LeNet-5 makes its own (ND4J frees an array only after the collector has found it unreachable).
     */
    public static void releaseUnreachableArrays() {
        System.gc();
        try {
            Thread.sleep(RELEASE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final long RELEASE_PAUSE_MILLIS = 300;

    /** Whether ND4J's CPU backend is on the class path and its CUDA backend is not (the build's -Pcuda). */
    static boolean onlyCpuBackend() {
        return present("org.nd4j.linalg.cpu.nativecpu.CpuBackend") && !present("org.nd4j.linalg.jcublas.JCublasBackend");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Nd4jRuntime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** What {@link #beforeLoad} settings are in force in this JVM, for a run's config.json. */
    public static Map<String, String> loadSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("shapeInfoProvider", Nd4j.getShapeInfoProvider().getClass().getName());
        settings.put("javacppMaxPhysicalBytes", String.valueOf(org.bytedeco.javacpp.Pointer.maxPhysicalBytes()));
        return settings;
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
