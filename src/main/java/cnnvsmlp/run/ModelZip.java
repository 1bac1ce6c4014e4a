package cnnvsmlp.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import cnnvsmlp.dl4j.SpeedLayers;

/**
 * A {@code model.zip} in DL4J's {@link ModelSerializer} format that any DL4J program loads: it names only DL4J's
 * own layer classes. The speed layers of {@code cnnvsmlp.dl4j} have their DL4J layer's configuration, parameters and
 * initialisation, so writing renames them to it, and reading here renames them back, which also reads the files of
 * earlier versions of this project (speed layers named in {@code cnnvsmlp.dl4j}, or in {@code cnnvsmlp.model} before
 * the package split). Renaming happens in memory, on the zip's {@code configuration.json}.
 */
public final class ModelZip {

    /** Class names that earlier versions of this project wrote, and the classes that replace them. */
    static final Map<String, String> MOVED = Map.of(
            "cnnvsmlp.model.ForwardOnceDenseLayer", "cnnvsmlp.dl4j.ForwardOnceDenseLayer",
            "cnnvsmlp.model.OneDnnConvolutionLayer", "cnnvsmlp.dl4j.OneDnnConvolutionLayer");

    private static final String CONFIGURATION = "configuration.json";

    private ModelZip() {
    }

    /** Writes {@code model} with its updater state to {@code file} (atomically), in DL4J's own layer classes. */
    public static void write(MultiLayerNetwork model, Path file) throws IOException {
        AtomicFiles.write(file, portable(model));
    }

    /** {@code model} as the bytes of a portable model.zip. */
    static byte[] portable(MultiLayerNetwork model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model, bytes, true);
        return renamed(bytes.toByteArray(), SpeedLayers.toDl4jOwn());
    }

    /** The network in {@code file}, with its updater state, computed by this project's speed layers. */
    public static MultiLayerNetwork restore(Path file) throws IOException {
        Map<String, String> names = new LinkedHashMap<>(MOVED);
        names.putAll(SpeedLayers.fromDl4jOwn());
        try (InputStream in = new ByteArrayInputStream(renamed(Files.readAllBytes(file), names))) {
            return ModelSerializer.restoreMultiLayerNetwork(in, true);
        }
    }

    /** {@code zip} with the layer classes of its configuration renamed by {@code names}; the same bytes if none is. */
    static byte[] renamed(byte[] zip, Map<String, String> names) throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream(zip.length);
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(rewritten)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (CONFIGURATION.equals(entry.getName())) {
                    String json = new String(content, StandardCharsets.UTF_8);
                    String current = json;
                    for (Map.Entry<String, String> name : names.entrySet()) {
                        current = current.replace("\"" + name.getKey() + "\"", "\"" + name.getValue() + "\"");
                    }
                    changed = !current.equals(json);
                    content = current.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return changed ? rewritten.toByteArray() : zip;
    }
}
