package dev.supportsuite.agent.chat.domain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible chat completions endpoint for tests, speaking the real wire protocol: it reads
 * the request JSON and answers {@code stream: true} requests with server-sent events of
 * {@code chat.completion.chunk} objects (text deltas, or tool calls whose arguments arrive in pieces),
 * ending with {@code data: [DONE]}. What it answers is scripted per request.
 */
final class FakeOpenAiServer implements AutoCloseable {

    /** What to answer: text in pieces, a tool call, or an HTTP error. */
    record Reply(List<String> textPieces, String toolName, List<String> argumentPieces, int status) {

        static Reply text(String... pieces) {
            return new Reply(List.of(pieces), null, List.of(), 200);
        }

        static Reply toolCall(String name, String... argumentPieces) {
            return new Reply(List.of(), name, List.of(argumentPieces), 200);
        }

        static Reply failure(int status) {
            return new Reply(List.of(), null, List.of(), status);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile Function<JsonNode, Reply> script = request -> Reply.text("Hello");

    FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void script(Function<JsonNode, Reply> next) {
        this.script = next;
    }

    private void complete(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        Reply reply = script.apply(request);
        if (reply.status() != 200) {
            byte[] body = "{\"error\":{\"message\":\"the model is overloaded\",\"type\":\"server_error\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String model = request.path("model").asString("gpt-4o-mini");
            if (reply.toolName() != null) {
                event(out, chunk(model, "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                        + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"" + reply.toolName()
                        + "\",\"arguments\":\"\"}}]}", null));
                for (String piece : reply.argumentPieces()) {
                    event(out, chunk(model, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                            + JSON.writeValueAsString(piece) + "}}]}", null));
                }
                event(out, chunk(model, "{}", "tool_calls"));
            } else {
                event(out, chunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
                for (String piece : reply.textPieces()) {
                    event(out, chunk(model, "{\"content\":" + JSON.writeValueAsString(piece) + "}", null));
                }
                event(out, chunk(model, "{}", "stop"));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String chunk(String model, String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
