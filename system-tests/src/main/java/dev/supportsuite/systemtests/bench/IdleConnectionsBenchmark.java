package dev.supportsuite.systemtests.bench;

import dev.supportsuite.localstack.LocalStack;
import dev.supportsuite.localstack.SuiteService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
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
 * How many idle chat sockets one gateway holds, and what they cost in heap. Opens N sockets (one
 * user each, dev mode), waits for every {@code connected} frame, then compares used heap after a GC
 * with the figure before. Client and suite share this JVM, so the per-socket figure is an upper
 * bound for the gateway alone.
 *
 * <pre>
 * ./mvnw -B -q -Pfast install
 * MAVEN_OPTS=-Xmx2g ./mvnw -B -q -pl system-tests exec:java \
 *   -Dexec.mainClass=dev.supportsuite.systemtests.bench.IdleConnectionsBenchmark -Dexec.args=20000
 * </pre>
 */
public final class IdleConnectionsBenchmark {

    private IdleConnectionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sockets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (LocalStack stack = LocalStack.start(LocalStack.Options.ephemeral(Map.of(
                "support.gateway.limits.requests-per-minute", 10_000_000,
                "support.gateway.limits.ws-connections-per-user", 10)))) {
            int port = stack.port(SuiteService.GATEWAY);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = usedAfterGc(memory);
            HttpClient client = HttpClient.newHttpClient();
            List<WebSocket> open = new ArrayList<>(sockets);
            CountDownLatch connected = new CountDownLatch(sockets);
            AtomicInteger failures = new AtomicInteger();
            Semaphore inFlight = new Semaphore(200);
            long start = System.nanoTime();
            for (int i = 0; i < sockets; i++) {
                inFlight.acquire();
                CompletableFuture<WebSocket> socket = client.newWebSocketBuilder()
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
                        failures.incrementAndGet();
                        connected.countDown();
                        inFlight.release();
                    } else {
                        synchronized (open) {
                            open.add(ws);
                        }
                    }
                });
            }
            boolean all = connected.await(5, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            // A benchmark's main thread, not an event loop: let the last handshakes settle before measuring.
            Thread.sleep(2000);
            long after = usedAfterGc(memory);
            int held = open.size();
            System.out.printf("%nIdle chat sockets: asked %d, open %d, failed %d, all connected in time: %s%n",
                    sockets, open.size(), failures.get(), all);
            System.out.printf("Opened in %.1f s (%.0f sockets/s)%n", seconds, open.size() / seconds);
            System.out.printf("Used heap after GC: %.1f MB before, %.1f MB with the sockets open, max heap %.0f MB%n",
                    before / 1e6, after / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf("Heap per socket (client and server together): %.1f KB%n",
                    (after - before) / 1024.0 / Math.max(1, held));
            open.forEach(WebSocket::abort);
        }
        System.exit(0);
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
