package cnnvsmlp.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Reads a {@code model.zip} (DL4J's {@link ModelSerializer} format), also one written before the speed layers moved
 * from {@code cnnvsmlp.model} to {@code cnnvsmlp.dl4j}: DL4J names a custom layer by its class in the zip's
 * {@code configuration.json}, so such a file names classes that no longer exist. Their names are mapped to the
 * current ones in memory; the file is left as it is.
 */
public final class ModelZip {

    /** Class names that earlier versions of this project wrote, and the classes that replace them. */
    static final Map<String, String> MOVED = Map.of(
            "cnnvsmlp.model.ForwardOnceDenseLayer", "cnnvsmlp.dl4j.ForwardOnceDenseLayer",
            "cnnvsmlp.model.OneDnnConvolutionLayer", "cnnvsmlp.dl4j.OneDnnConvolutionLayer");

    private static final String CONFIGURATION = "configuration.json";

    private ModelZip() {
    }

    /** The network in {@code file}, with its updater state. */
    public static MultiLayerNetwork restore(Path file) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        try (InputStream in = new ByteArrayInputStream(withCurrentClassNames(zip))) {
            return ModelSerializer.restoreMultiLayerNetwork(in, true);
        }
    }

    /** {@code zip} with every moved class name in its configuration replaced; the same bytes if none occurs. */
    static byte[] withCurrentClassNames(byte[] zip) throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream(zip.length);
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(rewritten)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (CONFIGURATION.equals(entry.getName())) {
                    String json = new String(content, StandardCharsets.UTF_8);
                    String current = json;
                    for (Map.Entry<String, String> move : MOVED.entrySet()) {
                        current = current.replace("\"" + move.getKey() + "\"", "\"" + move.getValue() + "\"");
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
