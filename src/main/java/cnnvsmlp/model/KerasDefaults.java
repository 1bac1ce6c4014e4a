package cnnvsmlp.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import cnnvsmlp.dl4j.ForwardOnceDenseLayer;
import cnnvsmlp.dl4j.HandOffSubsamplingLayer;
import cnnvsmlp.dl4j.OneDnnConvolutionLayer;

/**
 * The Keras semantics the post relies on, stated explicitly because DL4J's own defaults differ
 * (DL4J: sigmoid activation, Gaussian Xavier init, SGD 1e-3).
 *
 * <ul>
 *   <li>kernels glorot_uniform ({@link WeightInit#XAVIER_UNIFORM}), biases zero;</li>
 *   <li>{@code SGD(lr=0.05)}: plain {@code w -= lr * grad}, no momentum, of the batch-mean loss;</li>
 *   <li>{@code mean_squared_error}: {@link LossFunction#MSE} (mean over outputs, then over the batch);</li>
 *   <li>Keras' default activation is linear, so layers say theirs;</li>
 *   <li>float32, as Keras;</li>
 *   <li>images channels-last, (n, height, width, channels), as Keras: convolutions, pooling and the Flatten
 *   before a dense layer read them in that order.</li>
 * </ul>
 *
 * <p>The small factories below keep the model classes as short as the Keras they mirror.
 */
public final class KerasDefaults {

    /** Keras' image layout, {@code channels_last}: (n, height, width, channels). */
    public static final CNN2DFormat CHANNELS_LAST = CNN2DFormat.NHWC;

    /** The post's {@code SGD(lr=0.05)}. */
    public static final double LEARNING_RATE = 0.05;

    private KerasDefaults() {
    }

    /** A configuration builder with the post's optimizer and Keras' initialisation, seeded for reproducibility. */
    public static NeuralNetConfiguration.Builder sequential(long seed) {
        return sequential(seed, Recipe.POST);
    }

    /** The same with {@code recipe}'s optimizer. */
    public static NeuralNetConfiguration.Builder sequential(long seed, Recipe recipe) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0.0)
                .activation(Activation.IDENTITY)
                .updater(recipe.updater());
    }

    /**
     * {@code Dense(units, activation)}: DL4J's dense layer, computing each training batch's forward pass once
     * ({@link ForwardOnceDenseLayer}).
     */
    public static DenseLayer dense(int units, Activation activation) {
        return new ForwardOnceDenseLayer(new DenseLayer.Builder().nOut(units).activation(activation));
    }

    /** {@code Dense(units, activation)} as the last layer, with the post's loss, mean_squared_error. */
    public static OutputLayer denseOutput(int units, Activation activation) {
        return denseOutput(units, activation, Recipe.POST);
    }

    /** The same with {@code recipe}'s loss. */
    public static OutputLayer denseOutput(int units, Activation activation, Recipe recipe) {
        return new OutputLayer.Builder(recipe.loss().dl4j()).nOut(units).activation(activation).build();
    }

    /**
     * {@code Conv2D(filters, kernel_size=(k, k), strides=(1, 1), padding='valid', activation)}: DL4J's
     * convolution, computed by oneDNN where ND4J has it ({@link OneDnnConvolutionLayer}).
     */
    public static ConvolutionLayer conv2d(int filters, int kernelSize, Activation activation) {
        ConvolutionLayer.Builder builder = new ConvolutionLayer.Builder(kernelSize, kernelSize)
                .stride(1, 1)
                .convolutionMode(ConvolutionMode.Truncate) // Keras 'valid': no padding
                .dataFormat(CHANNELS_LAST)
                .nOut(filters)
                .activation(activation);
        return new OneDnnConvolutionLayer(builder);
    }

    /**
     * {@code AveragePooling2D(pool_size=(2, 2))}: Keras' stride defaults to the pool size. DL4J's layer; after the
     * first convolution, in training, it lets that convolution spread its gradient ({@link HandOffSubsamplingLayer}).
     */
    public static SubsamplingLayer averagePooling2d(int poolSize) {
        SubsamplingLayer.Builder builder = new SubsamplingLayer.Builder(PoolingType.AVG)
                .kernelSize(poolSize, poolSize)
                .stride(poolSize, poolSize)
                .convolutionMode(ConvolutionMode.Truncate)
                .dataFormat(CHANNELS_LAST);
        return new HandOffSubsamplingLayer(builder);
    }
}
