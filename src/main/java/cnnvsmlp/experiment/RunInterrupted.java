package cnnvsmlp.experiment;

/** A run stopped by Ctrl-C or SIGTERM after saving its checkpoint; the command exits with {@link #exitCode()}. */
public final class RunInterrupted extends RuntimeException {

    private final int exitCode;

    RunInterrupted(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
