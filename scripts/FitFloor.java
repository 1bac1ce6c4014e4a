import java.util.Locale;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.model.KerasDefaults;
import cnnvsmlp.runtime.Nd4jRuntime;

/**
 * What one DL4J {@code fit} of a 10-example batch costs here, with the project's ND4J settings: the beans'
 * 2-8-8-8-1 network as the experiments build it, and a network of its output layer alone (2 inputs, 1 sigmoid
 * unit, the post's loss and SGD), the least a training step through {@code MultiLayerNetwork.fit} can cost.
 * PyTorch's whole step for the beans (../shared/bench/torch_reference.py beans 5000) is its train_s / 50,000.
 *
 * <pre>
 *   mvn -B -q -DskipTests package
 *   OMP_WAIT_POLICY=PASSIVE java -Xmx512m -XX:+UseParallelGC -cp "target/classes:target/lib/*" scripts/FitFloor.java
 * </pre>
 */
public class FitFloor {

    public static void main(String[] args) {
        Nd4jRuntime.beforeLoad();
        Nd4jRuntime.configure(1, 1); // the beans' threads
        MultiLayerConfiguration outputOnly = KerasDefaults.sequential(42).list()
                .layer(KerasDefaults.denseOutput(1, Activation.SIGMOID))
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.feedForward(2))
                .build();
        Nd4j.getRandom().setSeed(1);
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 10, 2), Nd4j.rand(DataType.FLOAT, 10, 1).gt(0.5)
                .castTo(DataType.FLOAT));
        for (int round = 1; round <= 3; round++) {
            System.out.printf(Locale.ROOT, "round %d: beans 2-8-8-8-1 %.0f us per fit, output layer alone %.0f us%n",
                    round, microsPerFit(BeansMlp.configuration(42), batch), microsPerFit(outputOnly, batch));
        }
    }

    /** Mean microseconds of {@code fit} and {@code score} over 20,000 steps, after 20,000 to warm up. */
    private static double microsPerFit(MultiLayerConfiguration conf, DataSet batch) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        int steps = 20_000;
        for (int i = 0; i < steps; i++) {
            net.fit(batch);
            net.score();
        }
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            net.fit(batch);
            net.score();
        }
        return (System.nanoTime() - start) / 1e3 / steps;
    }
}
