package cnnvsmlp.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.data.Dataset;
import cnnvsmlp.experiment.RunContext;

/** Where MNIST (or Fashion-MNIST) comes from. */
final class MnistOptions {

    static final String ENV_MIRRORS = "MNIST_MIRRORS";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the data set's four .gz files. Default: $MNIST_DIR ($FASHION_MNIST_DIR for"
                    + " --dataset fashion-mnist), else the download cache (~/.cache/cnn-vs-mlp/mnist or"
                    + " .../fashion-mnist), filled from the mirrors.")
    Path dataDir;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "A mirror to download the data set from, tried in order (repeatable). Default:"
                    + " $MNIST_MIRRORS ($FASHION_MNIST_MIRRORS; comma-separated), else ${cnnvsmlp.mirrors} (for"
                    + " Fashion-MNIST: Zalando's GitHub repository and its S3 site).")
    List<URI> mirrors;

    /** {@code context} with MNIST from {@code --data-dir} and the mirrors of {@code --mirror} or MNIST_MIRRORS. */
    RunContext.Builder applyTo(RunContext.Builder context) {
        return applyTo(context, Dataset.MNIST);
    }

    /**
     * {@code context} with {@code dataset} from {@code --data-dir} and the mirrors of {@code --mirror} or the data
     * set's variable (MNIST_MIRRORS, FASHION_MNIST_MIRRORS); none of these: its own mirrors.
     */
    RunContext.Builder applyTo(RunContext.Builder context, Dataset dataset) {
        List<URI> chosen = mirrors == null ? null : mirrors.stream().map(u -> mirror(u.toString(), "--mirror")).toList();
        if ((chosen == null || chosen.isEmpty()) && dataDir == null) { // with --data-dir no mirror is asked
            String fromEnvironment = System.getenv(dataset.mirrorsVariable());
            chosen = new ArrayList<>();
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                for (String part : fromEnvironment.split(",")) {
                    if (!part.isBlank()) {
                        chosen.add(mirror(part.trim(), dataset.mirrorsVariable()));
                    }
                }
            }
        }
        return context.dataDir(dataDir).mirrors(chosen == null || chosen.isEmpty() ? dataset.mirrors() : chosen);
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
                    + "); give http(s) URLs" + (source.endsWith(ENV_MIRRORS) ? " separated by commas, or unset it"
                    : ""));
        }
    }
}
