package cnnvsmlp.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cnnvsmlp.TestData;
import cnnvsmlp.data.DigitImage;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.ModelZip;

/**
 * The draw-a-digit page's server: a drawing is answered by both models on the input predict makes of it, bad
 * requests are one-line JSON errors that leave the server running, and in a real (headless) browser the page shows
 * the same answers.
 */
class DigitServerTest {

    static final Path LENET = Path.of("src/test/resources/fixtures/lenet5-model-fefc3d8/model.zip");

    @TempDir
    static Path temp;

    static DigitServer server;
    static List<ServedModel> models;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        MultiLayerNetwork mlp = new MultiLayerNetwork(MnistMlp.configuration(3)); // untrained: answers all the same
        mlp.init();
        Path mlpZip = temp.resolve("mlp.zip");
        ModelZip.write(mlp, mlpZip);
        models = List.of(ServedModel.load("mlp", ExperimentId.MNIST_MLP, mlpZip),
                ServedModel.load("cnn", ExperimentId.LENET5, LENET));
        server = DigitServer.start("127.0.0.1", 0, models);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(byte[] body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.address().resolve("predict"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "image/png").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** MNIST test image {@code index} drawn 10 times larger, as the page's canvas would hold it. */
    static byte[] drawnPng(Mnist.Split split, int index) throws Exception {
        BufferedImage canvas = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 280; y++) {
            for (int x = 0; x < 280; x++) {
                int v = split.pixel(index, y / 10, x / 10);
                canvas.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(canvas, "png", png);
        return png.toByteArray();
    }

    /** Both models' digits for a 28 x 28 input, computed as predict computes them. */
    static List<Integer> expectedDigits(float[] pixels) {
        List<Integer> digits = new ArrayList<>();
        for (ServedModel m : models) {
            digits.add(ServedModel.digit(m.probabilities(pixels)));
        }
        return digits;
    }

    @Test
    void aDrawingIsAnsweredByBothModelsOnTheInputPredictMakesOfIt() throws Exception {
        Mnist.Split test = TestData.mnist().test();
        byte[] png = drawnPng(test, 0);
        HttpResponse<String> r = post(png);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = Json.MAPPER.readTree(r.body());
        float[] prepared = DigitImage.prepare(ImageIO.read(new java.io.ByteArrayInputStream(png)));
        int[] input = new int[784];
        for (int i = 0; i < 784; i++) {
            input[i] = Math.round(prepared[i]);
            assertEquals(input[i], answer.get("input").get(i).asInt(), "input pixel " + i);
        }
        List<Integer> expected = expectedDigits(prepared);
        assertEquals(expected.get(0), answer.get("models").get(0).get("digit").asInt());
        assertEquals(expected.get(1), answer.get("models").get(1).get("digit").asInt());
        assertEquals(test.label(0), expected.get(1), "the 88 % LeNet-5 reads test image 0 (a 7) right");
        double[] p = new double[10];
        for (int d = 0; d < 10; d++) {
            p[d] = answer.get("models").get(1).get("probabilities").get(d).asDouble();
        }
        assertArrayEquals(models.get(1).probabilities(prepared), p, 1e-9);
        assertEquals("cnn", answer.get("models").get(1).get("id").asText());
    }

    @Test
    void badRequestsAreOneLineJsonErrorsAndTheServerGoesOn() throws Exception {
        assertEquals(400, post(new byte[0]).statusCode());
        HttpResponse<String> text = post("this is not a picture".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, text.statusCode());
        assertEquals("the body is not a PNG, JPEG, BMP or GIF picture", Json.MAPPER.readTree(text.body())
                .get("error").asText());
        assertEquals(1, text.body().lines().count(), "one line");
        HttpResponse<String> missing = CLIENT.send(HttpRequest.newBuilder(server.address().resolve("nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(server.address().resolve("predict")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        // 100 MB announced: refused from the header, before the body is read
        URI address = server.address();
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\nContent-Length: "
                    + 100L * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }
        // 5 MB sent without a length (chunked): refused once it passes the limit
        HttpResponse<String> big = CLIENT.send(HttpRequest.newBuilder(server.address().resolve("predict"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        new byte[5 * 1024 * 1024]))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, big.statusCode());
        // a PNG that declares 100,000 x 100,000 pixels: refused from its header
        BufferedImage tiny = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(tiny, "png", png);
        byte[] bomb = png.toByteArray();
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(100_000).putInt(100_000); // IHDR width, height
        HttpResponse<String> huge = post(bomb);
        assertEquals(400, huge.statusCode());
        assertTrue(huge.body().contains("10000000000 pixels"), huge.body());
        // still serving
        assertEquals(200, post(drawnPng(TestData.mnist().test(), 1)).statusCode());
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(server.address()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("<canvas id=\"pad\""), "the page");
        JsonNode described = Json.MAPPER.readTree(CLIENT.send(HttpRequest.newBuilder(server.address()
                .resolve("models")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("LeNet-5", described.get(1).get("name").asText());
    }

    /**
     * A Content-Length that is no number: the JDK's server refuses it with 400 before any of the project's code
     * runs (its own HTML body, "NumberFormatException thrown": the one answer here that is not JSON, and no
     * handler or filter can change it), closes that connection, and goes on serving.
     */
    @Test
    void aBogusContentLengthIsABadRequestAndTheServerGoesOn() throws Exception {
        URI address = server.address();
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png"
                    + "\r\nContent-Length: 12abc\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(all.startsWith("HTTP/1.1 400"), all);
        }
        assertEquals(200, post(drawnPng(TestData.mnist().test(), 1)).statusCode());
    }

    /** A raw GET with {@code host} as its Host header: status line and body. */
    static String[] get(String path, String host) throws Exception {
        URI address = server.address();
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new String[] {all.lines().findFirst().orElse(""), all.substring(all.indexOf("\r\n\r\n") + 4)};
        }
    }

    /** DNS rebinding: a page of another site reaching 127.0.0.1 is refused; /models names no path of this machine. */
    @Test
    void aRequestForAnotherHostIsRefusedAndModelsNameNoAbsolutePath() throws Exception {
        int port = server.address().getPort();
        String[] evil = get("/models", "evil.example:" + port);
        assertTrue(evil[0].startsWith("HTTP/1.1 421"), evil[0]);
        assertTrue(Json.MAPPER.readTree(evil[1]).get("error").asText().contains("not for Host 'evil.example:" + port
                + "'"), evil[1]);
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "localhost"}) {
            assertTrue(get("/models", host)[0].startsWith("HTTP/1.1 200"), host);
        }
        JsonNode described = Json.MAPPER.readTree(get("/models", "127.0.0.1:" + port)[1]);
        for (JsonNode m : described) {
            String run = m.get("run").asText();
            assertTrue(!run.startsWith("/") && !run.contains(temp.toString()), run);
        }
        assertEquals("lenet5-model-fefc3d8/model.zip", described.get(1).get("run").asText());
    }

    /** Clients that send their request byte by byte hold a worker each; the others are still answered. */
    @Test
    void slowClientsDoNotStopTheServerAnsweringOthers() throws Exception {
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < DigitServer.WORKERS / 2; i++) { // before: two such clients stopped the server
                java.net.Socket socket = new java.net.Socket(server.address().getHost(), server.address().getPort());
                socket.getOutputStream().write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 9000"
                        + "\r\n\r\n\u0089PNG").getBytes(StandardCharsets.ISO_8859_1)); // and nothing more
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            Thread.sleep(300); // the server has taken them up
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(server.address().resolve("models"))
                    .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** Debian's Chromium, when installed (.ci/run installs it and sets CNNVSMLP_BROWSER_TEST=required). */
    static String chromium() {
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    @Test
    void inAHeadlessBrowserThePageShowsBothModelsAnswersForADrawnMnistDigit() throws Exception {
        String browser = chromium();
        if (browser == null) {
            assertTrue(!"required".equals(System.getenv("CNNVSMLP_BROWSER_TEST")),
                    "CNNVSMLP_BROWSER_TEST=required but no chromium on PATH (apt-get install chromium)");
            assumeTrue(false, "no chromium on PATH: the browser test is skipped");
        }
        Mnist.Split test = TestData.mnist().test();
        int index = 2; // a 1
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 784; i++) {
            hex.append(String.format("%02x", test.pixel(index, i / 28, i % 28)));
        }
        Path profile = Files.createDirectories(temp.resolve("profile"));
        Process chrome = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom",
                server.address() + "#image=" + hex).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(chrome.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(chrome.waitFor(120, TimeUnit.SECONDS), "chromium ended");
        Matcher input = Pattern.compile("data-input=\"([0-9,]+)\"").matcher(dom);
        assertTrue(input.find(), "the page received an answer: " + dom.substring(0, Math.min(dom.length(), 2000)));
        String[] values = input.group(1).split(",");
        float[] seen = new float[784];
        for (int i = 0; i < 784; i++) {
            seen[i] = Float.parseFloat(values[i]);
        }
        List<Integer> expected = expectedDigits(seen);
        assertEquals(String.valueOf(expected.get(0)), digitOnPage(dom, "mlp"), "the MLP's answer on the page");
        assertEquals(String.valueOf(expected.get(1)), digitOnPage(dom, "cnn"), "LeNet-5's answer on the page");
        assertEquals(String.valueOf(test.label(index)), digitOnPage(dom, "cnn"), "LeNet-5 reads the drawn 1");
    }

    private static String digitOnPage(String dom, String id) {
        Matcher m = Pattern.compile("id=\"digit-" + id + "\">([^<]*)<").matcher(dom);
        assertTrue(m.find(), "no digit-" + id + " on the page");
        return m.group(1);
    }
}
