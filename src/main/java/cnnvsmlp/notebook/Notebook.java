package cnnvsmlp.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cnnvsmlp.run.AtomicFiles;
import cnnvsmlp.run.Json;

/**
 * A Jupyter notebook in nbformat 4.5: Markdown cells, Java code cells with the outputs a run produced (text and
 * PNG pictures), and metadata naming Java as the language. Built in memory, written as JSON.
 */
public final class Notebook {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final ArrayNode cells = JSON.arrayNode();
    private final ObjectNode metadata = JSON.objectNode();
    private int executionCount;

    public Notebook(String language, Map<String, ?> run) {
        ObjectNode kernel = metadata.putObject("kernelspec");
        kernel.put("name", "java");
        kernel.put("display_name", "Java");
        kernel.put("language", "java");
        ObjectNode info = metadata.putObject("language_info");
        info.put("name", "java");
        info.put("version", System.getProperty("java.specification.version"));
        info.put("file_extension", ".java");
        info.put("mimetype", "text/x-java-source");
        metadata.put("language", language);
        metadata.set("cnnvsmlp", Json.MAPPER.valueToTree(run));
    }

    public Notebook markdown(String text) {
        ObjectNode cell = cell("markdown");
        cell.set("source", lines(text));
        return this;
    }

    /** A code cell quoting {@code quote} from the project's source, with its outputs. */
    public Notebook code(JavaSource.Quote quote, List<ObjectNode> outputs) {
        ObjectNode cell = cell("code");
        cell.put("execution_count", ++executionCount);
        ObjectNode meta = cell.putObject("metadata").putObject("cnnvsmlp");
        meta.put("source", quote.file());
        meta.put("member", quote.signature());
        cell.set("source", lines(quote.text()));
        ArrayNode out = cell.putArray("outputs");
        for (ObjectNode output : outputs) {
            if (output.has("execution_count")) {
                output.put("execution_count", executionCount);
            }
            out.add(output);
        }
        return this;
    }

    /** Printed text. */
    public static ObjectNode stream(String text) {
        ObjectNode output = JSON.objectNode();
        output.put("output_type", "stream");
        output.put("name", "stdout");
        output.set("text", lines(text.endsWith("\n") ? text : text + "\n"));
        return output;
    }

    /** A PNG picture, with {@code alt} as its plain-text form. */
    public static ObjectNode png(Path file, String alt) throws IOException {
        ObjectNode output = JSON.objectNode();
        output.put("output_type", "display_data");
        ObjectNode data = output.putObject("data");
        data.put("image/png", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        data.set("text/plain", lines(alt));
        output.putObject("metadata");
        return output;
    }

    /** What every notebook this project writes holds (its code cells' metadata): others' notebooks stay. */
    static final String MARKER = "\"cnnvsmlp\"";

    /** Writes the notebook to {@code file}, which must be absent or a notebook of this project. */
    public void write(Path file) throws IOException {
        ObjectNode notebook = JSON.objectNode();
        notebook.set("cells", cells);
        notebook.set("metadata", metadata);
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        AtomicFiles.writeOwnString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(notebook)
                + "\n", MARKER);
    }

    private ObjectNode cell(String type) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", type);
        cell.put("id", type + "-" + cells.size());
        if (!"code".equals(type)) {
            cell.putObject("metadata");
        }
        return cell;
    }

    /** nbformat's multi-line strings: a list of lines, each but the last ending in a newline. */
    private static ArrayNode lines(String text) {
        ArrayNode array = JSON.arrayNode();
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                parts.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            parts.add(text.substring(start));
        }
        parts.forEach(array::add);
        return array;
    }
}
