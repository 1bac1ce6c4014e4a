package cnnvsmlp.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's own Java source, as the build packs it into the jar ({@code cnnvsmlp-sources/}), so that the
 * notebooks quote the code that ran, extracted at export time, never pasted by hand.
 */
public final class JavaSource {

    static final String PREFIX = "/cnnvsmlp-sources/";

    private JavaSource() {
    }

    /**
     * A member of a source file, quoted in a notebook.
     *
     * @param file the path under src/main/java
     * @param signature what its declaration line contains
     * @param text the member's source
     */
    public record Quote(String file, String signature, String text) {
    }

    /** The member of {@code type} whose declaration line contains {@code signature}. */
    public static Quote quote(Class<?> type, String signature) {
        return new Quote(path(type), signature, member(of(type), signature));
    }

    static String path(Class<?> type) {
        return type.getName().replace('.', '/') + ".java";
    }

    /** The source of {@code type} (e.g. {@code cnnvsmlp.model.BeansMlp}). */
    public static String of(Class<?> type) {
        String path = path(type);
        try (InputStream in = JavaSource.class.getResourceAsStream(PREFIX + path)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = Path.of("src/main/java", path);
            if (Files.exists(file)) {
                return Files.readString(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the source of " + type.getName(), e);
        }
        throw new IllegalStateException("the source of " + type.getName() + " is neither in the jar nor in src/main/java");
    }

    /**
     * The member of {@code source} whose declaration line contains {@code signature}: its Javadoc (if any), the
     * declaration and its body through the matching closing brace, de-indented.
     */
    public static String member(String source, String signature) {
        List<String> lines = source.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(signature) && !lines.get(i).trim().startsWith("*")
                    && !lines.get(i).trim().startsWith("//")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("no declaration containing '" + signature + "'");
        }
        int first = start;
        if (first > 0 && lines.get(first - 1).trim().endsWith("*/")) {
            while (first > 0 && !lines.get(first).trim().startsWith("/**")) {
                first--;
            }
        }
        int depth = 0;
        boolean opened = false;
        int end = start;
        for (int i = start; i < lines.size(); i++) {
            for (char c : withoutStringsAndComments(lines.get(i)).toCharArray()) {
                if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}') {
                    depth--;
                }
            }
            if (opened && depth == 0) {
                end = i;
                break;
            }
        }
        int indent = lines.get(start).length() - lines.get(start).stripLeading().length();
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(first, end + 1)) {
            out.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent)
                    : line.stripLeading()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** {@code line} with string literals and line comments blanked, so braces inside them do not count. */
    private static String withoutStringsAndComments(String line) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            }
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            out.append(inString ? ' ' : c);
        }
        return out.toString();
    }
}
