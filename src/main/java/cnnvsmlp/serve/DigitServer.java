package cnnvsmlp.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cnnvsmlp.data.DigitImage;
import cnnvsmlp.run.Json;

/**
 * The draw-a-digit page's server: {@code GET /} the page, {@code GET /models} the models it uses, {@code POST
 * /predict} a picture (the page sends its canvas as PNG) answered with the 28 x 28 input made of it, exactly as
 * {@code predict} makes it, and each model's probabilities. Every request is bounded (a body of at most
 * {@link #MAX_BODY} bytes, a picture of at most {@link #MAX_PIXELS} pixels); anything else is a 4xx with a one-line
 * JSON error, and no request stops the server.
 */
public final class DigitServer implements AutoCloseable {

    /** The largest request body read: the page's 280 x 280 PNG is about 10 KB. */
    public static final int MAX_BODY = 4 * 1024 * 1024;
    /** The most bytes of a too large body of unknown length read and thrown away before the answer. */
    static final long DRAIN = 256L * 1024 * 1024;
    /** The most pixels a picture may declare before it is decoded. */
    static final long MAX_PIXELS = 4_000_000L;

    private final HttpServer server;
    private final List<ServedModel> models;

    private DigitServer(HttpServer server, List<ServedModel> models) {
        this.server = server;
        this.models = List.copyOf(models);
    }

    /**
     * Requests served at once: the JDK's server reads a request's headers and body on a worker, so a client that
     * sends them byte by byte holds one; with this many, a few slow clients leave the others answered.
     */
    static final int WORKERS = 16;

    /**
     * Starts serving on {@code host}:{@code port} (0: a free port). A request that takes more than 20 s to arrive,
     * or a response more than 60 s to leave, is cut off (the JDK server's {@code sun.net.httpserver.maxReqTime} and
     * {@code maxRspTime}, unless set; they take effect for the first server of a JVM, as {@code serve}'s is).
     */
    public static DigitServer start(String host, int port, List<ServedModel> models) throws IOException {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "20");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "60");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        DigitServer server = new DigitServer(http, models);
        http.createContext("/", server::handle);
        http.setExecutor(Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "serve-worker");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return server;
    }

    public URI address() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (!hostAllowed(host)) { // a page of another site reaching the loopback through DNS rebinding
                error(exchange, 421, "this server answers requests for " + address().getAuthority() + " only, not"
                        + " for Host '" + host + "'");
            } else if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", page());
            } else if (path.equals("/models") && method.equals("GET")) {
                send(exchange, 200, "application/json", Json.compact(models.stream().map(this::describe).toList())
                        .getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/predict") && method.equals("POST")) {
                predict(exchange);
            } else if (path.equals("/") || path.equals("/models") || path.equals("/predict")) {
                error(exchange, 405, method + " is not answered at " + path + "; GET / and /models, POST /predict");
            } else {
                error(exchange, 404, "nothing at " + path + "; the page is at /");
            }
        } catch (IOException | RuntimeException e) { // the client went away, or a bug: the server goes on
            try {
                error(exchange, 500, "the server could not answer (" + e.getClass().getSimpleName() + ")");
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone
            }
        }
    }

    /**
     * Whether a request's Host names this server: on a loopback address only its own names (localhost, 127.0.0.1,
     * [::1], the bound address) are answered; bound to another address (the user's choice to share it) any Host is.
     */
    boolean hostAllowed(String host) {
        InetSocketAddress bound = server.getAddress();
        if (!bound.getAddress().isLoopbackAddress()) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(0, name.indexOf(']') + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return List.of("localhost", "127.0.0.1", "[::1]", bound.getHostString().toLowerCase(java.util.Locale.ROOT),
                "[" + bound.getHostString().toLowerCase(java.util.Locale.ROOT) + "]").contains(name);
    }

    private void predict(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BODY) {
            error(exchange, 413, "the body is " + declared + " bytes; a drawing is at most " + MAX_BODY + " (the"
                    + " page's canvas as PNG is about 10 KB)");
            return;
        }
        byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY);
        if (body == null) { // read to its end (at most DRAIN more) so that the client is still reading our answer
            drain(exchange.getRequestBody(), DRAIN);
            error(exchange, 413, "the body is over " + MAX_BODY + " bytes; a drawing is at most that");
            return;
        }
        String problem = pictureProblem(body);
        if (problem != null) {
            error(exchange, 400, problem);
            return;
        }
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(body));
        float[] pixels = DigitImage.prepare(picture);
        Map<String, Object> answer = new LinkedHashMap<>();
        int[] input = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            input[i] = Math.round(pixels[i]);
        }
        answer.put("input", input);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (ServedModel m : models) {
            double[] p = m.probabilities(pixels);
            Map<String, Object> a = describe(m);
            a.put("digit", ServedModel.digit(p));
            a.put("probabilities", p);
            answers.add(a);
        }
        answer.put("models", answers);
        send(exchange, 200, "application/json", Json.compact(answer).getBytes(StandardCharsets.UTF_8));
    }

    /** Why {@code body} is not a picture to classify (empty, not an image, too many pixels), or null. */
    static String pictureProblem(byte[] body) {
        if (body.length == 0) {
            return "the body is empty; POST the drawing as a PNG (or JPEG, BMP, GIF) picture";
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(body))) {
            long pixels = DigitImage.declaredPixels(in);
            if (pixels < 0) {
                return "the body is not a PNG, JPEG, BMP or GIF picture";
            }
            if (pixels == 0) {
                return "the picture has no pixels";
            }
            if (pixels > MAX_PIXELS) {
                return "the picture declares " + pixels + " pixels, more than the " + MAX_PIXELS + " a drawing"
                        + " may have";
            }
            return ImageIO.read(new ByteArrayInputStream(body)) == null
                    ? "the body is not a PNG, JPEG, BMP or GIF picture" : null;
        } catch (IOException | RuntimeException e) {
            return "the body is not a readable picture (" + e.getMessage() + ")";
        }
    }

    /** The bytes of {@code in}, or null when there are more than {@code limit}. */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads and throws away what is left of {@code in}, at most {@code limit} bytes. */
    static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[65536];
        long read = 0;
        int n;
        while (read < limit && (n = in.read(buffer)) > 0) {
            read += n;
        }
    }

    private Map<String, Object> describe(ServedModel m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", m.id());
        d.put("name", m.name());
        d.put("run", m.run());
        d.put("trained", m.trained());
        d.put("accuracy", Double.isNaN(m.accuracy()) ? null : m.accuracy());
        return d;
    }

    private static byte[] page() throws IOException {
        try (InputStream in = DigitServer.class.getResourceAsStream("/serve/index.html")) {
            if (in == null) {
                throw new IOException("the page /serve/index.html is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "application/json", Json.compact(Map.of("error", message))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
