package cnnvsmlp.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Properties;

import org.nd4j.linalg.factory.Nd4j;

/**
 * oneDNN, the convolution library of ND4J's {@code -onednn} native builds.
 *
 * <p>The project builds against ND4J's oneDNN variant on Linux x86-64 (the pom's {@code nd4j.cpu.extension}).
 * JavaCPP loads that variant only when the system property {@code org.bytedeco.javacpp.platform.extension}
 * names it, so {@link #selectNativeVariant()} sets it, from the build, before ND4J loads.
 *
 * <p>DL4J 1.0.0-M2.1 checks for oneDNN under a class name that no longer exists
 * ({@code org.nd4j.nativeblas.Nd4jCpu$Environment}), so its own oneDNN helpers never switch on and every
 * convolution takes a slow im2col path; {@link #available()} asks the class where it now lives.
 */
public final class OneDnn {

    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private static Boolean available;

    private OneDnn() {
    }

    /** Makes JavaCPP load the native variant this project was built with; call before ND4J initialises. */
    public static void selectNativeVariant() {
        if (System.getProperty(EXTENSION_PROPERTY) != null) {
            return;
        }
        Properties versions = new Properties();
        try (InputStream in = OneDnn.class.getResourceAsStream("/cnnvsmlp/versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            return;
        }
        String extension = versions.getProperty("javacpp.platform.extension", "");
        if (!extension.isBlank() && !extension.startsWith("${")) {
            System.setProperty(EXTENSION_PROPERTY, extension.trim());
        }
    }

    /** Whether the loaded native library has oneDNN and allows helpers. */
    public static synchronized boolean available() {
        if (available == null) {
            available = check();
        }
        return available;
    }

    private static boolean check() {
        try {
            if (!Nd4j.getEnvironment().helpersAllowed()) {
                return false;
            }
            Class<?> environment = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
            Object instance = environment.getMethod("getInstance").invoke(null);
            Method isUseOneDnn = environment.getMethod("isUseONEDNN");
            return (boolean) isUseOneDnn.invoke(instance);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false; // another backend (CUDA) or a build without oneDNN
        }
    }
}
