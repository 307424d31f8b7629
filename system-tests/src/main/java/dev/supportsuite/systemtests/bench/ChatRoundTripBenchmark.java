package dev.supportsuite.systemtests.bench;

import dev.supportsuite.localstack.LocalStack;
import dev.supportsuite.localstack.SuiteService;
import dev.supportsuite.systemtests.ChatSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Round-trip latency of chat messages through the whole path (WebSocket -> gateway -> Kafka ->
 * agent-service -> Kafka -> gateway -> WebSocket), against the floor of a bare WebSocket echo on
 * the same gateway. Starts the suite in this JVM with the echo socket enabled; messages are sent
 * one at a time, each timed from send to its reply.
 *
 * <pre>
 * ./mvnw -B -q -Pfast install
 * ./mvnw -B -q -pl system-tests exec:java -Dexec.mainClass=dev.supportsuite.systemtests.bench.ChatRoundTripBenchmark [-Dexec.args=1000]
 * </pre>
 */
public final class ChatRoundTripBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int WARM_UP = 300;

    private ChatRoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (LocalStack stack = LocalStack.start(LocalStack.Options.ephemeral(
                Map.of("support.gateway.chat.echo-enabled", true,
                        "support.gateway.limits.messages-per-second-per-socket", 1_000_000)))) {
            int port = stack.port(SuiteService.GATEWAY);
            long[] echo;
            try (ChatSocket socket = ChatSocket.open(port, "/ws/echo")) {
                run(socket, WARM_UP, false);
                echo = run(socket, messages, false);
            }
            long[] chat;
            try (ChatSocket socket = ChatSocket.open(port, "/ws/chat/bench-user")) {
                socket.next(TIMEOUT);
                run(socket, WARM_UP, true);
                chat = run(socket, messages, true);
            }
            System.out.printf("%nRound trip of %d sequential messages (ms)%n", messages);
            System.out.printf("%-28s %8s %8s %8s %8s%n", "path", "p50", "p90", "p99", "max");
            report("bare WebSocket echo", echo);
            report("full chat path (Kafka)", chat);
        }
        System.exit(0);
    }

    private static long[] run(ChatSocket socket, int count, boolean chat) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            if (chat) {
                socket.sendMessage("hello number " + i, "bench-" + i + "-" + start);
                JsonNode frame = socket.next(TIMEOUT);
                while (!"message".equals(frame.get("type").asString())) {
                    frame = socket.next(TIMEOUT);
                }
            } else {
                socket.sendRaw("{\"type\":\"message\",\"content\":\"hello number " + i + "\"}");
                socket.next(TIMEOUT);
            }
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-28s %8.2f %8.2f %8.2f %8.2f%n", name, ms(percentile(sorted, 50)),
                ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
