package cnnvsmlp.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import cnnvsmlp.data.Mnist;
import cnnvsmlp.data.MnistDownloader;
import cnnvsmlp.data.MnistSource;
import cnnvsmlp.report.DigitPictures;
import cnnvsmlp.report.Pictures;

/** Loads MNIST the way the settings say: --data-dir, MNIST_DIR, the cache, or a download. */
public final class MnistData {

    static final String TEST_SET = "the MNIST test set (10,000 images)";
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    public static final String FIRST_IMAGE_PNG = "mnist-first-image.png";
    public static final String DIGITS_PNG = "mnist-digits.png";

    private MnistData() {
    }

    /** The post's look at the data: the first training image with its label, and a digit of each class. */
    static void drawDigits(Mnist mnist, Path folder) {
        Pictures.savePng(DigitPictures.firstImage(mnist.train()), folder.resolve(FIRST_IMAGE_PNG));
        Pictures.savePng(DigitPictures.firstOfEachClass(mnist.train()), folder.resolve(DIGITS_PNG));
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
