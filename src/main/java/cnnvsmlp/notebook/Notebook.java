package cnnvsmlp.notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cnnvsmlp.run.AtomicFiles;
import cnnvsmlp.run.Json;

/**
 * A Jupyter notebook in nbformat 4.5: Markdown cells, Java code cells with the outputs their execution produced
 * (printed text, values, PNG pictures), and metadata naming Java as the language. Built in memory, written as JSON.
 */
public final class Notebook {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final ArrayNode cells = JSON.arrayNode();
    private final ObjectNode metadata = JSON.objectNode();

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

    /** A code cell of {@code source}, executed as number {@code count}, with what it printed and returned. */
    public Notebook code(String source, int count, List<ObjectNode> outputs) {
        ObjectNode cell = cell("code");
        cell.put("execution_count", count);
        cell.putObject("metadata").putObject("cnnvsmlp").put("executed", true);
        cell.set("source", lines(source));
        ArrayNode out = cell.putArray("outputs");
        outputs.forEach(out::add);
        return this;
    }

    /**
     * The value of a cell's last expression, as the kernels show it: {@code data} of type {@code mime} (a PNG in
     * base64, or text), with {@code alt} (or none) as its plain-text form.
     */
    static ObjectNode result(int count, String mime, String data, String alt) {
        ObjectNode output = JSON.objectNode();
        output.put("output_type", "execute_result");
        output.put("execution_count", count);
        ObjectNode content = output.putObject("data");
        if (mime.equals("text/plain")) {
            content.set("text/plain", lines(data));
        } else {
            content.put(mime, data);
            if (alt != null) {
                content.set("text/plain", lines(alt));
            }
        }
        output.putObject("metadata");
        return output;
    }

    /** Printed text. */
    public static ObjectNode stream(String text) {
        ObjectNode output = JSON.objectNode();
        output.put("output_type", "stream");
        output.put("name", "stdout");
        output.set("text", lines(text.endsWith("\n") ? text : text + "\n"));
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
