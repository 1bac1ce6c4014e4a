package cnnvsmlp.dl4j;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's training pre-activation {@code z} (for the plain ReLU: its activations), kept from its forward pass
 * for its backward pass (DL4J applies the activation in place over {@code z} and computes {@code z} again in
 * backprop). Held with the input it was computed from: backprop takes it only for that same input array, once.
 */
final class KeptPreActivation {

    private INDArray z;
    private INDArray input;

    /** The activation of {@code z} in a new activations array; keeps {@code z}, computed from {@code input}. */
    INDArray activateAndKeep(IActivation afn, INDArray z, INDArray input, LayerWorkspaceMgr workspaceMgr) {
        INDArray activation = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, z.dataType(), z.shape(),
                z.ordering());
        this.z = z;
        this.input = input;
        return Activations.activate(afn, z, activation);
    }

    /**
     * The plain ReLU of {@code z} in place, kept in its stead: its derivative at {@code z} is 1 exactly where
     * {@code relu(z) > 0}, so the activations serve a backprop that only reads them as well as {@code z} would,
     * bit for bit, without a second array. Not for a backprop that computes its delta in place (DL4J's output
     * layer scores from its input after backprop).
     */
    INDArray reluInPlaceAndKeep(IActivation relu, INDArray z, INDArray input) {
        this.z = Activations.activate(relu, z, z);
        this.input = input;
        return z;
    }

    /** The kept {@code z} if it was computed from {@code input}, else null; forgets it either way. */
    INDArray take(INDArray input) {
        INDArray kept = this.input == input ? z : null;
        clear();
        return kept;
    }

    void clear() {
        z = null;
        input = null;
    }
}
