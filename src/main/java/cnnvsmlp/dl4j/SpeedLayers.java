package cnnvsmlp.dl4j;

import java.util.Map;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * The speed layers of this package and the DL4J layers they stand for. Each has the configuration, parameters and
 * initialisation of its DL4J layer, so a configuration converts either way by its class names alone.
 */
public final class SpeedLayers {

    /** Each speed layer's class name and the DL4J layer it computes. */
    static final Map<String, String> DL4J_OWN = Map.of(
            ForwardOnceDenseLayer.class.getName(), DenseLayer.class.getName(),
            OneDnnConvolutionLayer.class.getName(), ConvolutionLayer.class.getName(),
            HandOffSubsamplingLayer.class.getName(), SubsamplingLayer.class.getName());

    private SpeedLayers() {
    }

    /** Each speed layer's class name -> the DL4J layer class it stands for. */
    public static Map<String, String> toDl4jOwn() {
        return DL4J_OWN;
    }

    /** Each DL4J layer class name -> the speed layer that computes it here. */
    public static Map<String, String> fromDl4jOwn() {
        Map<String, String> back = new java.util.LinkedHashMap<>();
        DL4J_OWN.forEach((speed, own) -> back.put(own, speed));
        return back;
    }

    /** {@code conf} computed by DL4J's own layers: the reference the equivalence tests compare the speed layers with. */
    public static MultiLayerConfiguration dl4jOwn(MultiLayerConfiguration conf) {
        String json = conf.toJson();
        for (Map.Entry<String, String> layer : DL4J_OWN.entrySet()) {
            json = json.replace("\"" + layer.getKey() + "\"", "\"" + layer.getValue() + "\"");
        }
        return MultiLayerConfiguration.fromJson(json);
    }

    /**
     * DL4J's {@code model.summary()} with each speed layer named by the DL4J layer it computes ("ConvolutionLayer",
     * not "OneDnnConvolutionLayer$Implementation"), its columns kept aligned.
     */
    public static String summary(org.deeplearning4j.nn.multilayer.MultiLayerNetwork model) {
        String table = model.summary();
        for (Map.Entry<String, String> layer : DL4J_OWN.entrySet()) {
            String speed = layer.getKey().substring(layer.getKey().lastIndexOf('.') + 1) + "$Implementation)";
            String own = layer.getValue().substring(layer.getValue().lastIndexOf('.') + 1) + ")";
            table = table.replace(speed, own + " ".repeat(Math.max(0, speed.length() - own.length())));
        }
        return table;
    }
}
