package cnnvsmlp.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.TestData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.dl4j.ForwardOnceDenseLayer;
import cnnvsmlp.dl4j.OneDnnConvolutionLayer;
import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.train.Evaluator;

class ModelZipTest {

    @TempDir
    Path temp;

    /** The committed model of an earlier layout names classes that moved; it loads and scores as it did then. */
    @Test
    @Tag("real-data")
    void aLeNet5SavedBeforeThePackageSplitLoadsAndScoresItsRecordedAccuracy() throws Exception {
        MultiLayerNetwork model = ModelZip.restore(Path.of("src/test/resources/fixtures/lenet5-model-fefc3d8/model.zip"));
        assertInstanceOf(OneDnnConvolutionLayer.class, model.getLayerWiseConfigurations().getConf(0).getLayer());
        assertInstanceOf(ForwardOnceDenseLayer.class, model.getLayerWiseConfigurations().getConf(4).getLayer());
        Mnist mnist = TestData.mnist();
        Evaluator.Score score = Evaluator.score(model, Mnist.imageDataSet(mnist.test()));
        assertEquals(0.8815, score.accuracy(), 0.0, "the accuracy in that run's metrics.json");
        assertEquals(0.018369239379009923, score.loss(), 1e-6);
    }

    @Test
    void aSavedModelNamesOnlyDl4jsClassesAndLoadsBackWithTheSpeedLayers() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(LeNet5.configuration(3));
        net.init();
        Path file = temp.resolve("model.zip");
        ModelZip.write(net, file);
        String configuration;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            configuration = new String(zip.getInputStream(zip.getEntry("configuration.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        assertFalse(configuration.contains("cnnvsmlp"), "no class of this project in the file");
        assertTrue(configuration.contains("\"org.deeplearning4j.nn.conf.layers.ConvolutionLayer\""));
        MultiLayerNetwork back = ModelZip.restore(file);
        assertInstanceOf(OneDnnConvolutionLayer.class, back.getLayerWiseConfigurations().getConf(0).getLayer());
        assertInstanceOf(ForwardOnceDenseLayer.class, back.getLayerWiseConfigurations().getConf(5).getLayer());
        assertArrayEquals(net.params().toFloatVector(), back.params().toFloatVector(), 0f);
    }

    /**
     * A DL4J program without this project's classes (a child JVM whose class path holds DL4J and ND4J only) loads
     * the saved MNIST MLP and LeNet-5 and computes this project's outputs.
     */
    @Test
    void aSavedModelLoadsInAPlainDl4jProgramWithTheSameOutputs() throws Exception {
        String dependencies = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("target" + File.separator + "classes")
                        && !entry.contains("target" + File.separator + "test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        for (var model : List.of(new Object[] {MnistMlp.configuration(5), new long[] {1, 784}},
                new Object[] {LeNet5.configuration(5), new long[] {1, 28, 28, 1}})) {
            MultiLayerNetwork net = new MultiLayerNetwork((org.deeplearning4j.nn.conf.MultiLayerConfiguration) model[0]);
            net.init();
            long[] shape = (long[]) model[1];
            Path file = temp.resolve("model-" + shape.length + ".zip");
            ModelZip.write(net, file);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", dependencies, "src/test/resources/portable/Probe.java", file.toString()));
            Arrays.stream(shape).forEach(s -> command.add(String.valueOf(s)));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS) && p.exitValue() == 0, output);
            assertFalse(output.contains("LAYER cnnvsmlp"), output);
            String line = output.lines().filter(l -> l.startsWith("OUTPUT ")).findFirst().orElseThrow(
                    () -> new AssertionError(output));
            double[] theirs = Arrays.stream(line.substring(7).split(" ")).mapToDouble(Double::parseDouble).toArray();
            long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            INDArray input = Nd4j.linspace(0, 1, n, DataType.FLOAT).reshape('c', shape);
            double[] ours = net.output(input, false).toDoubleVector();
            assertArrayEquals(ours, theirs, 1e-6, output);
        }
    }

    /**
     * The 6-layer MLP with Adam's state (a 140 MB zip) is checkpointed, written and read back in a JVM with a
     * 128 MB heap, a quarter of the 512 MB the launcher gives, beside its 3 GB of native memory. Before, the zip was
     * built in memory and a modern-recipe run of it died of an OutOfMemoryError at its first checkpoint; then DL4J's
     * reader, holding every entry in byte arrays (about 300 MB), failed to resume it inside a comparison.
     */
    @Test
    void theSixLayerMlpWithAdamsStateIsSavedAndRestoredInASmallHeap() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-Dorg.bytedeco.javacpp.maxbytes=3g", "-XX:+UseParallelGC"));
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (extension != null) {
            command.add("-Dorg.bytedeco.javacpp.platform.extension=" + extension);
        }
        Path run = java.nio.file.Files.createDirectories(temp.resolve("big-run"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BigModelZipProbe.class.getName(),
                run.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CNNVSMLP_CHILD_JVM", "1");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, output);
        assertTrue(output.contains("RESTORED 11972510 23945020 true"), "parameters, Adam's two moments: " + output);
        assertTrue(java.nio.file.Files.exists(run.resolve("checkpoint/model.zip")), output);
        try (var left = java.nio.file.Files.list(run)) {
            assertEquals(List.of("checkpoint", "model.zip"), left.map(f -> f.getFileName().toString()).sorted()
                    .toList(), "no temporary file is left");
        }
    }
}
