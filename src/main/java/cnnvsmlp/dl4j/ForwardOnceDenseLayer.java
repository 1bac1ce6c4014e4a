package cnnvsmlp.dl4j;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's {@link DenseLayer} (same configuration, parameters, initialisation and serialisation) that computes each
 * training batch's forward pass once.
 *
 * <p>DL4J's dense layer applies its activation in place over the pre-activation {@code z = xW + b}, and so
 * computes {@code xW + b} a second time in backprop, and every layer computes the gradient with respect to its
 * input, which for the network's first layer nothing uses in training (DL4J throws it away). For the MNIST MLP
 * those two are half of the matrix products of a training step (the first layer's, 784 x 256, the largest); for
 * the beans, a few of the sixty small ND4J operations of each step.
 *
 * <p>This layer keeps the training forward pass's {@code z} for backprop (its activation goes into a second
 * array), and as the network's first layer returns no input gradient: {@code MultiLayerNetwork.calculateGradients},
 * which returns the gradient with respect to the network's input, returns none for such a network, as for one
 * that starts with an embedding layer. Every other operation is DL4J's own, on the same arrays, except the ReLU's
 * gradient, which {@link Activations} computes faster with the same values; its outputs, gradients and training
 * are bit for bit DL4J's ({@code ForwardOnceDenseLayerTest}). Dropout, weight noise, layer normalisation and
 * masks take DL4J's path, unchanged.
 */
public class ForwardOnceDenseLayer extends DenseLayer {

    /** For JSON deserialisation. */
    public ForwardOnceDenseLayer() {
    }

    /** The layer {@code builder} describes (DL4J's {@code DenseLayer} keeps its builder constructor private). */
    public ForwardOnceDenseLayer(DenseLayer.Builder builder) {
        DenseLayer built = builder.build();
        for (Class<?> type = DenseLayer.class; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(this, field.get(built));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy DL4J's DenseLayer." + field.getName(), e);
                }
            }
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("ForwardOnceDenseLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerInstances.wire(new Implementation(conf, networkDataType), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams, initializer());
    }

    /** DL4J's dense layer implementation, keeping the training pre-activation for backprop. */
    static final class Implementation extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {

        private final KeptPreActivation kept = new KeptPreActivation();

        Implementation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /** No dropout, weight noise, layer normalisation or mask: the cases DL4J's forward pass is xW + b. */
        boolean plain() {
            DenseLayer conf = layerConf();
            return conf.getIDropout() == null && conf.getWeightNoise() == null && !hasLayerNorm()
                    && maskArray == null;
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            kept.clear();
            if (!training || !plain()) {
                return super.activate(training, workspaceMgr);
            }
            return kept.activateAndKeep(layerConf().getActivationFn(), preOutput(true, workspaceMgr), input,
                    workspaceMgr);
        }

        /** DL4J's {@code BaseLayer.backpropGradient} with the kept {@code z}; first in the network, no input gradient. */
        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            INDArray z = kept.take(input);
            if (z == null || !plain()) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            INDArray delta = Activations.delta(layerConf().getActivationFn(), z, epsilon);
            Gradient gradient = new DefaultGradient();
            if (hasBias()) {
                INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
                delta.sum(biasGrad, 0);
                gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
            }
            INDArray weights = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
            INDArray epsilonNext = null;
            if (getIndex() != 0) {
                epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                        new long[] {weights.size(0), delta.size(0)}, 'f');
                epsilonNext = weights.mmuli(delta.transpose(), epsilonNext).transpose();
            }
            INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
            Nd4j.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
            gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
            weightNoiseParams.clear();
            return new Pair<>(gradient, epsilonNext);
        }

        @Override
        public void clear() {
            super.clear();
            kept.clear();
        }
    }
}
