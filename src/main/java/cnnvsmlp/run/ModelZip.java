package cnnvsmlp.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * the package split). Renaming rewrites the zip's {@code configuration.json} as the zip is copied, entry by entry.
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
        AtomicFiles.write(file, temporary -> writePortable(model, temporary));
    }

    /**
     * Writes {@code model} as a portable model.zip to {@code file}, through a temporary file beside it: nothing of
     * the zip is held in the Java heap (the 6-layer MLP's with Adam's state is 140 MB, more than the heap the
     * launcher gives; held in memory, with the copies a growing buffer makes, it ran out).
     */
    static void writePortable(MultiLayerNetwork model, Path file) throws IOException {
        Path raw = Files.createTempFile(file.toAbsolutePath().getParent(), ".cnnvsmlp-", ".zip");
        try {
            ModelSerializer.writeModel(model, raw.toFile(), true);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(raw));
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                renamed(in, out, SpeedLayers.toDl4jOwn());
            }
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** The network in {@code file}, with its updater state, computed by this project's speed layers. */
    public static MultiLayerNetwork restore(Path file) throws IOException {
        Map<String, String> names = new LinkedHashMap<>(MOVED);
        names.putAll(SpeedLayers.fromDl4jOwn());
        Path renamed = Files.createTempFile("cnnvsmlp-", ".zip"); // where DL4J's own reader copies a stream to
        try {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(renamed))) {
                renamed(in, out, names);
            }
            return ModelSerializer.restoreMultiLayerNetwork(renamed.toFile(), true);
        } finally {
            Files.deleteIfExists(renamed);
        }
    }

    /**
     * Copies the zip {@code zip} to {@code out} with the layer classes of its configuration renamed by
     * {@code names}, entry by entry: only the configuration is read into memory.
     */
    static void renamed(InputStream zip, OutputStream out, Map<String, String> names) throws IOException {
        try (ZipInputStream in = new ZipInputStream(zip); ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                rewritten.putNextEntry(new ZipEntry(entry.getName()));
                if (CONFIGURATION.equals(entry.getName())) {
                    String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> name : names.entrySet()) {
                        json = json.replace("\"" + name.getKey() + "\"", "\"" + name.getValue() + "\"");
                    }
                    rewritten.write(json.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(rewritten);
                }
                rewritten.closeEntry();
            }
        }
    }
}
