package cnnvsmlp.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import cnnvsmlp.model.LeNet5;

class SpeedLayersTest {

    @Test
    void dl4jOwnIsTheSameNetworkInDl4jsOwnLayerClasses() {
        MultiLayerConfiguration speed = LeNet5.configuration(7);
        MultiLayerConfiguration own = SpeedLayers.dl4jOwn(speed);
        assertEquals(List.of(ConvolutionLayer.class, SubsamplingLayer.class, ConvolutionLayer.class,
                SubsamplingLayer.class, DenseLayer.class, DenseLayer.class, OutputLayer.class),
                own.getConfs().stream().map(NeuralNetConfiguration::getLayer).map(Object::getClass).toList());
        assertEquals(OneDnnConvolutionLayer.class, speed.getConf(0).getLayer().getClass(), "the input is left as it is");
        MultiLayerNetwork a = new MultiLayerNetwork(speed);
        MultiLayerNetwork b = new MultiLayerNetwork(own);
        a.init();
        b.init();
        assertArrayEquals(a.params().toFloatVector(), b.params().toFloatVector(), 0f, "the same initial parameters");
    }
}
