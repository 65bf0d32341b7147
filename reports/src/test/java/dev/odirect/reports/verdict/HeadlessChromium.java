package dev.odirect.reports.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.suite.Durably;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Headless Chromium driven through the DevTools protocol over the JDK's own WebSocket client: no
 * driver binary, no library beyond the JDK and Jackson. The page is offline (network emulation), and
 * every request it makes and every dialog it opens is recorded.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    /** The Chromium on the PATH (the Debian package's name first). */
    static Optional<Path> binary() {
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    HeadlessChromium(Path binary) throws Exception {
        profile = Files.createTempDirectory("odirect-chromium-");
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1280,1600",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browser = devToolsAddress();
        String port = URI.create(browser).getPort() + "";
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        for (String domain : List.of("Page", "Network", "Runtime")) {
            send(domain + ".enable", Map.of());
        }
        send("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0, "downloadThroughput", -1,
                "uploadThroughput", -1));
    }

    private String devToolsAddress() throws IOException {
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = stderr.readLine()) != null) {
            if (line.startsWith("DevTools listening on ")) {
                Thread drain = new Thread(() -> stderr.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return line.substring("DevTools listening on ".length()).trim();
            }
        }
        throw new IOException("chromium exited without a DevTools address (status " + process.exitValue() + ")");
    }

    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode result = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (result.has("error")) {
            throw new IOException(method + ": " + result.path("error"));
        }
        return result.path("result");
    }

    /** Opens the address and waits for its load event. */
    void open(String url) throws Exception {
        int before = events("Page.loadEventFired").size();
        send("Page.navigate", Map.of("url", url));
        waitFor(() -> events("Page.loadEventFired").size() > before, "the load of " + url);
    }

    /** Clicks the element (a link) and waits for the page it leads to. */
    void follow(String selector) throws Exception {
        String href = evaluate("document.querySelector('" + selector + "').href").asText();
        evaluate("document.querySelector('" + selector + "').click()");
        waitUntil("location.href === " + JSON.writeValueAsString(href) + " && document.readyState === 'complete'");
    }

    /** The value of a JavaScript expression in the page (the test's, not the page's: the page runs none). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException(expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is true, e.g. until a single-page app has rendered. */
    void waitUntil(String expression) throws Exception {
        try {
            waitFor(() -> {
                try {
                    return evaluate(expression).asBoolean();
                } catch (Exception notYet) {
                    return false;
                }
            }, expression);
        } catch (IOException timedOut) {
            throw new IOException(timedOut.getMessage() + "; the page is at "
                    + evaluate("location.href + ' (' + document.readyState + ')'").asText(), timedOut);
        }
    }

    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(send("Page.captureScreenshot", Map.of()).path("data").asText()));
    }

    List<JsonNode> events(String method) {
        return events.stream().filter(event -> event.path("method").asText().equals(method)).toList();
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitFor(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
            child.onExit().get(10, TimeUnit.SECONDS);
        }
        Durably.deleteTree(profile);
    }

    /** A dialog blocks the page and every later call: it is recorded, then dismissed. */
    private void dismissDialog(WebSocket webSocket, JsonNode event) {
        if (event.path("method").asText().equals("Page.javascriptDialogOpening")) {
            webSocket.sendText("{\"id\":" + ids.incrementAndGet()
                    + ",\"method\":\"Page.handleJavaScriptDialog\",\"params\":{\"accept\":false}}", true);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        Optional.ofNullable(answers.remove(message.path("id").asInt()))
                                .ifPresent(answer -> answer.complete(message));
                    } else {
                        events.add(message);
                        dismissDialog(webSocket, message);
                    }
                } catch (IOException unreadable) {
                    events.add(JSON.createObjectNode().put("method", "unreadable").put("text", partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
