package dev.supportsuite.examples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket chat client with nothing but the JDK. Run it from the repository root:
 *
 * <pre>
 * java examples/src/main/java/dev/supportsuite/examples/ChatWebSocketClient.java             # interactive
 * java examples/src/main/java/dev/supportsuite/examples/ChatWebSocketClient.java u1 "hello"  # one message
 * java examples/src/main/java/dev/supportsuite/examples/ChatWebSocketClient.java u1 "hi" "what plan am I on?"  # a conversation
 * </pre>
 *
 * The first argument is the user id (default {@code u1}); the gateway URL comes from
 * {@code SUPPORT_WS_URL} (default {@code ws://localhost:8080}). Every frame the server sends is
 * printed as it arrives.
 */
public final class ChatWebSocketClient {

    private ChatWebSocketClient() {
    }

    public static void main(String[] args) throws Exception {
        String base = System.getenv().getOrDefault("SUPPORT_WS_URL", "ws://localhost:8080");
        String user = args.length > 0 ? args[0] : "u1";
        List<String> messages = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Semaphore answered = new Semaphore(0);
        CountDownLatch connected = new CountDownLatch(1);

        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(base + "/ws/chat/" + user), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String frame = partial.toString();
                            partial.setLength(0);
                            System.out.println("< " + frame);
                            if (frame.contains("\"type\":\"connected\"")) {
                                connected.countDown();
                            } else if (frame.contains("\"type\":\"message\"")
                                    || frame.contains("\"type\":\"error\"")) {
                                answered.release();
                            }
                        }
                        ws.request(1);
                        return CompletableFuture.completedFuture(null);
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        System.out.println("closed " + status + " " + reason);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        connected.await(10, TimeUnit.SECONDS);

        if (!messages.isEmpty()) {
            // One message at a time, as a person would type them: each waits for the answer to the last
            // (and a moment more, since the gateway accepts a few messages per second from one socket).
            for (String message : messages) {
                send(socket, message);
                Thread.sleep(300);
                if (!answered.tryAcquire(30, TimeUnit.SECONDS)) {
                    System.err.println("no reply within 30 s");
                    break;
                }
            }
        } else {
            System.out.println("Type a message and press Enter (Ctrl-D to quit).");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    send(socket, line);
                }
            }
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    private static void send(WebSocket socket, String content) throws Exception {
        String frame = "{\"type\":\"message\",\"client_message_id\":\"" + UUID.randomUUID() + "\",\"content\":"
                + quote(content) + "}";
        System.out.println("> " + frame);
        socket.sendText(frame, true).get(5, TimeUnit.SECONDS);
    }

    /** JSON string literal for {@code text}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
