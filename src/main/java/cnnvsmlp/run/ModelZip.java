package cnnvsmlp.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

    /** The entries of DL4J's format ({@link ModelSerializer}'s names). */
    private static final String CONFIGURATION = ModelSerializer.CONFIGURATION_JSON;
    private static final String COEFFICIENTS = ModelSerializer.COEFFICIENTS_BIN;
    private static final String UPDATER_STATE = ModelSerializer.UPDATER_BIN;

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

    /**
     * The network in {@code file}, with its updater state, computed by this project's speed layers. Read as DL4J's
     * {@link ModelSerializer} reads it (configuration, then parameters and updater state with {@link Nd4j#read}),
     * but entry by entry from the file: DL4J's reader first holds every entry in byte arrays, which for the 6-layer
     * MLP with Adam's state (140 MB) is more than a comparison's JVM has left of the launcher's 512 MB heap.
     */
    public static MultiLayerNetwork restore(Path file) throws IOException {
        Map<String, String> names = new LinkedHashMap<>(MOVED);
        names.putAll(SpeedLayers.fromDl4jOwn());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry configuration = zip.getEntry(CONFIGURATION);
            ZipEntry coefficients = zip.getEntry(COEFFICIENTS);
            if (configuration == null || coefficients == null || coefficients.getSize() == 0) {
                throw new IOException("not a DL4J model with parameters (no " + (configuration == null ? CONFIGURATION
                        : COEFFICIENTS) + " in it): " + file);
            }
            String json;
            try (InputStream in = zip.getInputStream(configuration)) {
                json = renamed(new String(in.readAllBytes(), StandardCharsets.UTF_8), names);
            }
            INDArray parameters = read(zip, coefficients);
            MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(json);
            conf.setDataType(parameters.dataType());
            MultiLayerNetwork network = new MultiLayerNetwork(conf);
            network.init(parameters, false);
            ZipEntry updater = zip.getEntry(UPDATER_STATE);
            if (updater != null) {
                network.getUpdater().setStateViewArray(network, read(zip, updater), false);
            }
            return network;
        }
    }

    private static INDArray read(ZipFile zip, ZipEntry entry) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(zip.getInputStream(entry), 1 << 16))) {
            return Nd4j.read(in);
        }
    }

    private static String renamed(String json, Map<String, String> names) {
        for (Map.Entry<String, String> name : names.entrySet()) {
            json = json.replace("\"" + name.getKey() + "\"", "\"" + name.getValue() + "\"");
        }
        return json;
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
                    String json = renamed(new String(in.readAllBytes(), StandardCharsets.UTF_8), names);
                    rewritten.write(json.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(rewritten);
                }
                rewritten.closeEntry();
            }
        }
    }
}
