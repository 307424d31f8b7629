package dev.supportsuite.sentiment.bench;

import dev.supportsuite.sentiment.SentimentServiceApplication;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * HTTP latency of {@code POST /api/v1/sentiment/analyze} in an open model: requests arrive at a fixed rate on a
 * timer, whatever the responses do, and each latency is measured from the request's <em>scheduled</em> send time.
 * A server that falls behind therefore shows its backlog in the percentiles instead of slowing the load generator
 * down (no coordinated omission), which a closed loop of N clients ({@link HttpLatencyBenchmark}) hides.
 *
 * <p>The service runs in this JVM on a random port; the load generator is a bare Reactor Netty client (pre-encoded
 * bodies, no codecs) on its own single event-loop thread, so its CPU time can be told apart from the server's: the
 * CPU per request is reported for the server's event loops ({@code webflux-http-*}), for the client thread and the
 * timer, and for the whole process (including GC and JIT).
 *
 * <p>Usage: {@code flock /tmp/support-maven.lock mvn -B -q -pl sentiment-service test-compile exec:java
 * -Dexec.mainClass=dev.supportsuite.sentiment.bench.OpenLoadBenchmark -Dexec.args="250,500,1000,2000,4000,6000,8000 15"}
 * (arrival rates per second, seconds per rate). A warm-up of 10,000 requests at 1,000/s runs first.
 */
public final class OpenLoadBenchmark {

    private static final String PATH = "/api/v1/sentiment/analyze";

    public static void main(String[] args) throws InterruptedException {
        int[] rates = Arrays.stream((args.length > 0 ? args[0] : "250,500,1000,1500").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (ConfigurableApplicationContext context = SentimentServiceApplication.builder()
                .web(WebApplicationType.REACTIVE)
                .properties("logging.level.root=WARN", "spring.main.banner-mode=off")
                // A command-line argument, so that it wins over server.port in sentiment-service.yml (8084 may be taken).
                .run("--server.port=0")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            LoopResources loop = LoopResources.create("bench-client", 1, true);
            ConnectionProvider pool = ConnectionProvider.builder("bench").maxConnections(1000)
                    .pendingAcquireMaxCount(-1).build();
            HttpClient client = HttpClient.create(pool).runOn(loop).baseUrl("http://localhost:" + port)
                    .headers(h -> h.set("content-type", "application/json"));
            List<byte[]> bodies = bodies();
            run(client, bodies, 1000, 10);
            System.out.printf(Locale.ROOT, "open model, %d s per rate, %d cores; latency from the scheduled send time%n",
                    seconds, Runtime.getRuntime().availableProcessors());
            System.out.println("rate/s  achieved/s  p50 ms  p90 ms  p99 ms  p99.9 ms  max ms  errors"
                    + "  CPU ms/req: server  client  other  GC+JIT  process  cores used  load avg");
            for (int rate : rates) {
                Step s = run(client, bodies, rate, seconds);
                System.out.printf(Locale.ROOT, "%6d  %10.0f  %6.2f  %6.2f  %6.2f  %8.2f  %6.1f  %6d  %18.3f  %6.3f  %5.3f"
                        + "  %6.3f  %7.3f  %10.2f  %.2f%n", rate, s.achieved(), s.percentile(0.50), s.percentile(0.90),
                        s.percentile(0.99), s.percentile(0.999), s.percentile(1.0), s.errors(), s.serverCpuMs(),
                        s.clientCpuMs(), s.otherCpuMs(), s.jvmCpuMs(), s.processCpuMs(), s.coresUsed(),
                        s.loadAverage());
            }
            pool.disposeLater().block();
            loop.disposeLater().block();
        }
    }

    /** The benchmark's messages with a two-entry history, encoded once. */
    private static List<byte[]> bodies() {
        List<byte[]> out = new ArrayList<>();
        for (String m : Messages.hundredCharacterMessages()) {
            String json = "{\"text\":\"" + m.replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"history\":[{\"polarity\":0.1},{\"polarity\":-0.3}]}";
            out.add(json.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** One rate step: latencies in ns (from the scheduled time), errors, CPU use and load. */
    private record Step(long[] sorted, int errors, double seconds, double serverCpuMs, double clientCpuMs,
            double otherCpuMs, double jvmCpuMs, double processCpuMs, double loadAverage) {

        double percentile(double q) {
            int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }

        double achieved() {
            return sorted.length / seconds;
        }

        double coresUsed() {
            return processCpuMs * sorted.length / 1000 / seconds;
        }
    }

    private static Step run(HttpClient client, List<byte[]> bodies, int rate, int seconds) throws InterruptedException {
        int requests = rate * seconds;
        long period = 1_000_000_000L / rate;
        long[] latencies = new long[requests];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(requests);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> cpuBefore = cpuByGroup();
        long processBefore = os.getProcessCpuTime();
        long start = System.nanoTime() + 1_000_000;
        for (int i = 0; i < requests; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            client.post().uri(PATH)
                    .send((request, out) -> out.sendByteArray(Mono.just(bodies.get(index % bodies.size()))))
                    .responseSingle((response, body) -> body.asByteArray()
                            .map(bytes -> response.status().code())
                            .defaultIfEmpty(response.status().code()))
                    .subscribe(status -> {
                        latencies[index] = System.nanoTime() - due;
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                        done.countDown();
                    }, e -> {
                        latencies[index] = System.nanoTime() - due;
                        errors.incrementAndGet();
                        done.countDown();
                    });
        }
        if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " requests still open at rate " + rate);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpuAfter = cpuByGroup();
        double processMs = (os.getProcessCpuTime() - processBefore) / 1e6;
        Arrays.sort(latencies);
        return new Step(latencies, errors.get(), elapsed,
                delta(cpuBefore, cpuAfter, "server") / 1e6 / requests,
                delta(cpuBefore, cpuAfter, "client") / 1e6 / requests,
                delta(cpuBefore, cpuAfter, "other") / 1e6 / requests,
                (processMs - delta(cpuBefore, cpuAfter, "java") / 1e6) / requests,
                processMs / requests, os.getSystemLoadAverage());
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String group) {
        return after.getOrDefault(group, 0L) - before.getOrDefault(group, 0L);
    }

    /**
     * CPU time (ns) of the server's event loops, of the load generator (client loop and this timer thread), of the
     * other Java threads, and of all Java threads together (the process total minus this is the JVM's own work:
     * garbage collection and JIT compilation).
     */
    private static Map<String, Long> cpuByGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.startsWith("reactor-http") || name.startsWith("webflux-http") ? "server"
                    : name.startsWith("bench-client") || info.getThreadId() == Thread.currentThread().getId()
                            ? "client" : "other";
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                out.merge(group, cpu, Long::sum);
                out.merge("java", cpu, Long::sum);
            }
        }
        return out;
    }
}
