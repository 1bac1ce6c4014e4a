package cnnvsmlp.cli;

import java.util.Map;

import picocli.CommandLine.IVersionProvider;

import cnnvsmlp.runtime.RunEnvironment;

/** {@code --version}: the project's and its libraries' versions. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Map<String, String> v = RunEnvironment.readVersions();
        return new String[] {"cnn-vs-mlp " + v.getOrDefault("project", "unknown"),
                "Deeplearning4j " + v.getOrDefault("deeplearning4j", "unknown") + ", backend "
                        + v.getOrDefault("nd4j.backend", "unknown") + " (" + v.getOrDefault("javacpp.platform", "?")
                        + ")"};
    }
}
