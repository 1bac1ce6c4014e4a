package cnnvsmlp.dl4j;

import java.util.Arrays;
import java.util.Collection;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link SubsamplingLayer}, the same configuration and serialisation, that in training hands its output
 * gradient down unchanged to a first convolution that offered to spread it itself ({@link PooledGradientHandOff}):
 * only as a 2x2 average pooling with stride 2 and no padding, right after that convolution. Anything else,
 * and inference, is DL4J's own layer.
 */
public class HandOffSubsamplingLayer extends SubsamplingLayer {

    /** For JSON deserialisation. */
    public HandOffSubsamplingLayer() {
    }

    public HandOffSubsamplingLayer(SubsamplingLayer.Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        return LayerInstances.wire(new Implementation(conf, networkDataType), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams, initializer());
    }

    /** Whether this is a 2x2 average pooling with stride 2, no padding or dilation: the one the hand-off knows. */
    boolean halvesByAveraging() {
        return getPoolingType() == org.deeplearning4j.nn.conf.layers.PoolingType.AVG && Arrays.equals(getKernelSize(), new int[] {2, 2})
                && Arrays.equals(getStride(), new int[] {2, 2}) && Arrays.equals(getPadding(), new int[] {0, 0})
                && Arrays.equals(getDilation(), new int[] {1, 1}) && getConvolutionMode() != ConvolutionMode.Same;
    }

    static final class Implementation extends org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer {

        Implementation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            if (PooledGradientHandOff.offered(input) && ((HandOffSubsamplingLayer) layerConf()).halvesByAveraging()
                    && getIndex() == 1 && layerConf().getIDropout() == null) {
                PooledGradientHandOff.hand();
                // in the workspace DL4J expects a layer's input gradient in (a copy of 1/4 of the spread size)
                return new Pair<>(new DefaultGradient(), workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, epsilon));
            }
            return super.backpropGradient(epsilon, workspaceMgr);
        }
    }
}
