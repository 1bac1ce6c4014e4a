package cnnvsmlp.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.data.MnistDownloader;
import cnnvsmlp.experiment.RunContext;

/** Where MNIST comes from. */
final class MnistOptions {

    static final String ENV_MIRRORS = "MNIST_MIRRORS";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the four MNIST .gz files. Default: $MNIST_DIR, else the download cache"
                    + " (~/.cache/cnn-vs-mlp/mnist), filled from the mirrors.")
    Path dataDir;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "A mirror to download MNIST from, tried in order (repeatable). Default: $MNIST_MIRRORS"
                    + " (comma-separated), else ${cnnvsmlp.mirrors}.")
    List<URI> mirrors;

    /** {@code context} with MNIST from {@code --data-dir} and the mirrors of {@code --mirror} or MNIST_MIRRORS. */
    RunContext.Builder applyTo(RunContext.Builder context) {
        List<URI> chosen = mirrors == null ? null : mirrors.stream().map(u -> mirror(u.toString(), "--mirror")).toList();
        if ((chosen == null || chosen.isEmpty()) && dataDir == null) { // with --data-dir no mirror is asked
            String fromEnvironment = System.getenv(ENV_MIRRORS);
            chosen = new ArrayList<>();
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                for (String part : fromEnvironment.split(",")) {
                    if (!part.isBlank()) {
                        chosen.add(mirror(part.trim(), ENV_MIRRORS));
                    }
                }
            }
            if (chosen.isEmpty()) {
                chosen = MnistDownloader.DEFAULT_MIRRORS;
            }
        }
        return context.dataDir(dataDir).mirrors(chosen == null ? MnistDownloader.DEFAULT_MIRRORS : chosen);
    }

    private static URI mirror(String text, String source) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new URISyntaxException(text, "not an http or https address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FixableProblem(source + " gives '" + text + "', which is not a mirror address (" + e.getReason()
                    + "); give http(s) URLs" + (source.equals(ENV_MIRRORS) ? " separated by commas, or unset it" : ""));
        }
    }
}
