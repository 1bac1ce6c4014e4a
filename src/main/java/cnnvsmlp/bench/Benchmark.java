package cnnvsmlp.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.experiment.MnistData;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.History;
import cnnvsmlp.runtime.GpuDevices;
import cnnvsmlp.runtime.Nd4jRuntime;
import cnnvsmlp.runtime.OpenBlasProbe;
import cnnvsmlp.train.Evaluator;
import cnnvsmlp.train.Trainer;
import cnnvsmlp.train.TrainingObserver;

/**
 * Measures the project's own training loop ({@link Trainer}, the code the experiments run), not a bare
 * {@code fit}: a warm-up epoch, then a timed one, each followed by the evaluation of the test set.
 */
public final class Benchmark {

    public static final int MNIST_EPOCH = 60_000;

    private Benchmark() {
    }

    /**
     * @param trainExamples MNIST training examples per timed epoch (60,000 for a whole epoch; fewer are
     *     extrapolated to 60,000)
     * @param beansEpochs epochs of the beans run (the post: 5000)
     */
    public static Measurement measure(ExperimentId experiment, int batchSize, Mnist mnist, int trainExamples,
            int beansEpochs) {
        int threads = experiment.defaultThreads();
        Nd4jRuntime.configure(experiment.blasThreads(threads), experiment.opThreads(threads, batchSize));
        MachinePeak peak = MachinePeak.ofThisMachine();
        String kernels = GpuDevices.cudaBackend() ? "CUDA" : OpenBlasProbe.coreName().orElse("unknown");
        if (!experiment.usesMnist()) {
            DataSet beans = BeansData.generate(BeansData.POST_SIZE, 42).toDataSet();
            MultiLayerNetwork net = network(experiment.configuration(42));
            History history = new Trainer(new Trainer.Settings(beansEpochs, batchSize, 42)).fit(net, beans, beans,
                    TrainingObserver.NONE);
            double train = history.totalTrainSeconds();
            double eval = history.epochs().stream().mapToDouble(EpochResult::evalSeconds).sum();
            long examples = 100L * beansEpochs;
            double gflops = Flops.trainingPerExample(net, beans.getFeatures().getRow(0, true)) * (examples / train)
                    / 1e9;
            return new Measurement(experiment.id(), batchSize, kernels, examples, train, eval, examples / train, gflops,
                    gflops / peak.gflops(), MachinePeak.peakResidentMiB(),
                    (train + eval) * ExperimentId.POST_EPOCHS / beansEpochs / 3600);
        }
        Mnist.Split trainSplit = mnist.train().head(trainExamples);
        DataSet train = MnistData.dataSet(experiment, trainSplit);
        DataSet test = MnistData.dataSet(experiment, mnist.test());
        MultiLayerNetwork net = network(experiment.configuration(42));
        History history = new Trainer(new Trainer.Settings(2, batchSize, 42)).fit(net, train, test,
                TrainingObserver.NONE);
        EpochResult timed = history.last();
        long examples = trainSplit.count();
        double perExample = timed.trainSeconds() / examples;
        double gflops = Flops.trainingPerExample(net, Evaluator.rows(test.getFeatures(), 0, 1)) / perExample / 1e9;
        return new Measurement(experiment.id(), batchSize, kernels, examples, perExample * MNIST_EPOCH,
                timed.evalSeconds(), 1 / perExample, gflops, gflops / peak.gflops(), MachinePeak.peakResidentMiB(),
                (perExample * MNIST_EPOCH + timed.evalSeconds()) * ExperimentId.POST_EPOCHS / 3600);
    }

    private static MultiLayerNetwork network(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
