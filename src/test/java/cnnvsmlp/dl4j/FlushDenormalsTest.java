package cnnvsmlp.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.TestData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.model.Recipe;

/**
 * Setting Adam's denormal state to zero, as TensorFlow's flush-to-zero does, leaves every weight bit for bit as
 * it was, and leaves no denormal behind; zeroing anything larger would show in the weights.
 */
class FlushDenormalsTest {

    /** Denormal values: nonzero and below the smallest normal float. */
    static long denormals(INDArray values) {
        long n = 0;
        for (float x : values.data().asFloat()) {
            if (x != 0 && Math.abs(x) < Float.MIN_NORMAL) {
                n++;
            }
        }
        return n;
    }

    /** Every third state value moved into the denormal range, its sign kept (as a long-dead unit's moments). */
    private static long makeDenormals(MultiLayerNetwork net) {
        INDArray state = net.getUpdater().getStateViewArray();
        long made = 0;
        for (long i = 0; i < state.length(); i += 3) {
            float x = state.getFloat(i);
            if (x != 0) {
                state.putScalar(i, Math.copySign(3e-40f, x));
                made++;
            }
        }
        return made;
    }

    private static void fit(MultiLayerNetwork net, DataSet train, int steps, boolean flushEveryStep) {
        for (int step = 0; step < steps; step++) {
            int first = step * 64 % train.numExamples();
            net.fit(new DataSet(train.getFeatures().get(interval(first, first + 64)),
                    train.getLabels().get(interval(first, first + 64))));
            if (flushEveryStep) {
                FlushDenormals.flush(net);
            }
        }
    }

    @Test
    void flushingAdamsDenormalStateChangesNoWeightAndLeavesNoDenormal() {
        DataSet train = Mnist.flatDataSet(TestData.mnist().train().head(640));
        MultiLayerNetwork kept = new MultiLayerNetwork(MnistMlp.configuration(42, Recipe.modern(false)));
        kept.init();
        fit(kept, train, 10, false); // Adam's moments of real gradients
        long made = makeDenormals(kept);
        assertTrue(made > 100_000, "every third nonzero of the 670,228 moments made denormal: " + made);
        MultiLayerNetwork flushed = kept.clone();
        assertArrayEquals(kept.params().data().asFloat(), flushed.params().data().asFloat());
        assertEquals(made, denormals(flushed.getUpdater().getStateViewArray()), "the clone has Adam's state");

        fit(kept, train, 30, false);
        fit(flushed, train, 30, true);

        long left = denormals(kept.getUpdater().getStateViewArray());
        assertTrue(left > 1000, "without the flush, denormals stay in Adam's state: " + left);
        assertEquals(0, denormals(flushed.getUpdater().getStateViewArray()));
        float[] a = kept.params().data().asFloat();
        float[] b = flushed.params().data().asFloat();
        for (int i = 0; i < a.length; i++) {
            assertEquals(Float.floatToIntBits(a[i]), Float.floatToIntBits(b[i]), "weight " + i);
        }
    }

    @Test
    void theListenerFlushesEveryFiftyStepsOfTheNetworksOwnCount() {
        DataSet train = Mnist.flatDataSet(TestData.mnist().train().head(640));
        MultiLayerNetwork net = new MultiLayerNetwork(MnistMlp.configuration(42, Recipe.modern(false)));
        net.init();
        net.addListeners(new FlushDenormals());
        fit(net, train, 40, false);
        makeDenormals(net);
        fit(net, train, FlushDenormals.EVERY - 40 - 1, false);
        long left = denormals(net.getUpdater().getStateViewArray());
        assertTrue(left > 1000, "step 49: not yet flushed, " + left + " denormals");
        fit(net, train, 1, false);
        assertEquals(0, denormals(net.getUpdater().getStateViewArray()), "step 50: flushed");
    }

    @Test
    void aNetworkWithoutOptimizerStateIsLeftAlone() {
        MultiLayerNetwork sgd = new MultiLayerNetwork(MnistMlp.configuration(42));
        sgd.init();
        float[] before = sgd.params().data().asFloat();
        FlushDenormals.flush(sgd); // plain SGD: no state to flush
        assertArrayEquals(before, sgd.params().data().asFloat());
    }
}
