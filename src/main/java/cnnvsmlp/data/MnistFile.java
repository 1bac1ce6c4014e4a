package cnnvsmlp.data;

/**
 * The four files of MNIST's format under their standard names (Fashion-MNIST uses the same); each data set's
 * checksums of them are in {@link Dataset}.
 */
public enum MnistFile {
    TRAIN_IMAGES("train-images-idx3-ubyte", IdxFile.IMAGES_MAGIC, 60_000),
    TRAIN_LABELS("train-labels-idx1-ubyte", IdxFile.LABELS_MAGIC, 60_000),
    TEST_IMAGES("t10k-images-idx3-ubyte", IdxFile.IMAGES_MAGIC, 10_000),
    TEST_LABELS("t10k-labels-idx1-ubyte", IdxFile.LABELS_MAGIC, 10_000);

    private final String baseName;
    private final int magic;
    private final int count;

    MnistFile(String baseName, int magic, int count) {
        this.baseName = baseName;
        this.magic = magic;
        this.count = count;
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

    public boolean isImages() {
        return magic == IdxFile.IMAGES_MAGIC;
    }
}
