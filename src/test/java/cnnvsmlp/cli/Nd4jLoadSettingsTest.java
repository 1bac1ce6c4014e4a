package cnnvsmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.dl4j.CachingShapeInfoProvider;

/**
 * The settings {@code Nd4jRuntime.beforeLoad} makes before ND4J loads are in force, and training with them is
 * bit for bit the training with ND4J's own: the MNIST MLP, LeNet-5 and the beans MLP trained a few steps in
 * two child JVMs, one with this project's settings and one with ND4J's shape provider and JavaCPP's memory
 * check, print the same losses to nine digits.
 */
class Nd4jLoadSettingsTest {

    @Test
    void theSuiteRunsWithTheCommandLinesSettings() {
        assertEquals(CachingShapeInfoProvider.class, Nd4j.getShapeInfoProvider().getClass());
        assertEquals(0, Pointer.maxPhysicalBytes());
    }

    @Test
    void trainingIsBitForBitTheSameAsWithNd4jsOwnSettings() throws Exception {
        Map<String, String> sameKernels = Map.of("OPENBLAS_CORETYPE", "Haswell");
        List<String> ours = KernelProbe.run(sameKernels, List.of());
        List<String> theirs = KernelProbe.run(sameKernels,
                List.of("-Dshapeinfoprovider=org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider",
                        "-Dorg.bytedeco.javacpp.maxPhysicalBytes=64g"));
        assertTrue(ours.contains("setting shapeInfoProvider " + CachingShapeInfoProvider.class.getName()), ours::toString);
        assertTrue(ours.contains("setting javacppMaxPhysicalBytes 0"), ours::toString);
        assertTrue(theirs.contains("setting shapeInfoProvider org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider"),
                theirs::toString);
        assertTrue(theirs.contains("setting javacppMaxPhysicalBytes " + (64L << 30)), theirs::toString);
        List<String> losses = KernelProbe.losses(ours);
        assertEquals(26, losses.size(), losses::toString);
        assertEquals(KernelProbe.losses(theirs), losses);
    }
}
