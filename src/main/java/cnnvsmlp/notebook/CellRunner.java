package cnnvsmlp.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

import cnnvsmlp.FixableProblem;

/**
 * Runs a notebook's Java cells in order in one JShell session, as the JShell-based Jupyter kernels (JJava, IJava)
 * do: the project on the class path, each cell's statements evaluated one after the other, what they print kept as
 * the cell's stream output and the value of a cell's last expression as its result (a {@link
 * java.awt.image.BufferedImage} as a PNG picture, anything else as text). A cell that does not compile or throws
 * stops the run with a {@link FixableProblem} that names the cell and the reason.
 *
 * <p>The session runs in its own JVM (JShell's default), started with the class path given and with
 * {@code -Dcnnvsmlp.project=<the repository>}, which the notebooks' parameters cell reads (a kernel opened in
 * {@code notebooks-export/<lang>/} finds the repository at {@code ../..} without it).
 */
final class CellRunner implements AutoCloseable {

    /** The kernels' magic that puts jars on the class path. */
    static final String JARS_MAGIC = "%jars";

    private final JShell shell;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Path scratch;
    private int pictures;

    /**
     * @param classPath what the session's compiler and JVM see (the project's jar and its libraries, or the
     *     test class path)
     * @param project the repository, passed as {@code cnnvsmlp.project}
     * @param vmOptions more options of the session's JVM (native settings)
     */
    CellRunner(List<String> classPath, Path project, List<String> vmOptions) throws IOException {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(vmOptions);
        options.add("-Dcnnvsmlp.project=" + Path.of("").toAbsolutePath().relativize(project.toAbsolutePath().normalize()));
        options.add("-Djava.awt.headless=true");
        options.add("-Dfile.encoding=UTF-8");
        options.add("-Dstdout.encoding=UTF-8");
        shell = JShell.builder().out(out).err(out).remoteVMOptions(options.toArray(String[]::new)).build();
        for (String entry : classPath) {
            shell.addToClasspath(entry);
        }
        scratch = Files.createTempDirectory("cnnvsmlp-cells");
    }

    /**
     * Runs cell {@code number} ({@code code}) and returns its outputs in nbformat: a stream of what it printed, and
     * the value of its last expression, if any.
     */
    List<ObjectNode> run(int number, String code) {
        List<ObjectNode> outputs = new ArrayList<>();
        if (code.strip().startsWith(JARS_MAGIC)) {
            return outputs; // the class path is the session's from its start; the magic is for the kernels
        }
        SnippetEvent last = null;
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw failed(number, "an unfinished statement: " + firstLine(rest));
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() != null) {
                    continue; // an earlier snippet updated by this one
                }
                check(number, event);
                last = event;
            }
            rest = info.remaining();
        }
        String text = takePrinted();
        if (!text.isEmpty()) {
            outputs.add(Notebook.stream(text));
        }
        if (last != null && last.value() != null) {
            if (last.snippet() instanceof VarSnippet variable && variable.name().startsWith("$")) {
                outputs.add(result(number, variable.name(), variable.typeName(), last.value()));
            } else if (last.snippet() instanceof ExpressionSnippet expression) {
                outputs.add(result(number, expression.name(), expression.typeName(), last.value()));
            }
        }
        return outputs;
    }

    private void check(int number, SnippetEvent event) {
        if (event.status() == Snippet.Status.REJECTED) {
            String why = shell.diagnostics(event.snippet()).filter(Diag::isError)
                    .map(d -> d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                    .collect(Collectors.joining("; "));
            throw failed(number, "does not compile: " + why + " in: " + firstLine(event.snippet().source()));
        }
        if (event.exception() != null) {
            String kind = event.exception() instanceof EvalException e ? e.getExceptionClassName()
                    : event.exception().getClass().getName();
            throw failed(number, "threw " + kind + ": " + event.exception().getMessage() + " in: "
                    + firstLine(event.snippet().source()));
        }
    }

    /**
     * The cell's value, held by the session as {@code name} of type {@code type}: a picture when it is an image
     * (written by the session, read here), else its text {@code value}.
     */
    private ObjectNode result(int number, String name, String type, String value) {
        if (type.equals("BufferedImage") || type.equals("java.awt.image.BufferedImage")) {
            Path png = scratch.resolve("picture-" + (++pictures) + ".png");
            String write = "javax.imageio.ImageIO.write(" + name + ", \"png\", new java.io.File(\""
                    + png.toString().replace("\\", "\\\\") + "\"))";
            for (SnippetEvent event : shell.eval(write)) {
                check(number, event);
            }
            takePrinted();
            try {
                return Notebook.result(number, "image/png", Base64.getEncoder().encodeToString(Files.readAllBytes(png)),
                        type);
            } catch (IOException e) {
                throw failed(number, "its picture could not be read back (" + e.getMessage() + ")");
            }
        }
        if (type.equals("Markdown") || type.equals(Markdown.class.getName())) {
            return Notebook.result(number, "text/markdown", value, value);
        }
        return Notebook.result(number, "text/plain", value, null);
    }

    private String takePrinted() {
        String text = printed.toString(StandardCharsets.UTF_8);
        printed.reset();
        return text;
    }

    private static FixableProblem failed(int number, String why) {
        return new FixableProblem("notebook cell " + number + " " + why);
    }

    private static String firstLine(String source) {
        String line = source.strip().lines().findFirst().orElse("");
        return line.length() > 100 ? line.substring(0, 100) + "..." : line;
    }

    @Override
    public void close() {
        shell.close();
        try (var files = Files.list(scratch)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
