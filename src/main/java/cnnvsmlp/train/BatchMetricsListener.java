package cnnvsmlp.train;

import java.util.List;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Counts the correct predictions of each training batch before its update, as Keras' progress bar and
 * history do, without a second forward pass: DL4J hands listeners the input of the output layer, and the
 * output layer is dense, so its pre-activations are one small matrix product away.
 */
final class BatchMetricsListener extends BaseTrainingListener {

    private long correct;

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        INDArray labels = net.getLabels();
        INDArray lastHidden = activations.get(activations.size() - 1);
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            org.deeplearning4j.nn.api.Layer output = net.getOutputLayer();
            INDArray weights = output.getParam("W");
            INDArray bias = output.getParam("b");
            INDArray logits = lastHidden.mmul(weights).addiRowVector(bias);
            correct += KerasAccuracy.correct(labels, logits, true);
        }
    }

    /** Correct predictions counted since the last call, and resets the count. */
    long takeCorrect() {
        long c = correct;
        correct = 0;
        return c;
    }
}
