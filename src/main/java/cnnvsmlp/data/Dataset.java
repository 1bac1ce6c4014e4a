package cnnvsmlp.data;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two data sets of MNIST's format that the MNIST experiments train on: MNIST (the post's) and Zalando's
 * Fashion-MNIST, its drop-in replacement (the same four IDX files, 28 x 28 grey images, 10 classes, 60,000 + 10,000).
 * Each has its own checksums, mirrors, cache folder, environment variables and class names.
 *
 * <p>Checksums: for each file the digest of the gzipped file as its publisher serves it (MNIST: SHA-256, the
 * value torchvision and TensorFlow Datasets publish; Fashion-MNIST: MD5, the only checksum Zalando's README
 * publishes) and the SHA-256 of its decompressed IDX bytes. Downloads are checked against the first, local files
 * against either: Debian's {@code dataset-fashion-mnist} re-compresses the files, so their gzip bytes (and MD5s)
 * differ while their IDX content is the original's.
 */
public enum Dataset {

    MNIST("mnist", "MNIST", "MNIST_DIR", "MNIST_MIRRORS", "SHA-256",
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            Map.of(MnistFile.TRAIN_IMAGES, new Checksums(
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                    MnistFile.TRAIN_LABELS, new Checksums(
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
                    MnistFile.TEST_IMAGES, new Checksums(
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
                    MnistFile.TEST_LABELS, new Checksums(
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"))),

    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", "FASHION_MNIST_DIR", "FASHION_MNIST_MIRRORS", "MD5",
            List.of(URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
                    URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            Map.of(MnistFile.TRAIN_IMAGES, new Checksums("8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
                    MnistFile.TRAIN_LABELS, new Checksums("25c81989df183df01b3e8a0aad5dffbe",
                            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
                    MnistFile.TEST_IMAGES, new Checksums("bef4ecab320f06d8554ea6380940ec79",
                            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
                    MnistFile.TEST_LABELS, new Checksums("bb300cfdad3c16e7a12a480ee83cd310",
                            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")));

    /**
     * @param gzip the publisher's digest of the gzipped file ({@link #gzipAlgorithm()})
     * @param rawSha256 the SHA-256 of the decompressed IDX bytes
     */
    public record Checksums(String gzip, String rawSha256) {
    }

    private final String id;
    private final String title;
    private final String dirVariable;
    private final String mirrorsVariable;
    private final String gzipAlgorithm;
    private final List<URI> mirrors;
    private final List<String> classNames;
    private final Map<MnistFile, Checksums> checksums;

    Dataset(String id, String title, String dirVariable, String mirrorsVariable, String gzipAlgorithm,
            List<URI> mirrors, List<String> classNames, Map<MnistFile, Checksums> checksums) {
        this.id = id;
        this.title = title;
        this.dirVariable = dirVariable;
        this.mirrorsVariable = mirrorsVariable;
        this.gzipAlgorithm = gzipAlgorithm;
        this.mirrors = mirrors;
        this.classNames = classNames;
        this.checksums = checksums;
    }

    /** The name on the command line, in config.json and of the cache folder: {@code mnist}, {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** The name people write: MNIST, Fashion-MNIST. */
    public String title() {
        return title;
    }

    /** The environment variable naming a folder that holds the files: MNIST_DIR, FASHION_MNIST_DIR. */
    public String dirVariable() {
        return dirVariable;
    }

    /** The environment variable listing mirrors (comma-separated): MNIST_MIRRORS, FASHION_MNIST_MIRRORS. */
    public String mirrorsVariable() {
        return mirrorsVariable;
    }

    /** The digest its publisher gives for the gzipped files: SHA-256 or MD5. */
    public String gzipAlgorithm() {
        return gzipAlgorithm;
    }

    /** Where the gzipped files are downloaded from, tried in order. */
    public List<URI> mirrors() {
        return mirrors;
    }

    /** The name of each class 0..9: the digit for MNIST, the article for Fashion-MNIST. */
    public List<String> classNames() {
        return classNames;
    }

    /** Class {@code label} as a reader sees it: {@code 7} for MNIST, {@code 7 Sneaker} for Fashion-MNIST. */
    public String label(int label) {
        return this == MNIST ? classNames.get(label) : label + " " + classNames.get(label);
    }

    /** What a class is called on axes and in lists: "digit" for MNIST, "class" for Fashion-MNIST. */
    public String classWord() {
        return this == MNIST ? "digit" : "class";
    }

    public Checksums checksums(MnistFile file) {
        return checksums.get(file);
    }

    /** The data set {@code id} names ({@code mnist}, {@code fashion-mnist}); empty when none does. */
    public static Optional<Dataset> byId(String id) {
        for (Dataset dataset : values()) {
            if (dataset.id.equals(id)) {
                return Optional.of(dataset);
            }
        }
        return Optional.empty();
    }

    /** The data set whose {@code file} has the IDX content of SHA-256 {@code rawSha256}, if any. */
    public static Optional<Dataset> owning(MnistFile file, String rawSha256) {
        for (Dataset dataset : values()) {
            if (dataset.checksums(file).rawSha256().equals(rawSha256)) {
                return Optional.of(dataset);
            }
        }
        return Optional.empty();
    }

    /** The ids, for messages: "mnist, fashion-mnist". */
    public static String ids() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Dataset::id).toList());
    }
}
