import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

import cnnvsmlp.data.ElasticDistortion;
import cnnvsmlp.data.Mnist;

/**
 * What --augment elastic adds to an epoch: the distortion of all 60,000 MNIST training images once, on one thread,
 * five times (the first warms the JIT up), in CPU seconds of this thread (less sensitive than wall time to other
 * work on the machine) and wall seconds.
 *
 * <pre>
 *   mvn -B -q -DskipTests package
 *   java -cp "target/classes:target/lib/*" scripts/ElasticCost.java "$MNIST_DIR"
 * </pre>
 */
public class ElasticCost {

    public static void main(String[] args) {
        Mnist.Split train = Mnist.load(Path.of(args[0])).train();
        float[] images = new float[train.count() * Mnist.PIXELS];
        for (int i = 0; i < images.length; i++) {
            images[i] = (train.pixels()[i] & 0xff) / 255f;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int epoch = 1; epoch <= 5; epoch++) {
            float[] copy = images.clone();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < train.count(); i++) {
                ElasticDistortion.SIMARD.apply(copy, i * Mnist.PIXELS, 42, epoch, i);
            }
            System.out.printf(Locale.ROOT, "epoch %d: %,d images distorted in %.2f CPU s (%.2f s wall)%n", epoch,
                    train.count(), (threads.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9);
        }
    }
}
