package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.run.ModelZip;
import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;

/**
 * A trained network read back from a run folder or a {@code model.zip}, and which experiment it is: the one its run
 * folder's config.json names, or for a model.zip on its own, the registry entry with the same layers.
 *
 * @param network the network, computed by this project's speed layers
 * @param experiment which experiment's model it is
 * @param file the model.zip it came from
 */
public record SavedModel(MultiLayerNetwork network, ExperimentId experiment, Path file) {

    /** The model of the run folder {@code runOrFile} (its model.zip), or of the model.zip itself. */
    public static SavedModel load(Path runOrFile) {
        Path file = Files.isDirectory(runOrFile) ? runOrFile.resolve(RunFolder.MODEL) : runOrFile;
        if (!Files.isRegularFile(file)) {
            throw new FixableProblem("no model at " + file + "; give --model a run folder that finished (it holds"
                    + " model.zip) or a model.zip");
        }
        MultiLayerNetwork network;
        try {
            network = ModelZip.restore(file);
        } catch (IOException | RuntimeException e) {
            throw new FixableProblem(file + " is not a model this program can read (" + e.getClass().getSimpleName()
                    + "); give --model a model.zip that cnn-vs-mlp or DL4J wrote", e);
        }
        return new SavedModel(network, experimentOf(file, network), file);
    }

    /**
     * The experiment of a model: the one its run folder's config.json names; for a model.zip outside a run folder,
     * the registry entry whose network has the same layers (types and sizes), never a guess from one layer's width.
     */
    static ExperimentId experimentOf(Path file, MultiLayerNetwork network) {
        Path run = file.toAbsolutePath().getParent();
        if (run != null && Files.isRegularFile(run.resolve(RunFolder.CONFIG))) {
            String id = RunConfig.read(run).experiment();
            try {
                return ExperimentId.byId(id);
            } catch (IllegalArgumentException e) {
                throw new FixableProblem(run.resolve(RunFolder.CONFIG) + " names the experiment '" + id + "', which"
                        + " is none of " + ExperimentId.ids() + "; give --model a run of one of them");
            }
        }
        String layers = layers(network.getLayerWiseConfigurations());
        for (ExperimentId e : ExperimentId.values()) {
            if (layers.equals(layers(e.configuration(ExperimentId.DEFAULT_SEED)))) {
                return e;
            }
        }
        throw new FixableProblem(file + " is the model of none of the experiments " + ExperimentId.ids() + " (its"
                + " layers: " + layers + ")");
    }

    /** Each layer's kind and size, e.g. "DenseLayer 784->256, ...": what tells the experiments' networks apart. */
    private static String layers(MultiLayerConfiguration configuration) {
        java.util.List<String> layers = new java.util.ArrayList<>();
        for (int i = 0; i < configuration.getConfs().size(); i++) {
            var layer = configuration.getConf(i).getLayer();
            Class<?> kind = layer.getClass(); // DL4J's own class: this project's speed layers extend them
            while (!kind.getPackageName().equals("org.deeplearning4j.nn.conf.layers") && kind.getSuperclass() != null) {
                kind = kind.getSuperclass();
            }
            layers.add(kind.getSimpleName() + (layer instanceof FeedForwardLayer f ? " " + f.getNIn() + "->"
                    + f.getNOut() : ""));
        }
        return String.join(", ", layers);
    }

    /** The network's input for one MNIST picture of 784 grey levels 0..255: flat for the MLP, 28x28x1 for LeNet-5. */
    public INDArray input(float[] pixels) {
        INDArray x = Nd4j.create(pixels).castTo(DataType.FLOAT).div(255);
        return experiment.input() == ExperimentId.Input.IMAGE ? x.reshape(1, 28, 28, 1) : x.reshape(1, 784);
    }
}
