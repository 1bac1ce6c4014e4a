package cnnvsmlp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEnvironmentTest {

    private static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void theRunsOwnOutputDoesNotMakeTheCommitDirtyButCodeDoes(@TempDir Path repo) throws Exception {
        assumeTrue(new ProcessBuilder("git", "--version").start().waitFor() == 0, "git is installed");
        git(repo, "init", "-q");
        Files.createDirectories(repo.resolve("results"));
        Files.createDirectories(repo.resolve("notebooks-export"));
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("results/README.md"), "runs\n");
        Files.writeString(repo.resolve("notebooks-export/a.ipynb"), "{}\n");
        Files.writeString(repo.resolve("src/A.java"), "class A {}\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "first");
        String commit = RunEnvironment.readGitCommit(repo);
        assertEquals(40, commit.length(), commit);

        Files.writeString(repo.resolve("results/README.md"), "runs, rewritten by the main job\n");
        Files.writeString(repo.resolve("notebooks-export/a.ipynb"), "{\"cells\": []}\n");
        assertEquals(commit, RunEnvironment.readGitCommit(repo), "results and notebooks are the runs' output");

        Files.writeString(repo.resolve("src/A.java"), "class A { int changed; }\n");
        assertEquals(commit + "-dirty", RunEnvironment.readGitCommit(repo));
        assertTrue(RunEnvironment.readGitCommit(repo.resolve("src")).endsWith("-dirty"), "from a subfolder too");
    }

    /**
     * A run records the code that trains it: the checkout's commit, unless it runs from a jar built from another
     * commit (a long run's copy of the jar while the checkout moved on), then the jar's.
     */
    @Test
    void theCommitRecordedIsTheJarsWhereTheCheckoutMovedOn() {
        String a = "a".repeat(40);
        String b = "b".repeat(40);
        assertEquals(a, RunEnvironment.codeCommit(a, null), "classes, or a jar without git.properties");
        assertEquals(a, RunEnvironment.codeCommit(a, a));
        assertEquals(a + "-dirty", RunEnvironment.codeCommit(a + "-dirty", a), "built from this checkout");
        assertEquals(b, RunEnvironment.codeCommit(a, b), "a copy of an older jar");
        assertEquals(b, RunEnvironment.codeCommit("unknown", b), "run outside any checkout");
        assertEquals(null, RunEnvironment.jarBuildCommit(), "the tests run from target/classes, not a jar");
        assertTrue(RunEnvironment.class.getResource("/cnnvsmlp/git.properties") == null || java.util.regex.Pattern
                .compile("git\\.commit\\.id=[0-9a-f]{40}").matcher(readResource("/cnnvsmlp/git.properties")).find(),
                "the build writes the commit it builds");
    }

    private static String readResource(String name) {
        try (java.io.InputStream in = RunEnvironment.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** config.json's {@code malloc}: the glibc settings the run had, the user's or the project's, by name. */
    @Test
    void recordsTheGlibcAllocatorSettingsInForce() {
        assertEquals("glibc's defaults", RunEnvironment.mallocSettings(java.util.Map.of("HOME", "/root")));
        java.util.Map<String, String> ours = RelaunchPlan.nativeEnvironment(java.util.Map.of());
        assertEquals("MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TOP_PAD_=67108864 MALLOC_TRIM_THRESHOLD_=2147483647",
                RunEnvironment.mallocSettings(ours));
        assertEquals("MALLOC_ARENA_MAX=2", RunEnvironment.mallocSettings(java.util.Map.of("MALLOC_ARENA_MAX", "2",
                "HOME", "/root")), "the user's, which replace all of ours");
    }

    @Test
    void aCpuRunDoesNotListTheCudaVersionsOfTheGpuBuild() {
        org.junit.jupiter.api.Assumptions.assumeFalse(GpuDevices.cudaBackend());
        RunEnvironment env = RunEnvironment.capture();
        org.junit.jupiter.api.Assertions.assertFalse(env.versions().containsKey("cuda"), env.versions().toString());
        org.junit.jupiter.api.Assertions.assertFalse(env.versions().containsKey("cudnn"), env.versions().toString());
        org.junit.jupiter.api.Assertions.assertTrue(env.versions().containsKey("deeplearning4j"));
    }
}
