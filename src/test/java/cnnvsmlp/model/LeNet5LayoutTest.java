package cnnvsmlp.model;

import static cnnvsmlp.Fixtures.relativeDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.TestData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.dl4j.OneDnnConvolutionLayer;

/**
 * LeNet-5 channels-last (Keras' layout, the project's) is LeNet-5 channels-first (DL4J's default layout, the
 * project's before) with the rows of the first dense kernel permuted: given the same parameters so permuted, the
 * two networks compute the same outputs and train the same, step for step.
 */
class LeNet5LayoutTest {

    private static final double TOLERANCE = 1e-5;

    /** The same LeNet-5, channels-first. */
    private static MultiLayerConfiguration channelsFirst() {
        return KerasDefaults.sequential(42).list()
                .layer(conv(6)).layer(pool()).layer(conv(16)).layer(pool())
                .layer(KerasDefaults.dense(120, Activation.RELU))
                .layer(KerasDefaults.dense(84, Activation.RELU))
                .layer(KerasDefaults.denseOutput(10, Activation.SOFTMAX))
                .setInputType(InputType.convolutional(28, 28, 1, CNN2DFormat.NCHW))
                .build();
    }

    private static ConvolutionLayer conv(int filters) {
        return new OneDnnConvolutionLayer(new ConvolutionLayer.Builder(5, 5).stride(1, 1)
                .convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NCHW).nOut(filters)
                .activation(Activation.RELU));
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NCHW).build();
    }

    /** Row (c, i, j) of a channels-first flatten of 16 x 4 x 4 is row (i, j, c) of a channels-last one. */
    private static INDArray toChannelsLastRows(INDArray channelsFirstKernel) {
        return channelsFirstKernel.reshape('c', 16, 4, 4, 120).permute(1, 2, 0, 3).dup('c').reshape('c', 256, 120);
    }

    @Test
    void channelsLastIsChannelsFirstWithTheFirstDenseKernelPermuted() {
        MultiLayerNetwork last = new MultiLayerNetwork(LeNet5.configuration(42));
        last.init();
        MultiLayerNetwork first = new MultiLayerNetwork(channelsFirst());
        first.init();
        // the channels-first network takes the channels-last one's parameters, its first dense kernel un-permuted
        for (String name : last.paramTable().keySet()) {
            INDArray value = last.getParam(name);
            if (name.equals("4_W")) {
                INDArray rows = value.reshape('c', 4, 4, 16, 120).permute(2, 0, 1, 3).dup('c').reshape('c', 256, 120);
                assertEquals(value, toChannelsLastRows(rows), "the permutation and its inverse");
                value = rows;
            }
            first.setParam(name, value.dup());
        }
        DataSet lastBatch = Mnist.imageDataSet(TestData.mnist().train().head(64));
        DataSet firstBatch = new DataSet(lastBatch.getFeatures().reshape('c', 64, 1, 28, 28),
                lastBatch.getLabels());

        assertTrue(relativeDifference(last.output(lastBatch.getFeatures()), first.output(firstBatch.getFeatures()))
                < TOLERANCE);
        for (int step = 0; step < 5; step++) {
            last.fit(lastBatch);
            first.fit(firstBatch);
            assertEquals(first.score(), last.score(), TOLERANCE * first.score(), "loss of step " + step);
        }
        assertTrue(relativeDifference(last.getParam("4_W"), toChannelsLastRows(first.getParam("4_W"))) < TOLERANCE);
        assertTrue(relativeDifference(last.getParam("0_W"), first.getParam("0_W")) < TOLERANCE);
        assertTrue(relativeDifference(last.getParam("2_W"), first.getParam("2_W")) < TOLERANCE);
    }
}
