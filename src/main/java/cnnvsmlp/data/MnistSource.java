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
 * Finds the four MNIST files, in this order: the folder given with {@code --data-dir}, the folder named by the
 * {@code MNIST_DIR} environment variable, the per-user cache folder. Only the cache is filled by downloading;
 * a folder the user named must already hold the files. Every file is checked against its published SHA-256
 * before it is used.
 */
public final class MnistSource {

    public static final String ENV_DIR = "MNIST_DIR";

    private final Path dataDir;
    private final Map<String, String> environment;
    private final Path cacheDir;
    private final MnistDownloader downloader;
    private final PrintStream log;

    /**
     * @param dataDir the folder given on the command line, or null
     * @param environment the process environment (for {@code MNIST_DIR})
     * @param cacheDir the per-user cache folder, see {@link #defaultCacheDir(Map)}
     * @param downloader fills the cache; null to never download
     */
    public MnistSource(Path dataDir, Map<String, String> environment, Path cacheDir, MnistDownloader downloader,
            PrintStream log) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.cacheDir = cacheDir;
        this.downloader = downloader;
        this.log = log;
    }

    /**
     * {@code $XDG_CACHE_HOME/cnn-vs-mlp/mnist}, else {@code $HOME/.cache/cnn-vs-mlp/mnist} (Windows: LOCALAPPDATA; no
     * HOME: Java's user.home).
     */
    public static Path defaultCacheDir(Map<String, String> environment) {
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
        return base.resolve("cnn-vs-mlp").resolve("mnist");
    }

    /** Where the files were found, and how that folder was chosen. */
    public record Located(Path folder, String origin) {
    }

    /** Locates (and if needed downloads) the files, then reads them. */
    public Mnist load() {
        Located located = locate();
        log.println("MNIST: " + located.folder() + " (" + located.origin() + ")");
        return Mnist.load(located.folder());
    }

    /** The folder that holds the four verified files. */
    public Located locate() {
        if (dataDir != null) {
            return new Located(checkUserFolder(dataDir, "--data-dir"), "--data-dir");
        }
        String fromEnvironment = environment.get(ENV_DIR);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Located(checkUserFolder(Path.of(fromEnvironment), ENV_DIR), ENV_DIR);
        }
        return new Located(fillCache(), "download cache");
    }

    private Path checkUserFolder(Path folder, String origin) {
        if (!Files.isDirectory(folder)) {
            throw new FixableProblem("MNIST folder " + folder + " (from " + origin + ") "
                    + (Files.exists(folder) ? "is not a folder" : "does not exist") + "; "
                    + howToProvide(folder));
        }
        List<MnistFile> missing = missingFiles(folder);
        if (!missing.isEmpty()) {
            throw new FixableProblem("MNIST folder " + folder + " (from " + origin + ") lacks "
                    + names(missing) + "; " + howToProvide(folder));
        }
        for (MnistFile file : MnistFile.values()) {
            verify(Mnist.pathOf(folder, file), file);
        }
        return folder;
    }

    private Path fillCache() {
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new FixableProblem("cannot create the MNIST cache folder " + cacheDir + " (" + e + "); set "
                    + ENV_DIR + " or pass --data-dir to use a folder that holds the four files");
        }
        for (MnistFile file : MnistFile.values()) {
            Path present = Mnist.pathOf(cacheDir, file);
            if (Files.exists(present) && !matches(present, file)) {
                Path aside = present.resolveSibling(present.getFileName() + ".corrupt");
                try {
                    Files.move(present, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new FixableProblem("the MNIST cache file " + present + " fails its SHA-256 check and cannot"
                            + " be moved aside (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "; a"
                            + " read-only cache?); delete it, or set " + ENV_DIR + " or --data-dir to a folder that"
                            + " holds the four genuine files", e);
                }
                log.println("MNIST cache: " + present + " fails its SHA-256 check; moved aside to " + aside
                        + " and downloading it again");
            }
        }
        List<MnistFile> missing = missingFiles(cacheDir);
        if (missing.isEmpty()) {
            return cacheDir;
        }
        if (downloader == null) {
            throw new FixableProblem("MNIST is not in the cache " + cacheDir + " (missing " + names(missing)
                    + ") and downloading is off; " + howToProvide(cacheDir));
        }
        log.println("MNIST: downloading " + names(missing) + " into " + cacheDir + " from "
                + downloader.mirrors());
        for (MnistFile file : missing) {
            try {
                downloader.download(file, cacheDir);
            } catch (FixableProblem e) {
                throw new FixableProblem(e.getMessage() + "; without network, " + howToProvide(cacheDir), e);
            }
        }
        return cacheDir;
    }

    private static String howToProvide(Path folder) {
        return "put the four files " + Stream.of(MnistFile.values()).map(MnistFile::gzipName)
                .collect(Collectors.joining(", ")) + " (from any MNIST mirror; uncompressed files and Kaggle's names,"
                + " train-images.idx3-ubyte, are accepted too) into " + folder.toAbsolutePath()
                + ", or point --data-dir or " + ENV_DIR + " at a folder that holds them";
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

    private static boolean matches(Path path, MnistFile file) {
        return sha256(path).equals(expectedSha256(path, file))
                || isGzip(path) && file.rawSha256().equals(contentSha256(path));
    }

    private static boolean isGzip(Path path) {
        return path.getFileName().toString().endsWith(".gz");
    }

    /** The SHA-256 of a gzip file's content, or "" when it does not decompress. */
    private static String contentSha256(Path path) {
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

    private static String expectedSha256(Path path, MnistFile file) {
        return path.getFileName().toString().endsWith(".gz") ? file.gzipSha256() : file.rawSha256();
    }

    /**
     * Fails unless {@code path} has the published SHA-256 of {@code file}: of the gzip as mirrors serve it, or of
     * its content (a genuine file gzipped again, by another tool or level, has other gzip bytes).
     */
    static void verify(Path path, MnistFile file) {
        String actual = sha256(path);
        String expected = expectedSha256(path, file);
        if (!actual.equals(expected) && !(isGzip(path) && file.rawSha256().equals(contentSha256(path)))) {
            throw new FixableProblem("checksum mismatch: " + path + " has SHA-256 " + actual + ", the genuine "
                    + path.getFileName() + " has " + expected + "; the file is corrupt or not the original MNIST,"
                    + " replace it with the original");
        }
    }

    private static String sha256(Path path) {
        try {
            return Sha256.of(path);
        } catch (IOException e) {
            throw new FixableProblem("cannot read " + path + " (" + e + "); check its permissions or replace it");
        }
    }
}
