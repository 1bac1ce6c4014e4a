package cnnvsmlp.bench;

import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Floating-point operations of a network, counted from its layers: a dense layer does 2 nIn nOut per
 * example, a convolution 2 (channels kH kW) outH outW filters; pooling and activations are left out (they
 * are a few percent). Training costs about three forward passes (forward, gradient of the input, gradient
 * of the weights).
 */
public final class Flops {

    private Flops() {
    }

    /** Forward-pass FLOPs for one example, {@code example} being one input of batch size 1. */
    public static long forwardPerExample(MultiLayerNetwork net, INDArray example) {
        List<INDArray> activations = net.feedForward(example, false);
        long flops = 0;
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Object conf = layers[i].conf().getLayer();
            INDArray out = activations.get(i + 1);
            if (conf instanceof ConvolutionLayer conv) {
                long[] kernel = {conv.getKernelSize()[0], conv.getKernelSize()[1]};
                boolean channelsLast = conv.getCnn2dDataFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC;
                long positions = channelsLast ? out.size(1) * out.size(2) : out.size(2) * out.size(3);
                flops += 2L * conv.getNIn() * kernel[0] * kernel[1] * positions * conv.getNOut();
            } else if (conf instanceof FeedForwardLayer dense) {
                flops += 2L * dense.getNIn() * dense.getNOut();
            }
        }
        return flops;
    }

    /** Training FLOPs for one example: three forward passes' worth. */
    public static long trainingPerExample(MultiLayerNetwork net, INDArray example) {
        return 3 * forwardPerExample(net, example);
    }
}
