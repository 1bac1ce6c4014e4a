package cnnvsmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.runtime.Nd4jRuntime;
import cnnvsmlp.runtime.OpenBlasProbe;

/**
 * Child JVM of {@link KernelEquivalenceTest} and {@code Nd4jRuntimeTest}: prints the OpenBLAS core and ND4J's
 * load settings, then the losses of a few training steps of each model.
 */
public final class KernelProbe {

    private KernelProbe() {
    }

    public static void main(String[] args) {
        cnnvsmlp.dl4j.OneDnn.selectNativeVariant();
        Nd4jRuntime.beforeLoad();
        System.out.println("core " + OpenBlasProbe.coreName().orElse("unknown"));
        Nd4jRuntime.loadSettings().forEach((key, value) -> System.out.println("setting " + key + " " + value));
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 256, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 256, 10);
        for (int i = 0; i < 256; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        MultiLayerNetwork mlp = new MultiLayerNetwork(MnistMlp.configuration(42));
        mlp.init();
        MultiLayerNetwork lenet = new MultiLayerNetwork(LeNet5.configuration(42));
        lenet.init();
        for (int step = 0; step < 8; step++) {
            mlp.fit(new DataSet(x, y));
            System.out.println(String.format(Locale.ROOT, "loss %.9g mlp step %d", mlp.score(), step));
            lenet.fit(new DataSet(x.reshape('c', 256, 28, 28, 1), y));
            System.out.println(String.format(Locale.ROOT, "loss %.9g lenet step %d", lenet.score(), step));
        }
        DataSet beans = BeansData.generate(BeansData.POST_SIZE, 42).toDataSet();
        MultiLayerNetwork beansMlp = new MultiLayerNetwork(BeansMlp.configuration(42));
        beansMlp.init();
        for (int step = 0; step < 200; step++) {
            int first = step % 10 * 10;
            beansMlp.fit(new DataSet(beans.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(first,
                    first + 10)), beans.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(first,
                    first + 10))));
            if (step % 20 == 19) {
                System.out.println(String.format(Locale.ROOT, "loss %.9g beans step %d", beansMlp.score(), step));
            }
        }
    }

    /**
     * Runs the probe in a child JVM like this one, with {@code environment} added to its environment and
     * {@code jvmOptions} before its class name; returns its "core", "setting" and "loss" lines.
     */
    static List<String> run(Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "probe finished");
        assertEquals(0, process.exitValue(), err);
        List<String> lines = new ArrayList<>();
        out.lines().filter(l -> l.startsWith("core ") || l.startsWith("setting ") || l.startsWith("loss "))
                .forEach(lines::add);
        return lines;
    }

    /** The "loss" lines of a probe's output. */
    static List<String> losses(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("loss ")).toList();
    }
}
