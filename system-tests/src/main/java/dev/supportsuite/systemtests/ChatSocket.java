package dev.supportsuite.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client for the chat socket, for tests and benchmarks: sends JSON frames, hands out received frames in order. */
public final class ChatSocket implements AutoCloseable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private ChatSocket(URI uri) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    public static ChatSocket open(int port, String path) throws Exception {
        return new ChatSocket(URI.create("ws://localhost:" + port + path));
    }

    public void sendRaw(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    public void sendMessage(String content, String clientMessageId) throws Exception {
        sendRaw(MAPPER.writeValueAsString(java.util.Map.of("type", "message", "content", content,
                "client_message_id", clientMessageId)));
    }

    /** The next frame, failing if none arrives in time. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + timeout);
        }
        return frame;
    }

    /** The next frame of {@code type}, skipping others (heartbeats, acks, drafts); fails if none arrives in time. */
    public JsonNode next(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = poll(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            if (frame != null && type.equals(frame.path("type").asString())) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame within " + timeout);
    }

    /**
     * Sends a chat message and returns the agent's reply to it: the {@code message} frame whose
     * {@code reply_to} is the id the acknowledgement gave the message. Other frames are skipped; fails,
     * naming them, if no reply arrives within {@code timeout}.
     */
    public JsonNode ask(String content, String clientMessageId, Duration timeout) throws Exception {
        sendMessage(content, clientMessageId);
        String messageId = next("ack", timeout).get("message_id").asString();
        List<JsonNode> others = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = poll(Duration.ofMillis(200));
            if (frame == null) {
                continue;
            }
            if ("message".equals(frame.path("type").asString()) && messageId.equals(frame.path("reply_to").asString())) {
                return frame;
            }
            others.add(frame);
        }
        throw new AssertionError("no reply to '" + content + "' within " + timeout + "; other frames: " + others);
    }

    /** The next frame, or null if none arrives in time. */
    public JsonNode poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(MAPPER.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }
    }
}
