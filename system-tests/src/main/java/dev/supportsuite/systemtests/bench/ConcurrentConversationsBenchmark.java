package dev.supportsuite.systemtests.bench;

import dev.supportsuite.localstack.LocalStack;
import dev.supportsuite.localstack.SuiteService;
import dev.supportsuite.systemtests.ChatSocket;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Chat turns without a language model under concurrency: 100 customers (one WebSocket each) talk to the
 * whole suite in this JVM at once, each sending a message, waiting for the agent's reply, thinking, and
 * going on. The messages cycle through a greeting, two knowledge questions, a ticket list (a call to
 * ticket-service) and a thank-you, so every turn runs the real classifier, sentiment and the service the
 * route needs. Two phases after a warm-up:
 * <ol>
 *   <li>latency: each customer reads and types for a random time between turns (default 3-8 s, the
 *       time a person needs to read a reply and write the next message); latency is from sending a
 *       message to receiving its reply;</li>
 *   <li>throughput: no thinking, every customer sends its next message as soon as the reply arrives;
 *       the sustained rate of completed turns is reported.</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -B -q -Pfast install
 * ./mvnw -B -q -pl system-tests exec:java \
 *     -Dexec.mainClass=dev.supportsuite.systemtests.bench.ConcurrentConversationsBenchmark \
 *     [-Dexec.args="100 60 30 3000 8000 90"]
 * </pre>
 * Arguments: conversations, seconds of the latency phase, seconds of the throughput phase, shortest and
 * longest think time in milliseconds, seconds of warm-up (at full speed, before anything is measured).
 */
public final class ConcurrentConversationsBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** What the customers say, in turn: greetings, questions for the knowledge base, a ticket list, thanks. */
    private static final List<String> SCRIPT = List.of("hello", "how do I reset my password?",
            "where can I download my invoices?", "show me my tickets", "thanks, that helped",
            "hi there", "which payment methods do you accept?", "how do I turn on two-factor authentication?",
            "is there a Zapier integration?", "what happens if my payment fails?", "what's the status of my ticket?",
            "how do I invite teammates to my workspace?", "can I get a refund for my subscription?",
            "great, thank you", "how do I export all of my workspace data?", "bye");

    private ConcurrentConversationsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int latencySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int throughputSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long thinkMin = args.length > 3 ? Long.parseLong(args[3]) : 3000;
        long thinkMax = args.length > 4 ? Long.parseLong(args[4]) : 8000;
        int warmUpSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 90;
        try (LocalStack stack = LocalStack.start(LocalStack.Options.ephemeral(Map.of(
                "support.gateway.limits.requests-per-minute", 1_000_000,
                "support.gateway.limits.messages-per-second-per-socket", 10_000,
                "support.gateway.limits.ws-connections-per-user", 1_000)))) {
            int port = stack.port(SuiteService.GATEWAY);
            List<ChatSocket> sockets = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                ChatSocket socket = ChatSocket.open(port, "/ws/chat/bench-" + i);
                next(socket, "connected");
                sockets.add(socket);
            }
            System.out.printf("%d conversations connected; warming up%n", conversations);
            // Six services share this JVM: the JIT keeps compiling for a minute or more under load.
            phase(sockets, Duration.ofSeconds(warmUpSeconds), 200, 400);
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            Result latency = phase(sockets, Duration.ofSeconds(latencySeconds), thinkMin, thinkMax);
            double cpuShare = (processCpuNanos() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
            Result throughput = phase(sockets, Duration.ofSeconds(throughputSeconds), 0, 0);
            System.out.printf("%nMachine: %d cores, load average %.2f%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("Latency phase (%d conversations, think %d-%d ms, %d s): %d turns, %.1f turns/s, "
                            + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d, CPU %.2f cores%n",
                    conversations, thinkMin, thinkMax, latencySeconds, latency.count(), latency.rate(), latency.percentile(50),
                    latency.percentile(90), latency.percentile(99), latency.percentile(100), latency.errors(),
                    cpuShare);
            System.out.printf("Throughput phase (no think time, %d s): %d turns, %.1f turns/s sustained, p50 %.1f ms, "
                            + "p99 %.1f ms, errors %d%n", throughputSeconds, throughput.count(), throughput.rate(),
                    throughput.percentile(50), throughput.percentile(99), throughput.errors());
            sockets.forEach(ChatSocket::close);
        }
        System.exit(0);
    }

    record Result(long[] sortedNanos, double seconds, long errors) {

        long count() {
            return sortedNanos.length;
        }

        double rate() {
            return sortedNanos.length / seconds;
        }

        double percentile(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1_000_000.0;
        }
    }

    private static Result phase(List<ChatSocket> sockets, Duration length, long thinkMin, long thinkMax)
            throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        long started = System.nanoTime();
        CountDownLatch done = new CountDownLatch(sockets.size());
        for (int i = 0; i < sockets.size(); i++) {
            ChatSocket socket = sockets.get(i);
            int offset = i;
            Thread worker = new Thread(() -> {
                try {
                    int turn = offset;
                    while (System.nanoTime() < end) {
                        if (thinkMax > 0) {
                            Thread.sleep(ThreadLocalRandom.current().nextLong(thinkMin, thinkMax + 1));
                        }
                        String text = SCRIPT.get(turn++ % SCRIPT.size());
                        long sent = System.nanoTime();
                        socket.sendMessage(text, "b-" + offset + "-" + sent);
                        next(socket, "message");
                        nanos.add(System.nanoTime() - sent);
                    }
                } catch (Exception | AssertionError e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "customer-" + i);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(sorted, seconds, errors.get());
    }

    private static JsonNode next(ChatSocket socket, String type) throws InterruptedException {
        return socket.next(type, TIMEOUT);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
