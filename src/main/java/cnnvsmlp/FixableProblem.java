package cnnvsmlp;

/**
 * A problem the user can fix: bad input, a missing or corrupt file, an impossible option.
 *
 * <p>Its message is one line that names the problem and what to do about it; the command line prints it
 * without a stack trace and exits non-zero.
 */
public class FixableProblem extends RuntimeException {

    public FixableProblem(String message) {
        super(message);
    }

    public FixableProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
