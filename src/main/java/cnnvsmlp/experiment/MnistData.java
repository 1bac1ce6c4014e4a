package cnnvsmlp.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.data.Mnist;
import cnnvsmlp.data.MnistDownloader;
import cnnvsmlp.data.MnistSource;
import cnnvsmlp.report.DigitPictures;
import cnnvsmlp.report.MnistPictures;
import cnnvsmlp.report.Pictures;
import cnnvsmlp.train.Evaluator;

/** Loads MNIST the way the settings say: --data-dir, MNIST_DIR, the cache, or a download. */
public final class MnistData {

    static final String TEST_SET = "the MNIST test set (10,000 images)";
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    public static final String FIRST_IMAGE_PNG = "mnist-first-image.png";
    public static final String DIGITS_PNG = "mnist-digits.png";
    public static final String CONFUSION_PNG = "confusion.png";
    public static final String MISCLASSIFIED_PNG = "misclassified.png";

    private MnistData() {
    }

    /**
     * The post's look at the data (the first training image with its label, a digit of each class), then what
     * the trained model gets wrong: its confusion matrix and its first misclassified test digits.
     */
    static void drawPictures(Mnist mnist, DataSet test, MultiLayerNetwork trained, Experiment experiment,
            Path folder) {
        Pictures.savePng(DigitPictures.firstImage(mnist.train()), folder.resolve(FIRST_IMAGE_PNG));
        Pictures.savePng(DigitPictures.firstOfEachClass(mnist.train()), folder.resolve(DIGITS_PNG));
        int[] predicted = Evaluator.predictions(trained, test);
        int[][] confusion = new int[Mnist.CLASSES][Mnist.CLASSES];
        for (int i = 0; i < predicted.length; i++) {
            confusion[mnist.test().label(i)][predicted[i]]++;
        }
        Pictures.savePng(MnistPictures.confusion(confusion, experiment.model() + ": confusion matrix on the "
                + mnist.test().name() + " set"), folder.resolve(CONFUSION_PNG));
        Pictures.savePng(MnistPictures.misclassifiedGrid(mnist.test(), predicted, experiment.model()),
                folder.resolve(MISCLASSIFIED_PNG));
    }

    public static Mnist load(Settings settings) {
        Map<String, String> environment = System.getenv();
        MnistDownloader downloader = new MnistDownloader(settings.mirrors(), DOWNLOAD_TIMEOUT,
                settings.showProgress(), settings.console());
        Mnist mnist = new MnistSource(settings.dataDir(), environment, MnistSource.defaultCacheDir(environment),
                downloader, settings.console()).load();
        settings.console().println("MNIST shapes: " + mnist.train().imageShape() + " " + mnist.train().labelShape()
                + " " + mnist.test().imageShape() + " " + mnist.test().labelShape() + "; first training label "
                + mnist.train().label(0));
        return mnist;
    }
}
