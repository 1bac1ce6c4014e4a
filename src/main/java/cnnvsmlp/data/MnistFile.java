package cnnvsmlp.data;

/**
 * The four files of MNIST under their standard names, with the published SHA-256 of each gzipped file and
 * of its uncompressed content (the values torchvision and TensorFlow Datasets publish).
 */
public enum MnistFile {
    TRAIN_IMAGES("train-images-idx3-ubyte", IdxFile.IMAGES_MAGIC, 60_000,
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    TRAIN_LABELS("train-labels-idx1-ubyte", IdxFile.LABELS_MAGIC, 60_000,
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    TEST_IMAGES("t10k-images-idx3-ubyte", IdxFile.IMAGES_MAGIC, 10_000,
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    TEST_LABELS("t10k-labels-idx1-ubyte", IdxFile.LABELS_MAGIC, 10_000,
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private final String baseName;
    private final int magic;
    private final int count;
    private final String gzipSha256;
    private final String rawSha256;

    MnistFile(String baseName, int magic, int count, String gzipSha256, String rawSha256) {
        this.baseName = baseName;
        this.magic = magic;
        this.count = count;
        this.gzipSha256 = gzipSha256;
        this.rawSha256 = rawSha256;
    }

    /** The name as mirrors serve it: {@code train-images-idx3-ubyte.gz}. */
    public String gzipName() {
        return baseName + ".gz";
    }

    /** The name of the uncompressed file, accepted locally: {@code train-images-idx3-ubyte}. */
    public String rawName() {
        return baseName;
    }

    /**
     * Every name a local copy may have, in the order they are looked for: gzipped and raw, under the standard name
     * and under Kaggle's, which puts a dot before {@code idx} ({@code train-images.idx3-ubyte}).
     */
    public java.util.List<String> acceptedNames() {
        String kaggle = baseName.replace("-idx", ".idx");
        return java.util.List.of(baseName + ".gz", baseName, kaggle + ".gz", kaggle);
    }

    public int magic() {
        return magic;
    }

    /** The number of images or labels in the genuine file. */
    public int count() {
        return count;
    }

    public String gzipSha256() {
        return gzipSha256;
    }

    public String rawSha256() {
        return rawSha256;
    }

    public boolean isImages() {
        return magic == IdxFile.IMAGES_MAGIC;
    }
}
