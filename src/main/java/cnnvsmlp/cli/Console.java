package cnnvsmlp.cli;

import java.io.PrintStream;

/** The streams of the current command-line invocation (standard ones, or a test's). */
final class Console {

    private static final ThreadLocal<PrintStream[]> STREAMS = ThreadLocal.withInitial(
            () -> new PrintStream[] {System.out, System.err});

    private Console() {
    }

    static void set(PrintStream out, PrintStream err) {
        STREAMS.set(new PrintStream[] {out, err});
    }

    static PrintStream out() {
        return STREAMS.get()[0];
    }

    static PrintStream err() {
        return STREAMS.get()[1];
    }
}
