package cnnvsmlp.run;

import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.model.MnistMlp6;
import cnnvsmlp.model.Recipe;

/**
 * Run in a JVM with the launcher's heap (-Xmx512m, or less): one Adam step of the 6-layer MLP, then its checkpoint
 * and model.zip written and read back. Prints "SAVED bytes" and "RESTORED parameters updater-state".
 */
public final class BigModelZipProbe {

    private BigModelZipProbe() {
    }

    public static void main(String[] args) throws Exception {
        MultiLayerNetwork model = new MultiLayerNetwork(MnistMlp6.configuration(1, Recipe.modern(false)));
        model.init();
        var features = Nd4j.rand(DataType.FLOAT, 4, 784);
        var labels = Nd4j.zeros(DataType.FLOAT, 4, 10);
        for (int i = 0; i < 4; i++) {
            labels.putScalar(i, i, 1);
        }
        model.fit(features, labels); // Adam's state: twice the parameters
        Path run = Path.of(args[0]);
        RunCheckpoint.save(run, model, new TrainingState(0, 1, 0, 0, 0.5, java.util.List.of()));
        Path zip = run.resolve("model.zip");
        ModelZip.write(model, zip);
        System.out.println("SAVED " + java.nio.file.Files.size(zip));
        MultiLayerNetwork back = ModelZip.restore(zip);
        System.out.println("RESTORED " + back.numParams() + " " + back.getUpdater().getStateViewArray().length()
                + " " + back.params().equals(model.params()));
    }
}
