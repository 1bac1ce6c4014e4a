package cnnvsmlp.experiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a run prints: to the console, and kept for the run folder's {@code console.txt}. */
final class Transcript {

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final PrintStream out;

    Transcript(PrintStream console) {
        this.out = new PrintStream(new Tee(console, copy), true, StandardCharsets.UTF_8);
    }

    /** Prints to the console and the transcript. */
    PrintStream out() {
        return out;
    }

    /** Everything printed so far. */
    String text() {
        return copy.toString(StandardCharsets.UTF_8);
    }

    /** Writes to the console and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream copy;

        Tee(OutputStream console, OutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}
