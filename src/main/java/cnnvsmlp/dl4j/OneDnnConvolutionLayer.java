package cnnvsmlp.dl4j;

import java.util.Collection;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

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
        return LayerInstances.wire(new Implementation(conf, networkDataType), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams, initializer());
    }

    /**
     * DL4J's convolution implementation with the oneDNN helper in place, and two savings in training:
     *
     * <ul>
     *   <li>the pre-activation of the forward pass is kept for backprop (DL4J computes the convolution a
     *       second time there: its cache works only without a helper);</li>
     *   <li>as the network's first layer it computes no input gradient, which nothing uses in training (DL4J's
     *       helper always computes it: for LeNet-5's first convolution, one input channel, that is most of
     *       the layer's backward time). Its weight gradient, the correlation of the input with the output
     *       gradient, is then one oneDNN convolution of the input (batch as channels) with the output gradient
     *       (batch as the kernel's input channels). {@code MultiLayerNetwork.calculateGradients}, which returns
     *       the input gradient, returns none for such a network, as for one that starts with an embedding.</li>
     * </ul>
     *
     * <p>Both image layouts (channels first or last) take this path. Anything else (inference, dropout, strides,
     * dilation or padding in the first layer, no oneDNN) takes DL4J's own path.
     */
    static final class Implementation extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {

        private final KeptPreActivation kept = new KeptPreActivation();

        Implementation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            if (dataType == DataType.FLOAT && OneDnn.available()) {
                helper = new MKLDNNConvHelper(dataType);
            }
        }

        boolean usesOneDnn() {
            return helper != null;
        }

        private boolean fastPath() {
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layerConf();
            return helper != null && helperCountFail == 0 && conf.getIDropout() == null
                    && input != null
                    && input.dataType() == DataType.FLOAT;
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            kept.clear();
            if (getIndex() == 0) {
                PooledGradientHandOff.offer(null);
            }
            if (!training || !fastPath()) {
                return super.activate(training, workspaceMgr);
            }
            // DL4J's oneDNN helper applies the activation as DL4J does: afn.getActivation
            INDArray z = preOutput(true, false, workspaceMgr).getFirst();
            if (!onJvm(z) || !Activations.isPlainRelu(layerConf().getActivationFn())) {
                return kept.activateAndKeep(layerConf().getActivationFn(), z, input, workspaceMgr);
            }
            // the JVM path's backprop only reads z > 0: the activations, in place, serve (28 MB less at 2048)
            INDArray activations = kept.reluInPlaceAndKeep(layerConf().getActivationFn(), z, input);
            if (z.size(1) % 2 == 0 && z.size(2) % 2 == 0 && layerConf().getCnn2dDataFormat() == CNN2DFormat.NHWC) {
                PooledGradientHandOff.offer(activations);
            }
            return activations;
        }

        /**
         * Whether backprop computes this layer's gradients with {@link OneChannelWeightGradient}: the network's
         * first layer, one input channel, stride 1, no padding or dilation, a bias, a batch where it pays, dense
         * float arrays.
         */
        private boolean onJvm(INDArray z) {
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layerConf();
            boolean nchw = conf.getCnn2dDataFormat() == CNN2DFormat.NCHW;
            return getIndex() == 0 && isUnit(conf.getStride()) && isUnit(conf.getDilation())
                    && conf.getPadding()[0] == 0 && conf.getPadding()[1] == 0
                    && conf.getConvolutionMode() != ConvolutionMode.Same && hasBias()
                    && input.size(nchw ? 1 : 3) == 1 && OneChannelWeightGradient.pays(input.size(0))
                    && OneChannelWeightGradient.readable(input) && z != null && OneChannelWeightGradient.readable(z);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            INDArray z = kept.take(input);
            if (getIndex() == 0 && PooledGradientHandOff.take()) { // epsilon: the 2x2 average pooling's output's
                long[] pooled = z == null ? null : new long[] {z.size(0), z.size(1) / 2, z.size(2) / 2, z.size(3)};
                if (!fastPath() || !onJvm(z) || !java.util.Arrays.equals(pooled, epsilon.shape())
                        || !OneChannelWeightGradient.readable(epsilon)) {
                    throw new IllegalStateException("the pooling layer handed down its gradient, shaped "
                            + java.util.Arrays.toString(epsilon.shape()) + ", which the first convolution cannot take");
                }
                return new Pair<>(oneChannelWeightGradient(z, epsilon, true), null);
            }
            if (z == null || !fastPath() || epsilon.dataType() != DataType.FLOAT) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layerConf();
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
            INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr);
            INDArray biasGradView = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            INDArray weightGradView = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
            int[] kernel = conf.getKernelSize();
            int[] strides = conf.getStride();
            int[] dilation = conf.getDilation();
            int[] pad = conf.getPadding();
            CNN2DFormat format = conf.getCnn2dDataFormat();
            boolean nchw = format == CNN2DFormat.NCHW;
            if (conf.getConvolutionMode() == ConvolutionMode.Same) {
                int[] outSize = ConvolutionUtils.getOutputSize(input, kernel, strides, null, ConvolutionMode.Same,
                        dilation, format);
                pad = ConvolutionUtils.getSameModeTopLeftPadding(outSize,
                        new int[] {(int) input.size(nchw ? 2 : 1), (int) input.size(nchw ? 3 : 2)}, kernel, strides,
                        dilation);
            }
            boolean firstLayer = getIndex() == 0 && isUnit(strides) && isUnit(dilation) && pad[0] == 0 && pad[1] == 0
                    && hasBias();
            if (onJvm(z) && OneChannelWeightGradient.readable(epsilon)) {
                return new Pair<>(oneChannelWeightGradient(z, epsilon, false), null);
            }
            INDArray delta = Activations.delta(conf.getActivationFn(), z, epsilon);
            if (firstLayer) {
                return new Pair<>(weightGradientOnly(delta, weightGradView, biasGradView, nchw), null);
            }
            Pair<Gradient, INDArray> ret = helper.backpropGradient(input, weights, bias, delta, kernel, strides, pad,
                    hasBias() ? biasGradView : null, weightGradView, conf.getActivationFn(), conf.getCudnnAlgoMode(),
                    conf.getCudnnBwdFilterAlgo(), conf.getCudnnBwdDataAlgo(), conf.getConvolutionMode(), dilation,
                    format, workspaceMgr);
            if (ret == null) {
                throw new IllegalStateException("oneDNN refused a convolution it accepted in the forward pass");
            }
            return ret;
        }

        /**
         * The first layer's gradients for images of one channel (LeNet-5's), on the JVM: see
         * {@link OneChannelWeightGradient}. The ReLU's derivative is fused into it; another activation's delta is
         * computed first, by DL4J. {@code pooled}: epsilon is the gradient of the 2x2 average pooling after this
         * layer, handed down ({@link PooledGradientHandOff}), which the kernel spreads itself.
         */
        private Gradient oneChannelWeightGradient(INDArray z, INDArray epsilon, boolean pooled) {
            INDArray biasGradView = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            INDArray weightGradView = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
            boolean nchw = layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW;
            long[] kernelShape = weightGradView.shape(); // (out, in, kh, kw)
            int height = (int) input.size(nchw ? 2 : 1);
            int width = (int) input.size(nchw ? 3 : 2);
            OneChannelWeightGradient kernel = new OneChannelWeightGradient(height, width, (int) kernelShape[2],
                    (int) kernelShape[3], (int) kernelShape[0], !nchw, pooled);
            IActivation afn = layerConf().getActivationFn();
            double[] sums = Activations.isPlainRelu(afn) ? kernel.compute(input, z, epsilon)
                    : kernel.compute(input, null, Activations.delta(afn, z, epsilon).castTo(DataType.FLOAT).dup('c'));
            int weights = (int) weightGradView.length();
            float[] weightValues = new float[weights];
            float[] biasValues = new float[sums.length - weights];
            for (int k = 0; k < sums.length; k++) {
                if (k < weights) {
                    weightValues[k] = (float) sums[k];
                } else {
                    biasValues[k - weights] = (float) sums[k];
                }
            }
            weightGradView.assign(Nd4j.createFromArray(weightValues).reshape(kernelShape));
            biasGradView.assign(Nd4j.createFromArray(biasValues).reshape(biasGradView.shape()));
            Gradient gradient = new DefaultGradient();
            gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
            gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
            return gradient;
        }

        /**
         * dW[o][c][i][j] = sum over n, y, x of delta[n][o][y][x] * input[n][c][y + i][x + j]: a convolution of the
         * input seen as (c, n, h, w) with delta seen as a kernel (o, n, y, x); db[o] = sum of delta[n][o][y][x]
         * (the same with the channel last, for channels-last images).
         */
        private Gradient weightGradientOnly(INDArray delta, INDArray weightGradView, INDArray biasGradView,
                boolean nchw) {
            // (n, c, h, w) or (n, h, w, c) seen as (c, n, h, w)
            INDArray swappedInput = nchw ? input.permute(1, 0, 2, 3) : input.permute(3, 0, 1, 2);
            INDArray swappedKernel = nchw ? delta.permute(1, 0, 2, 3) : delta.permute(3, 0, 1, 2);
            long channels = swappedInput.size(0);
            long outChannels = swappedKernel.size(0);
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, channels, outChannels, weightGradView.size(2),
                    weightGradView.size(3));
            Nd4j.exec(DynamicCustomOp.builder("conv2d")
                    .addInputs(swappedInput, swappedKernel)
                    .addOutputs(out)
                    // kH, kW, sH, sW, pH, pW, dH, dW, same-mode, NCHW, weights [oC, iC, kH, kW]
                    .addIntegerArguments((int) swappedKernel.size(2), (int) swappedKernel.size(3), 1, 1, 0, 0, 1, 1, 0,
                            0, 1)
                    .build());
            weightGradView.assign(out.permute(1, 0, 2, 3));
            biasGradView.assign(delta.sum(nchw ? new int[] {0, 2, 3} : new int[] {0, 1, 2})
                    .reshape(biasGradView.shape()));
            Gradient gradient = new DefaultGradient();
            gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
            gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
            return gradient;
        }

        private static boolean isUnit(int[] values) {
            return values[0] == 1 && values[1] == 1;
        }

        @Override
        public void clear() {
            super.clear();
            kept.clear();
        }
    }
}
