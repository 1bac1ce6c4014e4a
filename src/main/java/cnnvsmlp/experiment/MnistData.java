package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.data.ElasticDistortion;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.data.MnistDownloader;
import cnnvsmlp.data.MnistSource;
import cnnvsmlp.report.chart.DigitPictures;
import cnnvsmlp.report.chart.MnistPictures;
import cnnvsmlp.report.chart.PngFiles;
import cnnvsmlp.train.Evaluator;

/**
 * Loads MNIST or Fashion-MNIST the way the settings say: --data-dir, MNIST_DIR (FASHION_MNIST_DIR), the cache, or a
 * download.
 */
public final class MnistData {

    static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    public static final String FIRST_IMAGE_PNG = "mnist-first-image.png";
    public static final String DIGITS_PNG = "mnist-digits.png";
    public static final String CONFUSION_PNG = "confusion.png";
    public static final String MISCLASSIFIED_PNG = "misclassified.png";
    /** Elastic runs: a few digits and the distorted copies the first epochs train on. */
    public static final String DISTORTED_PNG = "elastic-distortions.png";

    private MnistData() {
    }

    /**
     * The post's look at the data (the first training image with its label, a digit of each class), then what
     * the trained model gets wrong: its confusion matrix and its first misclassified test digits.
     */
    static void drawPictures(Mnist mnist, DataSet test, MultiLayerNetwork trained, ExperimentId experiment,
            Path folder) {
        PngFiles.savePng(DigitPictures.firstImage(mnist.train()), folder.resolve(FIRST_IMAGE_PNG));
        PngFiles.savePng(DigitPictures.firstOfEachClass(mnist.train()), folder.resolve(DIGITS_PNG));
        int[] predicted = Evaluator.predictions(trained, test);
        int[][] confusion = new int[Mnist.CLASSES][Mnist.CLASSES];
        for (int i = 0; i < predicted.length; i++) {
            confusion[mnist.test().label(i)][predicted[i]]++;
        }
        PngFiles.savePng(MnistPictures.confusion(confusion, experiment.model() + ": confusion matrix on the "
                + (mnist.dataset() == Dataset.MNIST ? "" : mnist.dataset().title() + " ") + mnist.test().name()
                + " set", mnist.dataset()), folder.resolve(CONFUSION_PNG));
        PngFiles.savePng(MnistPictures.misclassifiedGrid(mnist.test(), predicted, experiment.model()),
                folder.resolve(MISCLASSIFIED_PNG));
    }

    /**
     * With elastic distortions, six digits beside the distorted copies the first epochs train on
     * ({@link #DISTORTED_PNG}), drawn before training; nothing otherwise.
     */
    static void drawDistorted(Mnist mnist, ExperimentId experiment, RunSpec spec, Path folder) {
        ElasticDistortion distortion = spec.recipe().augment().distortion();
        if (distortion == null) {
            return;
        }
        PngFiles.savePng(DigitPictures.distorted(mnist.train(), distortion, spec.seed(), 6, "What "
                + experiment.model() + " trains on: " + spec.recipe().augment().sentence(), String.format(
                java.util.Locale.ROOT, "Simard, Steinkraus, Platt 2003; seed %d; a new distortion of every image each"
                + " epoch", spec.seed())), folder.resolve(DISTORTED_PNG));
    }

    /** What the MNIST models are scored on: "the MNIST test set (10,000 images)", fewer when the data were cut. */
    static String testSet(Mnist mnist) {
        return String.format(java.util.Locale.ROOT, "the %s test set (%,d images)", mnist.dataset().title(),
                mnist.test().count());
    }

    /** MNIST from {@code context}'s folder, else MNIST_DIR, the cache, or a download from its mirrors. */
    public static Mnist load(RunContext context) {
        return load(context, Dataset.MNIST);
    }

    /** {@code dataset} from {@code context}'s folder, else its variable, the cache, or a download from its mirrors. */
    public static Mnist load(RunContext context, Dataset dataset) {
        Map<String, String> environment = System.getenv();
        MnistDownloader downloader = new MnistDownloader(context.mirrors() == null ? dataset.mirrors()
                : context.mirrors(), DOWNLOAD_TIMEOUT, context.showProgress(), context.console());
        Mnist mnist = new MnistSource(dataset, context.dataDir(), environment,
                MnistSource.defaultCacheDir(environment, dataset), downloader, context.console()).load();
        context.console().println(dataset.title() + " shapes: " + mnist.train().imageShape() + " "
                + mnist.train().labelShape()
                + " " + mnist.test().imageShape() + " " + mnist.test().labelShape() + "; first training label "
                + mnist.train().label(0));
        return mnist;
    }

    /** The MNIST experiment {@code id} on {@code mnist}. */
    public static Experiment experiment(ExperimentId id, Mnist mnist) {
        return new MnistExperiment(id, mnist);
    }

    /** {@code split} as {@code id}'s network takes it: flat (784 values) or as 28x28x1 images. */
    public static org.nd4j.linalg.dataset.DataSet dataSet(ExperimentId id, Mnist.Split split) {
        return id.input() == ExperimentId.Input.IMAGE ? Mnist.imageDataSet(split) : Mnist.flatDataSet(split);
    }

    /** The line config.json records for the data, ending with how the images are prepared. */
    static String describe(Mnist mnist, String preparation) {
        return mnist + ", first training label " + mnist.train().label(0) + ", " + preparation;
    }
}
