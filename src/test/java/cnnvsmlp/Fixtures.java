package cnnvsmlp;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.report.CompareReport.ModelRun;
import cnnvsmlp.run.EpochResult;

/** Helpers that several test classes share, in one place so that they cannot drift apart. */
public final class Fixtures {

    private Fixtures() {
    }

    /** max |a - b| over max |b| (over 1 when b is all zeros). */
    public static double relativeDifference(INDArray a, INDArray b) {
        double scale = b.amaxNumber().doubleValue();
        return a.sub(b).amaxNumber().doubleValue() / (scale == 0 ? 1 : scale);
    }

    /** The post's beans network, initialised from {@code seed}. */
    public static MultiLayerNetwork beansModel(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(BeansMlp.configuration(seed));
        net.init();
        return net;
    }

    /** A run whose test accuracy follows {@code accuracies}, one epoch each, 2 s of training and 0.5 s of evaluation. */
    public static ModelRun modelRun(String model, long seed, double... accuracies) {
        List<EpochResult> epochs = new ArrayList<>();
        for (int i = 0; i < accuracies.length; i++) {
            epochs.add(new EpochResult(i + 1, 0.1 - i * 0.01, accuracies[i] - 0.01, 0.09 - i * 0.01, accuracies[i],
                    2.0, 0.5));
        }
        return new ModelRun(model, seed, epochs, accuracies[accuracies.length - 1], "runs/" + model + "-" + seed,
                false);
    }
}
