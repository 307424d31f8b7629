package dev.supportsuite.systemtests.bench;

import dev.supportsuite.localstack.LocalStack;
import dev.supportsuite.localstack.SuiteService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many idle chat sockets one gateway holds, and what they cost in its heap. The suite runs in
 * this JVM; the sockets are opened by a second JVM (this class with {@code client}), so the heap and
 * the file descriptors measured here are the server's alone. Each socket is one user (dev mode) that
 * got its {@code connected} frame; used heap after a GC is compared before and with the sockets open.
 * A process here may hold at most {@code ulimit -n} descriptors (20,000 in this sandbox, not
 * raisable), which caps the count a little below that.
 *
 * <pre>
 * ./mvnw -B -q -Pfast install
 * ./mvnw -B -q -pl system-tests compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -Xmx3g -cp system-tests/target/classes:$(cat system-tests/target/bench.cp) \
 *   dev.supportsuite.systemtests.bench.IdleConnectionsBenchmark 19000
 * </pre>
 */
public final class IdleConnectionsBenchmark {

    private IdleConnectionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("client")) {
            client(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int sockets = args.length > 0 ? Integer.parseInt(args[0]) : 19_000;
        try (LocalStack stack = LocalStack.start(LocalStack.Options.ephemeral(Map.of(
                "support.gateway.limits.requests-per-minute", 10_000_000,
                "support.gateway.limits.ws-connections-per-user", 10)))) {
            int port = stack.port(SuiteService.GATEWAY);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = usedAfterGc(memory);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process client = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                    IdleConnectionsBenchmark.class.getName(), "client", String.valueOf(port), String.valueOf(sockets))
                    .redirectErrorStream(true).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            String result = null;
            while ((line = output.readLine()) != null) {
                System.out.println("[client] " + line);
                if (line.startsWith("OPEN ")) {
                    result = line;
                    break;
                }
            }
            long after = usedAfterGc(memory);
            int held = result == null ? 0 : Integer.parseInt(result.split(" ")[1]);
            System.out.printf("%nIdle chat sockets held by the suite's gateway: %d (asked %d)%n", held, sockets);
            System.out.printf("Used heap after GC in the suite's JVM: %.1f MB before, %.1f MB with the sockets open, "
                    + "max heap %.0f MB%n", before / 1e6, after / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf("Gateway heap per idle socket: %.1f KB; projected for 20,000: %.0f MB%n",
                    (after - before) / 1024.0 / Math.max(1, held), (after - before) / 1e6 / Math.max(1, held) * 20_000);
            client.destroy();
            if (!client.waitFor(10, TimeUnit.SECONDS)) {
                client.destroyForcibly();
            }
        }
        System.exit(0);
    }

    /** Opens the sockets, prints {@code OPEN <n> <failed> <seconds>}, and keeps them open until killed. */
    private static void client(int port, int sockets) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<WebSocket> open = new ArrayList<>(sockets);
        CountDownLatch connected = new CountDownLatch(sockets);
        AtomicInteger failures = new AtomicInteger();
        Semaphore inFlight = new Semaphore(200);
        long start = System.nanoTime();
        for (int i = 0; i < sockets; i++) {
            inFlight.acquire();
            CompletableFuture<WebSocket> socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat/idle-" + i), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            connected.countDown();
                            inFlight.release();
                            webSocket.request(1);
                            return null;
                        }
                    });
            socket.whenComplete((ws, error) -> {
                if (error != null) {
                    if (failures.incrementAndGet() == 1) {
                        System.out.println("first failure: " + error);
                    }
                    connected.countDown();
                    inFlight.release();
                } else {
                    synchronized (open) {
                        open.add(ws);
                    }
                }
            });
        }
        connected.await(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Let the last handshakes settle, so the server's reading sees every socket registered.
        Thread.sleep(2000);
        synchronized (open) {
            System.out.printf("OPEN %d %d %.1f%n", open.size(), failures.get(), seconds);
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            // Give the collector a moment between requests so the reading reflects a settled heap.
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
