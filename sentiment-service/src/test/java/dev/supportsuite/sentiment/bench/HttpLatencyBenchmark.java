package dev.supportsuite.sentiment.bench;

import dev.supportsuite.sentiment.SentimentServiceApplication;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * HTTP latency of {@code POST /api/v1/sentiment/analyze} under load: starts the service in process on a random
 * port, fires requests with bounded concurrency from a WebClient and reports p50 / p99 / max and throughput.
 *
 * <p>Usage: {@code flock /tmp/support-maven.lock mvn -B -q -pl sentiment-service test-compile exec:java
 * -Dexec.mainClass=dev.supportsuite.sentiment.bench.HttpLatencyBenchmark -Dexec.args="20000 16"}
 * (requests, concurrency). A warm-up of a quarter of the requests runs first and is not counted.
 */
public final class HttpLatencyBenchmark {

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        try (ConfigurableApplicationContext context = SentimentServiceApplication.builder()
                .web(WebApplicationType.REACTIVE)
                .properties("logging.level.root=WARN", "spring.main.banner-mode=off")
                // A command-line argument, so that it wins over server.port in sentiment-service.yml (8084 may be taken).
                .run("--server.port=0")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).build();
            List<String> messages = Messages.hundredCharacterMessages();
            fire(client, messages, requests / 4, concurrency);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            double loadBefore = os.getSystemLoadAverage();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            long[] latencies = fire(client, messages, requests, concurrency);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "%d requests, concurrency %d, %.0f requests/s%n", requests, concurrency,
                    requests / seconds);
            System.out.printf(Locale.ROOT, "latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
                    percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                    latencies[latencies.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "process CPU per request (client and server together): %.3f ms;"
                    + " CPU used %.2f of %d cores; system load average %.2f before, %.2f after%n", cpuMs / requests,
                    cpuMs / 1000 / seconds, Runtime.getRuntime().availableProcessors(), loadBefore,
                    os.getSystemLoadAverage());
        }
    }

    private static long[] fire(WebClient client, List<String> messages, int requests, int concurrency) {
        List<Long> result = Flux.range(0, requests)
                .flatMap(i -> {
                    long t = System.nanoTime();
                    return client.post().uri("/api/v1/sentiment/analyze")
                            .bodyValue(Map.of("text", messages.get(i % messages.size()),
                                    "history", List.of(Map.of("polarity", 0.1), Map.of("polarity", -0.3))))
                            .retrieve().bodyToMono(String.class)
                            .then(Mono.fromSupplier(() -> System.nanoTime() - t));
                }, concurrency)
                .collectList()
                .block(Duration.ofMinutes(10));
        return result.stream().mapToLong(Long::longValue).toArray();
    }

    private static double percentile(long[] sorted, double q) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
