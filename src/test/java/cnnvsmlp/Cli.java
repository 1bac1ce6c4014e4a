package cnnvsmlp;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import cnnvsmlp.cli.Main;

/** Runs a command line in this JVM, as the tests do, and keeps what it printed. */
public final class Cli {

    /** Exit code, standard output and standard error of one command line. */
    public record Outcome(int code, String out, String err) {
    }

    private Cli() {
    }

    public static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
