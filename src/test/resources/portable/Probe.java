import java.io.File;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J program that knows nothing of cnn-vs-mlp: loads a model.zip and prints its outputs for a fixed input.
 * Run by ModelZipTest with only DL4J and ND4J on the class path: {@code java -cp DEPS Probe.java model.zip shape...}.
 */
public class Probe {
    public static void main(String[] args) throws Exception {
        MultiLayerNetwork model = ModelSerializer.restoreMultiLayerNetwork(new File(args[0]), true);
        long[] shape = new long[args.length - 1];
        long n = 1;
        for (int i = 1; i < args.length; i++) {
            shape[i - 1] = Long.parseLong(args[i]);
            n *= shape[i - 1];
        }
        INDArray input = Nd4j.linspace(0, 1, n, org.nd4j.linalg.api.buffer.DataType.FLOAT).reshape('c', shape);
        INDArray out = model.output(input, false);
        StringBuilder line = new StringBuilder("OUTPUT");
        for (long i = 0; i < out.length(); i++) {
            line.append(' ').append(out.getDouble(i));
        }
        System.out.println(line);
        for (var conf : model.getLayerWiseConfigurations().getConfs()) {
            System.out.println("LAYER " + conf.getLayer().getClass().getName());
        }
    }
}
