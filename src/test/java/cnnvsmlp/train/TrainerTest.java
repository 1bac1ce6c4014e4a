package cnnvsmlp.train;

import static cnnvsmlp.Fixtures.beansModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import cnnvsmlp.TestData;
import cnnvsmlp.data.BeansData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;

class TrainerTest {

    private static History fitBeans(MultiLayerNetwork net, int epochs, int batchSize, long seed) {
        DataSet beans = BeansData.generate(100, seed).toDataSet();
        return new Trainer(new Trainer.Settings(epochs, batchSize, seed)).fit(net, beans, beans, TrainingObserver.NONE);
    }

    @Test
    void everyEpochVisitsEverySampleOnceInANewOrder() {
        INDArray features = Nd4j.arange(0, 40).castTo(DataType.FLOAT).reshape('c', 10, 1, 2, 2);
        INDArray labels = Nd4j.arange(0, 10).castTo(DataType.FLOAT).reshape('c', 10, 1);
        EpochShuffler shuffler = new EpochShuffler(new DataSet(features, labels), 5);
        assertTrue(shuffler.copiesInJava(), "float32 row-major data on the CPU: copied from Java");
        List<List<Integer>> orders = visitThreeEpochs(shuffler);
        assertEquals(0, features.getInt(3, 0, 0, 0) - 12, "the original data is left alone");

        // column-major data goes through ND4J's pullRows, in the same order for the same seed
        EpochShuffler pulled = new EpochShuffler(new DataSet(features.dup('f'), labels), 5);
        assertFalse(pulled.copiesInJava());
        assertEquals(orders, visitThreeEpochs(pulled));
    }

    private static List<List<Integer>> visitThreeEpochs(EpochShuffler shuffler) {
        List<List<Integer>> orders = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            shuffler.shuffle();
            List<Integer> order = new ArrayList<>();
            for (int[] range : new int[][] {{0, 4}, {4, 8}, {8, 10}}) { // batches of 4, the last one of 2
                DataSet batch = shuffler.batch(range[0], range[1]);
                assertEquals(range[1] - range[0], batch.numExamples());
                for (int row = 0; row < batch.numExamples(); row++) {
                    int index = batch.getLabels().getInt(row, 0);
                    order.add(index);
                    // the image travels with its label
                    assertEquals(4 * index, batch.getFeatures().getInt(row, 0, 0, 0));
                    assertEquals(4 * index + 1, batch.getFeatures().getInt(row, 0, 0, 1));
                    assertEquals(4 * index + 3, batch.getFeatures().getInt(row, 0, 1, 1));
                }
            }
            List<Integer> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), sorted, "each sample exactly once");
            orders.add(order);
        }
        assertNotEquals(orders.get(0), orders.get(1));
        assertNotEquals(orders.get(1), orders.get(2));
        return orders;
    }

    @Test
    void theLastPartialBatchIsUsed() {
        MultiLayerNetwork net = beansModel(1);
        List<Long> batchSizes = new ArrayList<>();
        net.addListeners(new BaseTrainingListener() {
            @Override
            public void onForwardPass(Model model, List<INDArray> activations) {
                batchSizes.add(activations.get(0).size(0));
            }
        });
        fitBeans(net, 2, 30, 1);
        assertEquals(List.of(30L, 30L, 30L, 10L, 30L, 30L, 30L, 10L), batchSizes);
    }

    @Test
    void trainMetricsAreKerasBatchMeansTakenBeforeEachUpdate() {
        // with learning rate 0 nothing changes, so the batch means must equal a full evaluation
        MultiLayerNetwork net = beansModel(3);
        net.setLearningRate(0.0);
        DataSet beans = BeansData.generate(100, 3).toDataSet();
        Evaluator.Score before = Evaluator.score(net, beans);
        History history = fitBeans(net, 1, 7, 3);
        EpochResult epoch = history.last();
        assertEquals(before.loss(), epoch.trainLoss(), 1e-6);
        assertEquals(before.accuracy(), epoch.trainAccuracy(), 1e-12);
        assertEquals(before.loss(), epoch.testLoss(), 1e-6);
    }

    @Test
    void beansLossFallsAndAccuracyBeatsChance() {
        History history = fitBeans(beansModel(42), 300, 10, 42);
        double first = history.epochs().get(0).trainLoss();
        double last = history.last().trainLoss();
        assertTrue(last < 0.9 * first, "loss " + first + " -> " + last);
        assertTrue(history.last().testAccuracy() > 0.6, "accuracy " + history.last().testAccuracy());
        assertEquals(300, history.size());
        assertTrue(history.last().trainSeconds() > 0);
    }

    @Test
    void sameSeedSameHistoryAndParameters() {
        MultiLayerNetwork a = beansModel(11);
        MultiLayerNetwork b = beansModel(11);
        History ha = fitBeans(a, 15, 10, 11);
        History hb = fitBeans(b, 15, 10, 11);
        for (int i = 0; i < 15; i++) {
            EpochResult x = ha.epochs().get(i);
            EpochResult y = hb.epochs().get(i);
            assertEquals(x.trainLoss(), y.trainLoss(), 0.0, "epoch " + (i + 1));
            assertEquals(x.trainAccuracy(), y.trainAccuracy(), 0.0);
            assertEquals(x.testLoss(), y.testLoss(), 0.0);
        }
        assertEquals(a.params(), b.params());
        History other = fitBeans(beansModel(12), 15, 10, 12);
        assertNotEquals(ha.last().trainLoss(), other.last().trainLoss());
    }

    @Test
    void aNonFiniteLossStopsTrainingWithWhereItHappened() {
        MultiLayerNetwork net = beansModel(1);
        DataSet beans = BeansData.generate(100, 1).toDataSet();
        beans.getFeatures().putScalar(57, 0, Double.NaN);
        TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> new Trainer(new Trainer.Settings(3, 10, 1))
                .fit(net, beans, beans, TrainingObserver.NONE));
        assertTrue(e.getMessage().startsWith("training diverged: the loss became NaN at epoch 1, batch "),
                e.getMessage());
        assertEquals(0, e.completed().size());
    }

    @Test
    void aParameterThatBecameInfiniteStopsTrainingAlthoughTheLossStayedFinite() {
        // an infinite output bias saturates the sigmoid at 1: the squared error stays finite, its gradient is 0
        MultiLayerNetwork net = beansModel(1);
        net.getLayer(3).getParam("b").putScalar(0, Double.POSITIVE_INFINITY);
        DataSet beans = BeansData.generate(100, 1).toDataSet();
        TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> new Trainer(new Trainer.Settings(3, 10, 1))
                .fit(net, beans, beans, TrainingObserver.NONE));
        assertTrue(e.getMessage().startsWith("training diverged: a parameter became NaN or infinite in epoch 1"
                + " while the loss stayed finite (last batch loss 0."), e.getMessage());
        assertEquals(0, e.completed().size());
    }

    @Test
    void finiteIsFalseForAnyNanOrInfinityAndTrueOtherwise() {
        INDArray values = Nd4j.create(new float[] {1, -2, 3e38f, -3e37f});
        assertTrue(Trainer.finite(values));
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            INDArray copy = values.dup();
            copy.putScalar(2, bad);
            assertFalse(Trainer.finite(copy), "with " + bad);
        }
    }

    @Test
    void settingsRefuseImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new Trainer.Settings(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new Trainer.Settings(1, 0, 1));
    }

    @Test
    void historyIsWrittenAsCsv() {
        History history = fitBeans(beansModel(1), 2, 50, 1);
        String[] lines = history.toCsv().split("\n");
        assertEquals(History.CSV_HEADER, lines[0]);
        assertEquals(3, lines.length);
        assertTrue(lines[2].startsWith("2,"));
        assertEquals(7, lines[1].split(",").length);
        assertEquals("epoch,train_loss,train_accuracy,eval_loss,eval_accuracy,train_seconds,eval_seconds", lines[0],
                "the evaluation columns named for what they hold (the beans' are their training points)");
        String old = history.toCsv().replace("eval_loss,eval_accuracy", "test_loss,test_accuracy");
        assertEquals(History.fromCsv(history.toCsv()), History.fromCsv(old),
                "runs written before the rename still read");
    }

    /** A real, short MNIST run (the post's MLP on 6,000 training images, batch 64): marked real-data. */
    @Test
    @Tag("real-data")
    void mnistMlpLearnsFromRealImages() {
        Mnist mnist = TestData.mnist();
        DataSet train = Mnist.flatDataSet(mnist.train().head(6000));
        DataSet test = Mnist.flatDataSet(mnist.test().head(2000));
        MultiLayerNetwork net = new MultiLayerNetwork(MnistMlp.configuration(42));
        net.init();
        Evaluator.Score before = Evaluator.score(net, test);
        History history = new Trainer(new Trainer.Settings(3, 64, 42)).fit(net, train, test, TrainingObserver.NONE);
        // the post's MSE + softmax + SGD 0.05 learns slowly (PyTorch: 42 % after 20 full epochs at batch 2048);
        // 282 updates here take the test accuracy from chance (10 %) to about 20 %, every epoch better
        double previousLoss = before.loss();
        double previousAccuracy = before.accuracy();
        for (EpochResult epoch : history.epochs()) {
            assertTrue(epoch.testLoss() < previousLoss, "test loss falls: " + history.epochs());
            assertTrue(epoch.testAccuracy() > previousAccuracy, "test accuracy rises: " + history.epochs());
            previousLoss = epoch.testLoss();
            previousAccuracy = epoch.testAccuracy();
        }
        assertTrue(history.last().testAccuracy() > 0.15, "beats chance (0.10): " + history.last().testAccuracy());
        double confusionAccuracy = Evaluator.confusion(net, test).accuracy();
        assertEquals(history.last().testAccuracy(), confusionAccuracy, 1e-9, "Keras accuracy = DL4J's argmax");
        assertTrue(Double.isFinite(history.last().trainLoss()));
    }

    /**
     * Elastic distortions change what is trained on, every epoch anew, and a run stopped in the middle of an epoch
     * and resumed from its checkpoint ends bit for bit where the uninterrupted one does.
     */
    @Test
    @Tag("real-data")
    void elasticRunsDifferFromPlainOnesAndResumeExactly() {
        Mnist mnist = TestData.mnist();
        DataSet train = Mnist.flatDataSet(mnist.train().head(320));
        DataSet test = Mnist.flatDataSet(mnist.test().head(100));
        Trainer.Settings elastic = new Trainer.Settings(3, 64, 5, cnnvsmlp.data.ElasticDistortion.SIMARD, 5);
        MultiLayerNetwork whole = mlp(5);
        History uninterrupted = new Trainer(elastic).fit(whole, train, test, TrainingObserver.NONE);
        MultiLayerNetwork plain = mlp(5);
        History notDistorted = new Trainer(new Trainer.Settings(3, 64, 5)).fit(plain, train, test,
                TrainingObserver.NONE);
        assertNotEquals(notDistorted.last().trainLoss(), uninterrupted.last().trainLoss());
        assertEquals(Mnist.flatDataSet(mnist.train().head(320)).getFeatures(), train.getFeatures(),
                "the training set itself is left as loaded");

        // stopped after 2 batches of epoch 2 (7 batches in all), then resumed from the checkpoint it saved
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        MultiLayerNetwork[] saved = new MultiLayerNetwork[1];
        cnnvsmlp.run.TrainingState[] state = new cnnvsmlp.run.TrainingState[1];
        Trainer.Checkpoints first = new Trainer.Checkpoints(0, (model, at) -> {
            saved[0] = model.clone();
            state[0] = at;
        }, stop, null);
        int[] batches = {0};
        TrainingObserver stopAfterSeven = new TrainingObserver() {
            @Override
            public void batchDone() {
                if (++batches[0] == 7) {
                    stop.set(true);
                }
            }
        };
        assertThrows(TrainingInterrupted.class, () -> new Trainer(elastic).fit(mlp(5), train, test, stopAfterSeven,
                first));
        assertEquals(1, state[0].completedEpochs());
        assertEquals(2, state[0].batchesDone());
        History resumed = new Trainer(elastic).fit(saved[0], train, test, TrainingObserver.NONE,
                new Trainer.Checkpoints(0, (model, at) -> { }, new java.util.concurrent.atomic.AtomicBoolean(),
                        state[0]));
        assertEquals(whole.params(), saved[0].params(), "the same parameters, bit for bit");
        for (int e = 0; e < 3; e++) {
            assertEquals(uninterrupted.epochs().get(e).trainLoss(), resumed.epochs().get(e).trainLoss(), 0.0);
            assertEquals(uninterrupted.epochs().get(e).testAccuracy(), resumed.epochs().get(e).testAccuracy(), 0.0);
        }
    }

    /**
     * The trainer flushes Adam's denormal state as TensorFlow would: denormals put into the state before an epoch
     * of 50 steps (500 images, batch 10) are gone after it, and the trained network's weights are bit for bit
     * those of the same training without them.
     */
    @Test
    @Tag("real-data")
    void theTrainerFlushesAdamsDenormalState() {
        DataSet train = Mnist.flatDataSet(TestData.mnist().train().head(500));
        DataSet test = Mnist.flatDataSet(TestData.mnist().test().head(100));
        MultiLayerNetwork flushed = new MultiLayerNetwork(MnistMlp.configuration(7,
                cnnvsmlp.model.Recipe.modern(false)));
        flushed.init();
        MultiLayerNetwork clean = flushed.clone();
        INDArray state = flushed.getUpdater().getStateViewArray();
        for (long i = 0; i < state.length(); i += 3) {
            state.putScalar(i, 3e-40f); // positive: a second moment must not go below zero
        }
        Trainer oneEpoch = new Trainer(new Trainer.Settings(1, 10, 7));
        oneEpoch.fit(flushed, train, test, TrainingObserver.NONE);
        oneEpoch.fit(clean, train, test, TrainingObserver.NONE);
        long denormals = 0;
        for (float x : flushed.getUpdater().getStateViewArray().data().asFloat()) {
            denormals += x != 0 && Math.abs(x) < Float.MIN_NORMAL ? 1 : 0;
        }
        assertEquals(0, denormals, "flushed after step " + cnnvsmlp.dl4j.FlushDenormals.EVERY);
        assertArrayEquals(clean.params().data().asFloat(), flushed.params().data().asFloat());
        assertTrue(flushed.getListeners().isEmpty(), "the trainer takes its listeners off again");
    }

    private static MultiLayerNetwork mlp(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(MnistMlp.configuration(seed));
        net.init();
        return net;
    }

    @Test
    void kerasAccuracyBinaryAndCategorical() {
        INDArray binaryLabels = Nd4j.createFromArray(new float[][] {{1}, {0}, {1}, {0}});
        INDArray probabilities = Nd4j.createFromArray(new float[][] {{0.7f}, {0.2f}, {0.5f}, {0.51f}});
        assertEquals(2, KerasAccuracy.correct(binaryLabels, probabilities, false), "0.5 is not above 0.5");
        INDArray logits = Nd4j.createFromArray(new float[][] {{2f}, {-1f}, {0f}, {0.1f}});
        assertEquals(2, KerasAccuracy.correct(binaryLabels, logits, true));
        INDArray oneHot = Nd4j.createFromArray(new float[][] {{0, 1, 0}, {1, 0, 0}});
        INDArray scores = Nd4j.createFromArray(new float[][] {{0.1f, 0.8f, 0.1f}, {0.2f, 0.7f, 0.1f}});
        assertEquals(1, KerasAccuracy.correct(oneHot, scores, false));
        assertArrayEquals(new long[] {2, 3}, scores.shape());
    }
}
