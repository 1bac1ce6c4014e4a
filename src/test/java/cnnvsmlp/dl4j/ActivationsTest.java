package cnnvsmlp.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationsTest {

    private static INDArray preActivations() {
        Nd4j.getRandom().setSeed(5);
        INDArray z = Nd4j.randn(DataType.FLOAT, 64, 6, 24, 24);
        z.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(0); // exactly zero: ReLU's gradient is 0 there
        return z;
    }

    private static float[] dl4js(IActivation afn, INDArray z, INDArray epsilon) {
        return afn.backprop(z.dup(), epsilon.dup()).getFirst().data().asFloat();
    }

    @Test
    void reluGradientIsDl4jsValueForValue() {
        INDArray z = preActivations();
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, z.shape());
        float[] expected = dl4js(new ActivationReLU(), z, epsilon);
        float[] actual = Activations.delta(new ActivationReLU(), z.dup(), epsilon).data().asFloat();
        assertArrayEquals(expected, actual, 0f);
        long zeros = 0;
        for (float v : actual) {
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(0.5, zeros / (double) actual.length, 0.02, "about half the units pass no gradient");
    }

    @Test
    void activationIntoASecondArrayIsDl4jsInPlaceOneAndKeepsZ() {
        INDArray z = preActivations();
        INDArray kept = z.dup();
        for (IActivation afn : new IActivation[] {new ActivationReLU(), new ActivationSigmoid(),
                new ActivationReLU(6.0, null, null)}) {
            float[] expected = afn.getActivation(z.dup(), true).data().asFloat();
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, z.shape());
            assertArrayEquals(expected, Activations.activate(afn, z, out).data().asFloat(), 0f, afn.toString());
            assertEquals(kept, z, "z is left as it was, for backprop");
        }
    }

    @Test
    void otherActivationsAreDl4jsOwnBackprop() {
        INDArray z = preActivations();
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, z.shape());
        for (IActivation afn : new IActivation[] {new ActivationSigmoid(), new ActivationReLU(6.0, null, null),
                new ActivationReLU(null, null, 0.1)}) {
            assertArrayEquals(dl4js(afn, z, epsilon), Activations.delta(afn, z.dup(), epsilon).data().asFloat(),
                    0f, afn.toString());
        }
    }
}
