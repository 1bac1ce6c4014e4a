package cnnvsmlp.data;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cnnvsmlp.FixableProblem;

/**
 * Finds the four files of MNIST or Fashion-MNIST, in this order: the folder given with {@code --data-dir}, the folder
 * named by the data set's environment variable ({@code MNIST_DIR}, {@code FASHION_MNIST_DIR}), the per-user cache
 * folder. Only the cache is filled by downloading; a folder the user named must already hold the files. Every file
 * is checked against its published checksums before it is used; the other data set's files are recognised and
 * named as such.
 */
public final class MnistSource {

    private final Dataset dataset;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final Path cacheDir;
    private final MnistDownloader downloader;
    private final PrintStream log;

    /**
     * @param dataset which data set to find
     * @param dataDir the folder given on the command line, or null
     * @param environment the process environment (for {@code MNIST_DIR} or {@code FASHION_MNIST_DIR})
     * @param cacheDir the per-user cache folder, see {@link #defaultCacheDir(Map, Dataset)}
     * @param downloader fills the cache; null to never download
     */
    public MnistSource(Dataset dataset, Path dataDir, Map<String, String> environment, Path cacheDir,
            MnistDownloader downloader, PrintStream log) {
        this.dataset = dataset;
        this.dataDir = dataDir;
        this.environment = environment;
        this.cacheDir = cacheDir;
        this.downloader = downloader;
        this.log = log;
    }

    /**
     * {@code $XDG_CACHE_HOME/cnn-vs-mlp/<data set>}, else {@code $HOME/.cache/cnn-vs-mlp/<data set>} (Windows:
     * LOCALAPPDATA; no HOME: Java's user.home); the data set is {@code mnist} or {@code fashion-mnist}.
     */
    public static Path defaultCacheDir(Map<String, String> environment, Dataset dataset) {
        String xdg = environment.get("XDG_CACHE_HOME");
        String localAppData = environment.get("LOCALAPPDATA");
        Path base;
        if (xdg != null && !xdg.isBlank()) {
            base = Path.of(xdg);
        } else if (localAppData != null && !localAppData.isBlank()) {
            base = Path.of(localAppData);
        } else {
            // $HOME first: Java's user.home comes from the password database and ignores HOME=/elsewhere
            String home = environment.get("HOME");
            base = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".cache");
        }
        return base.resolve("cnn-vs-mlp").resolve(dataset.id());
    }

    /** Where the files were found, and how that folder was chosen. */
    public record Located(Path folder, String origin) {
    }

    /** Locates (and if needed downloads) the files, then reads them. */
    public Mnist load() {
        Located located = locate();
        log.println(dataset.title() + ": " + cnnvsmlp.run.RunFolder.shown(located.folder()) + " (" + located.origin()
                + ")");
        return Mnist.load(located.folder(), dataset);
    }

    /** The folder that holds the four verified files. */
    public Located locate() {
        if (dataDir != null) {
            return new Located(checkUserFolder(dataDir, "--data-dir"), "--data-dir");
        }
        String fromEnvironment = environment.get(dataset.dirVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Located(checkUserFolder(Path.of(fromEnvironment), dataset.dirVariable()),
                    dataset.dirVariable());
        }
        return new Located(fillCache(), "download cache");
    }

    private Path checkUserFolder(Path folder, String origin) {
        if (!Files.isDirectory(folder)) {
            throw new FixableProblem(dataset.title() + " folder " + folder + " (from " + origin + ") "
                    + (Files.exists(folder) ? "is not a folder" : "does not exist") + "; "
                    + howToProvide(folder));
        }
        List<MnistFile> missing = missingFiles(folder);
        if (!missing.isEmpty()) {
            throw new FixableProblem(dataset.title() + " folder " + folder + " (from " + origin + ") lacks "
                    + names(missing) + "; " + howToProvide(folder));
        }
        for (MnistFile file : MnistFile.values()) {
            verify(Mnist.pathOf(folder, file), file, dataset);
        }
        return folder;
    }

    private Path fillCache() {
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new FixableProblem("cannot create the " + dataset.title() + " cache folder " + cacheDir + " (" + e
                    + "); set " + dataset.dirVariable() + " or pass --data-dir to use a folder that holds the four"
                    + " files");
        }
        for (MnistFile file : MnistFile.values()) {
            Path present = Mnist.pathOf(cacheDir, file);
            if (Files.exists(present) && !matches(present, file, dataset)) {
                Path aside = present.resolveSibling(present.getFileName() + ".corrupt");
                try {
                    Files.move(present, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new FixableProblem("the " + dataset.title() + " cache file " + present + " fails its"
                            + " checksum check and cannot be moved aside (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + "; a read-only cache?); delete it, or set " + dataset.dirVariable()
                            + " or --data-dir to a folder that holds the four genuine files", e);
                }
                log.println(dataset.title() + " cache: " + present + " fails its checksum check; moved aside to "
                        + aside + " and downloading it again");
            }
        }
        List<MnistFile> missing = missingFiles(cacheDir);
        if (missing.isEmpty()) {
            return cacheDir;
        }
        if (downloader == null) {
            throw new FixableProblem(dataset.title() + " is not in the cache " + cacheDir + " (missing "
                    + names(missing)
                    + ") and downloading is off; " + howToProvide(cacheDir));
        }
        log.println(dataset.title() + ": downloading " + names(missing) + " into " + cacheDir + " from "
                + downloader.mirrors());
        for (MnistFile file : missing) {
            try {
                downloader.download(dataset, file, cacheDir);
            } catch (FixableProblem e) {
                throw new FixableProblem(e.getMessage() + "; without network, " + howToProvide(cacheDir), e);
            }
        }
        return cacheDir;
    }

    private String howToProvide(Path folder) {
        return "put the four files " + Stream.of(MnistFile.values()).map(MnistFile::gzipName)
                .collect(Collectors.joining(", ")) + " (from any " + dataset.title() + " mirror; uncompressed files"
                + " and Kaggle's names, train-images.idx3-ubyte, are accepted too) into " + folder.toAbsolutePath()
                + ", or point --data-dir or " + dataset.dirVariable() + " at a folder that holds them";
    }

    private static List<MnistFile> missingFiles(Path folder) {
        List<MnistFile> missing = new ArrayList<>();
        for (MnistFile file : MnistFile.values()) {
            if (!Files.isRegularFile(Mnist.pathOf(folder, file))) {
                missing.add(file);
            }
        }
        return missing;
    }

    private static String names(List<MnistFile> files) {
        return files.stream().map(MnistFile::gzipName).collect(Collectors.joining(", "));
    }

    private static boolean matches(Path path, MnistFile file, Dataset dataset) {
        Dataset.Checksums expected = dataset.checksums(file);
        return isGzip(path) && digest(path, dataset.gzipAlgorithm()).equals(expected.gzip())
                || expected.rawSha256().equals(contentSha256(path));
    }

    private static boolean isGzip(Path path) {
        return path.getFileName().toString().endsWith(".gz");
    }

    /** The SHA-256 of the IDX bytes: of a gzip file's content (or "" when it does not decompress), else the file's. */
    private static String contentSha256(Path path) {
        if (!isGzip(path)) {
            return digest(path, "SHA-256");
        }
        java.security.MessageDigest digest = Sha256.newDigest();
        try (var raw = Files.newInputStream(path); var in = new java.util.zip.GZIPInputStream(raw, 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return Sha256.hex(digest);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Fails unless {@code path} is {@code dataset}'s {@code file}: a gzip with the publisher's digest, or any file
     * whose IDX bytes have the published SHA-256 (a genuine file gzipped again, by another tool or level, as
     * Debian's packages do, has other gzip bytes). The other data set's file is named as such.
     */
    static void verify(Path path, MnistFile file, Dataset dataset) {
        if (matches(path, file, dataset)) {
            return;
        }
        Dataset.Checksums expected = dataset.checksums(file);
        String content = contentSha256(path);
        java.util.Optional<Dataset> other = Dataset.owning(file, content);
        if (other.isPresent()) {
            throw new FixableProblem(path + " is " + other.get().title() + "'s " + file.rawName() + ", not "
                    + dataset.title() + "'s; pass --dataset " + other.get().id() + " to train on "
                    + other.get().title() + ", or point --data-dir or " + dataset.dirVariable() + " at "
                    + dataset.title() + "'s files");
        }
        throw new FixableProblem("checksum mismatch: " + path + (content.isEmpty() ? " is damaged gzip data"
                : " holds IDX bytes of SHA-256 " + content) + ", the genuine " + dataset.title() + " " + file.rawName()
                + " has " + expected.rawSha256() + " (gzipped as published: " + dataset.gzipAlgorithm() + " "
                + expected.gzip() + "); the file is corrupt or not the original " + dataset.title() + ", replace it"
                + " with the original");
    }

    private static String digest(Path path, String algorithm) {
        try {
            return Sha256.of(path, algorithm);
        } catch (IOException e) {
            throw new FixableProblem("cannot read " + path + " (" + e + "); check its permissions or replace it");
        }
    }
}
