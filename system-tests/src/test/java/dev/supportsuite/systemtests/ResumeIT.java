package dev.supportsuite.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.localstack.SuiteService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactly-once delivery across reconnects, through the whole suite: 1,000 messages on one
 * conversation while the socket is cut at random points; after each cut the client reconnects
 * with the last sequence number it saw and resends whatever was not acknowledged. In the end every
 * message has exactly one reply, and the replies arrived in order with no duplicates.
 */
class ResumeIT {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MESSAGES = 1000;
    private static final int CUTS = 60;

    /** The client side: one socket at a time, frames into a queue, aborted to simulate a drop. */
    private static final class Client {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        volatile boolean closedByServer;
        volatile int closeCode;
        WebSocket socket;

        void connect(int port, String path) throws Exception {
            BlockingQueue<JsonNode> target = new LinkedBlockingQueue<>();
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + path), new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                target.add(MAPPER.readTree(partial.toString()));
                                partial.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            closeCode = statusCode;
                            closedByServer = true;
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            closedByServer = false;
            // Frames of an aborted socket must not leak into the next one: each socket has its own queue.
            frames.clear();
            Thread drain = new Thread(() -> {
                try {
                    while (true) {
                        frames.add(target.take());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            drain.setDaemon(true);
            drain.start();
            drainers.add(drain);
        }

        final List<Thread> drainers = new ArrayList<>();

        void cut() {
            socket.abort();
            drainers.forEach(Thread::interrupt);
            drainers.clear();
        }

        void send(String clientId, String content) {
            socket.sendText("{\"type\":\"message\",\"client_message_id\":\"" + clientId + "\",\"content\":\""
                    + content + "\"}", true).orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
        }
    }

    @Test
    void everyReplyArrivesExactlyOnceAndInOrderAcrossRandomDisconnects() throws Exception {
        int port = SharedSuite.stack().port(SuiteService.GATEWAY);
        String conversation = "conv-resume-" + System.nanoTime();
        String base = "/ws/chat/resumer?conversation_id=" + conversation;
        Random random = new Random(20261124);
        Set<Integer> cutAfter = new HashSet<>();
        while (cutAfter.size() < CUTS) {
            cutAfter.add(1 + random.nextInt(MESSAGES - 1));
        }

        Map<String, String> messageIdByClientId = new HashMap<>();
        Set<String> unacknowledged = new LinkedHashSet<>();
        Map<String, Integer> repliesByMessageId = new HashMap<>();
        List<Long> replySeqs = new ArrayList<>();
        long[] lastSeq = {0};

        Client client = new Client();
        client.connect(port, base);
        assertThat(client.frames.poll(10, TimeUnit.SECONDS).get("type").asString()).isEqualTo("connected");
        int cuts = 0;
        for (int i = 0; i < MESSAGES; i++) {
            String clientId = "m-" + i;
            unacknowledged.add(clientId);
            client.send(clientId, "hello number " + i);
            drain(client, Duration.ofMillis(random.nextInt(8)), messageIdByClientId, unacknowledged,
                    repliesByMessageId, replySeqs, lastSeq);
            if (client.closedByServer) {
                throw new AssertionError("the server closed the socket, code " + client.closeCode);
            }
            if (cutAfter.contains(i)) {
                client.cut();
                cuts++;
                client.connect(port, base + "&last_seq=" + lastSeq[0]);
                for (String pending : List.copyOf(unacknowledged)) {
                    client.send(pending, "hello number " + pending.substring(2));
                }
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int rounds = 0;
        while (repliesByMessageId.size() < MESSAGES && System.nanoTime() < deadline) {
            drain(client, Duration.ofMillis(200), messageIdByClientId, unacknowledged, repliesByMessageId, replySeqs,
                    lastSeq);
            // As the widget does: what stays unacknowledged for a while is sent again.
            if (++rounds % 10 == 0) {
                if (client.closedByServer) {
                    client.connect(port, base + "&last_seq=" + lastSeq[0]);
                }
                for (String pending : List.copyOf(unacknowledged)) {
                    client.send(pending, "hello number " + pending.substring(2));
                }
            }
        }
        // A last quiet moment in which a duplicate would show.
        drain(client, Duration.ofSeconds(2), messageIdByClientId, unacknowledged, repliesByMessageId, replySeqs,
                lastSeq);
        client.cut();

        assertThat(cuts).isGreaterThanOrEqualTo(50);
        assertThat(unacknowledged).isEmpty();
        assertThat(messageIdByClientId).hasSize(MESSAGES);
        assertThat(repliesByMessageId).hasSize(MESSAGES);
        assertThat(repliesByMessageId.values()).containsOnly(1);
        assertThat(replySeqs).doesNotHaveDuplicates().isSorted();
        assertThat(repliesByMessageId.keySet()).containsExactlyInAnyOrderElementsOf(messageIdByClientId.values());
    }

    private static void drain(Client client, Duration wait, Map<String, String> messageIdByClientId,
            Set<String> unacknowledged, Map<String, Integer> repliesByMessageId, List<Long> replySeqs, long[] lastSeq)
            throws InterruptedException {
        JsonNode frame = client.frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        while (frame != null) {
            switch (frame.get("type").asString()) {
                case "ack" -> {
                    String clientId = frame.get("client_message_id").asString();
                    String messageId = frame.get("message_id").asString();
                    String earlier = messageIdByClientId.putIfAbsent(clientId, messageId);
                    assertThat(earlier == null || earlier.equals(messageId))
                            .as("a resend is acknowledged with the first message id").isTrue();
                    unacknowledged.remove(clientId);
                }
                case "message" -> {
                    long seq = frame.get("seq").asLong();
                    assertThat(seq).as("no frame twice, none out of order").isGreaterThan(lastSeq[0]);
                    lastSeq[0] = seq;
                    replySeqs.add(seq);
                    repliesByMessageId.merge(frame.get("reply_to").asString(), 1, Integer::sum);
                }
                case "connected" -> {
                }
                default -> throw new AssertionError("unexpected frame " + frame);
            }
            frame = client.frames.poll();
        }
    }
}
