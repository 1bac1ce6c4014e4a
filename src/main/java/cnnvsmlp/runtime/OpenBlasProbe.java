package cnnvsmlp.runtime;

import java.util.Map;
import java.util.Optional;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Asks the OpenBLAS that ND4J loaded which kernels it runs ({@code openblas_get_corename}, e.g. "Prescott"
 * or "SkylakeX") and how it was built. JavaCPP's preset does not expose these two functions, so they are
 * called through JNA (already on DL4J's class path) on the very library JavaCPP loaded.
 */
public final class OpenBlasProbe {

    private OpenBlasProbe() {
    }

    public static Optional<String> coreName() {
        return call("openblas_get_corename");
    }

    public static Optional<String> config() {
        return call("openblas_get_config");
    }

    private static Optional<String> call(String function) {
        try {
            Nd4j.getBackend(); // loads ND4J's natives, OpenBLAS among them
            for (Map.Entry<String, String> library : Loader.getLoadedLibraries().entrySet()) {
                String path = library.getValue();
                if (library.getKey().contains("openblas") && path != null && !path.isEmpty()) {
                    Function f = NativeLibrary.getInstance(path).getFunction(function);
                    String value = (String) f.invoke(String.class, new Object[0]);
                    return Optional.ofNullable(value).map(String::trim);
                }
            }
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
