package cnnvsmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.TestData;

/** The JVM as users start it, in surroundings that used to end in a stack trace or garbled files: one line each. */
class JvmEnvironmentTest {

    @TempDir
    Path temp;

    private record Result(int code, String output) {
    }

    private static Result java(List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output);
    }

    @Test
    void aNonAsciiPathUnderTheCLocaleIsRefusedInsteadOfWrittenAsQuestionMarks() throws Exception {
        for (Map<String, String> env : List.of(Map.of("LANG", "C", "LC_ALL", "C"), // through the launcher, as users run it
                Map.of("LANG", "C", "LC_ALL", "C", "CNNVSMLP_CHILD_JVM", "1"))) { // and in the child alone
            Result r = java(List.of(), env, "beans", "--epochs", "1", "--output-dir", temp.resolve("中文").toString());
            assertEquals(2, r.code(), r.output());
            assertTrue(r.output().contains("error: an argument holds characters this JVM could not read"), r.output());
        }
        Result r = java(List.of(), Map.of("LANG", "C", "LC_ALL", "C"), "beans", "--epochs", "1", "--output-dir",
                temp.resolve("日本").toString());
        assertEquals(2, r.code(), r.output());
        assertTrue(r.output().contains("error: an argument holds characters this JVM could not read"), r.output());
        assertTrue(r.output().contains("run it in a UTF-8 locale, e.g. LANG=C.UTF-8"), r.output());
        try (var files = Files.list(temp)) {
            assertEquals(List.of(), files.toList(), "no folder named with question marks");
        }
    }

    @Test
    @Tag("real-data")
    void tooSmallAHeapIsOneLineThatSaysHowToGiveMore() throws Exception {
        Result r = java(List.of("-Xmx64m"), Map.of(), "mnist-mlp", "--epochs", "1", "--no-progress", "--data-dir",
                TestData.mnistDir().toString(), "--output-dir", temp.toString());
        assertEquals(1, r.code(), r.output());
        assertTrue(r.output().contains("error: out of Java heap memory ("), r.output());
        assertTrue(r.output().contains("java -Xmx1g -jar"), r.output());
        assertFalse(r.output().contains("\tat "), r.output());
    }
}
