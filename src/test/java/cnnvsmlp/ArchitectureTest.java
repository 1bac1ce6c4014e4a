package cnnvsmlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package graph of docs/architecture.md, held by a scan of the sources: each package refers only to packages
 * below it (imports and fully qualified names in code, not in comments or strings), so there is no cycle.
 */
class ArchitectureTest {

    /** Top to bottom; {@code cnnvsmlp} itself ({@code FixableProblem}) is below them all. */
    static final List<String> LAYERS = List.of("ide", "cli", "serve", "notebook", "bench", "experiment",
            "report.index", "report.compare", "report.chart", "report", "train", "model", "data", "run", "runtime",
            "dl4j");

    static final Path MAIN = Path.of("src/main/java/cnnvsmlp");

    /** A reference to a class of a package: {@code cnnvsmlp.report.chart.PngFiles} names {@code report.chart}. */
    private static final Pattern REFERENCE = Pattern.compile("\\bcnnvsmlp\\.([a-z0-9]+(?:\\.[a-z0-9]+)*)\\.[A-Z*]");

    @Test
    void everyPackageIsALayer() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> all = Files.walk(MAIN)) { // every folder that holds a source file, as a package name
            all.filter(p -> p.toString().endsWith(".java") && !p.getParent().equals(MAIN))
                    .forEach(p -> packages.add(MAIN.relativize(p.getParent()).toString().replace('/', '.')));
        }
        assertEquals(new TreeSet<>(LAYERS), packages, "a new package takes its place in LAYERS and"
                + " docs/architecture.md");
    }

    @Test
    void packagesReferOnlyToPackagesBelowThem() throws IOException {
        List<String> upward = new ArrayList<>();
        for (String layer : LAYERS) {
            try (Stream<Path> files = Files.list(MAIN.resolve(layer.replace('.', '/')))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = REFERENCE.matcher(code(Files.readString(file)));
                    while (m.find()) {
                        String target = m.group(1);
                        if (!target.equals(layer) && LAYERS.indexOf(target) <= LAYERS.indexOf(layer)) {
                            upward.add(MAIN.relativize(file) + " -> " + target);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), upward.stream().distinct().toList(), "references to a package at or above");
    }

    /**
     * One registry of experiments: no class but {@code model/ExperimentId} decides by an experiment's identity
     * ({@code == ExperimentId.LENET5}, {@code case LENET5}, {@code .equals("lenet5")}); the others ask the registry
     * (its input, thread policy, names). Naming an experiment (the main job's three, serve's default pair) is fine.
     */
    @Test
    void noClassOutsideTheRegistrySwitchesOnExperimentIds() throws IOException {
        String names = java.util.Arrays.stream(cnnvsmlp.model.ExperimentId.values()).map(Enum::name)
                .collect(java.util.stream.Collectors.joining("|"));
        String ids = String.join("|", cnnvsmlp.model.ExperimentId.ids());
        Pattern decision = Pattern.compile("[=!]=\\s*ExperimentId\\.(" + names + ")\\b|ExperimentId\\.(" + names
                + ")\\s*[=!]=|\\bcase\\s+(" + names + ")\\b|equals\\(\"(" + ids + ")\"\\)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.endsWith(Path.of("model", "ExperimentId.java"))) {
                    continue;
                }
                String[] lines = Files.readString(file).split("\n", -1); // strings kept: .equals("lenet5")
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    boolean comment = line.startsWith("//") || line.startsWith("*") || line.startsWith("/*");
                    if (!comment && decision.matcher(line.replaceAll("//.*$", "")).find()) {
                        found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** Classes a reader can hold in mind: at most 300 lines a file and 60 a method (declaration to closing brace). */
    @Test
    void noClassOver300LinesAndNoMethodOver60() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                long lines = source.lines().count();
                if (lines > MAX_CLASS_LINES) {
                    tooLong.add(MAIN.relativize(file) + ": " + lines + " lines");
                }
                methodLengths(code(source)).forEach((line, length) -> {
                    if (length > MAX_METHOD_LINES) {
                        tooLong.add(MAIN.relativize(file) + ":" + line + ": a method of " + length + " lines");
                    }
                });
            }
        }
        assertEquals(List.of(), tooLong);
    }

    @Test
    void methodLengthsCountFromTheDeclarationToTheClosingBrace() {
        String source = "class A {\n  @Override\n  public int f(int x) throws E {\n    if (x > 0) {\n      return 1;\n"
                + "    }\n    Runnable r = () -> {\n    };\n    return new B() {\n    }.g();\n  }\n"
                + "  record R(int a) {\n  }\n  A(String s) { }\n}\n";
        assertEquals(java.util.Map.of(2, 10, 14, 1), methodLengths(code(source)));
    }

    static final int MAX_CLASS_LINES = 300;
    static final int MAX_METHOD_LINES = 60;

    private static final Pattern HEADER_END = Pattern.compile("\\)\\s*(throws\\s+[\\w.,\\s]+)?$");
    private static final Pattern NOT_A_METHOD = Pattern.compile("\\b(if|for|while|switch|catch|synchronized|try|new|"
            + "record|else|do)\\b|->|=");

    /** Line of each method's (or constructor's) declaration -> its length in lines, in code without comments. */
    static java.util.Map<Integer, Integer> methodLengths(String code) {
        java.util.Map<Integer, Integer> lengths = new java.util.TreeMap<>();
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == ';' || c == '}') {
                headerStart = i + 1;
            } else if (c == '{') {
                String header = code.substring(headerStart, i).strip();
                if (HEADER_END.matcher(header).find() && !NOT_A_METHOD.matcher(header.replaceAll("\\(.*", ""))
                        .find()) {
                    int start = headerStart + code.substring(headerStart, i).indexOf(header);
                    int end = matchingBrace(code, i);
                    int firstLine = lineOf(code, start);
                    lengths.put(firstLine, lineOf(code, end) - firstLine + 1);
                }
                headerStart = i + 1;
            }
        }
        return lengths;
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            depth += code.charAt(i) == '{' ? 1 : code.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return code.length() - 1;
    }

    private static int lineOf(String code, int index) {
        return (int) code.substring(0, index).chars().filter(ch -> ch == '\n').count() + 1;
    }

    @Test
    void theScanSeesCodeButNotCommentsOrStrings() {
        String source = "import cnnvsmlp.run.Json; // cnnvsmlp.cli.Main\n/** {@link cnnvsmlp.ide.RunAll} */\n"
                + "String s = \"http://cnnvsmlp.notebook.X \\\" cnnvsmlp.bench.Y\"; char q = '\"';"
                + " var x = cnnvsmlp.runtime.GpuDevices.cudaBackend();";
        Matcher m = REFERENCE.matcher(code(source));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertEquals(List.of("run", "runtime"), found);
        Matcher sub = REFERENCE.matcher("import cnnvsmlp.report.chart.PngFiles; x = cnnvsmlp.report.Prose.load();");
        assertTrue(sub.find() && sub.group(1).equals("report.chart") && sub.find() && sub.group(1).equals("report"));
        assertTrue(LAYERS.indexOf("cli") < LAYERS.indexOf("experiment"));
    }

    /** {@code source} without comments, string, text block and character literals (one pass, left to right). */
    static String code(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2) < 0 ? n : source.indexOf("*/", i + 2) + 2;
                code.append(' ').append(lineBreaks(source, i, end));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3) < 0 ? n : source.indexOf("\"\"\"", i + 3) + 3;
                code.append("\"\"").append(lineBreaks(source, i, end));
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static String lineBreaks(String source, int from, int to) {
        return "\n".repeat((int) source.substring(from, to).chars().filter(ch -> ch == '\n').count());
    }
}
