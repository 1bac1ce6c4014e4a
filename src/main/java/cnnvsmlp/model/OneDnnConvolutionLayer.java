package cnnvsmlp.model;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link ConvolutionLayer} with its oneDNN helper switched on: the same configuration, parameters and
 * serialisation, computed by libnd4j's {@code conv2d} / {@code conv2d_bp} ops (oneDNN) instead of DL4J's
 * im2col path, which spends most of LeNet-5's training time writing a strided im2col buffer.
 *
 * <p>DL4J 1.0.0-M2.1 never enables this helper itself (see {@link OneDnn}). Where oneDNN is missing the
 * layer is DL4J's own, unchanged; where the helper fails DL4J falls back to its own path (its
 * {@code cudnnAllowFallback}, on by default). Tests show outputs and gradients equal to DL4J's own layer.
 */
public class OneDnnConvolutionLayer extends ConvolutionLayer {

    /** For JSON deserialisation. */
    public OneDnnConvolutionLayer() {
    }

    public OneDnnConvolutionLayer(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("OneDnnConvolutionLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        Implementation layer = new Implementation(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    /** DL4J's convolution implementation with the oneDNN helper in place. */
    static final class Implementation extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {

        Implementation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            if (dataType == DataType.FLOAT && OneDnn.available()) {
                helper = new MKLDNNConvHelper(dataType);
            }
        }

        boolean usesOneDnn() {
            return helper != null;
        }
    }
}
