package cnnvsmlp.report.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cnnvsmlp.report.Prose;
import cnnvsmlp.run.RunFolders;

/**
 * The results index's speed section: the newest side-by-side bench of each set of models (scripts/bench-vs-torch.sh's
 * folders with a ratios.md), newest first, and the last round's picture of the one that timed the post's models;
 * the newest bench of the project alone when there is no side-by-side one. Nothing without benches.
 */
final class SpeedSection {

    private SpeedSection() {
    }

    static void write(StringBuilder md, Path dir, Prose prose) {
        List<Path> benches = RunFolders.folders(dir.resolve("bench"));
        if (benches.isEmpty()) {
            return;
        }
        md.append(prose.get("speed"));
        java.util.function.Function<Path, String> stamp = b -> { // the folder's yyyyMMdd-HHmmss, whatever its prefix
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{8}-\\d{6}").matcher(b.getFileName()
                    .toString());
            return m.find() ? m.group() : "";
        };
        // side by side first: the newest of each set of models (the post's pair and the beans; the 6-layer MLP alone)
        java.util.Map<String, Path> newestOfEachSet = new java.util.TreeMap<>();
        benches.stream().filter(b -> Files.exists(b.resolve("ratios.md")))
                .sorted(java.util.Comparator.comparing(stamp)).forEach(b -> newestOfEachSet.put(modelsTimed(b), b));
        List<Path> shown = newestOfEachSet.values().stream().sorted(java.util.Comparator.comparing(stamp).reversed())
                .toList();
        if (shown.isEmpty()) {
            shown = List.of(benches.stream().max(java.util.Comparator.comparing(stamp)).orElseThrow());
        }
        for (Path bench : shown) {
            String rel = IndexLinks.relative(dir, bench);
            String table = Files.exists(bench.resolve("ratios.md")) ? "ratios.md" : "bench.md";
            md.append("- [").append(rel).append("](").append(rel).append('/').append(table).append(")");
            String models = modelsTimed(bench);
            md.append(models.isEmpty() ? "" : ": " + models.replace(",", ", ")).append('\n');
        }
        md.append('\n');
        Path pictured = shown.stream().filter(b -> modelsTimed(b).contains("lenet5")).findFirst().orElse(shown.get(0));
        try (java.util.stream.Stream<Path> pictures = Files.walk(pictured, 4)) { // its picture, the last round's
            pictures.filter(p -> p.getFileName().toString().equals("speed.png")).max(Path::compareTo).ifPresent(png ->
                    md.append("![training seconds against its anchors](").append(IndexLinks.relative(dir, png))
                            .append(")\n\n"));
        } catch (java.io.IOException e) {
            // no picture: the tables stand alone
        }
    }

    /** The models a side-by-side bench timed, in its ratios.md's order ("lenet5,mnist-mlp,beans"); "" without one. */
    private static String modelsTimed(Path bench) {
        try {
            return Files.readAllLines(bench.resolve("ratios.md")).stream()
                    .filter(l -> l.startsWith("| ") && !l.startsWith("| model")).map(l -> l.split("\\|")[1].strip())
                    .distinct().collect(java.util.stream.Collectors.joining(","));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
