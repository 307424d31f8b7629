package dev.supportsuite.ticket.bench;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.embedded.EmbeddedKafka;
import dev.supportsuite.embedded.EmbeddedPostgresServer;
import dev.supportsuite.embedded.ServiceInfrastructure;
import dev.supportsuite.ticket.TicketServiceApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures ticket-service over HTTP on this machine: create and get throughput with p50/p99, and
 * the outbox delay from commit to Kafka. Starts PostgreSQL (fsync on, data under target) and a Kafka
 * broker in this JVM, runs the service in-process, and drives it with bounded concurrency. Not a
 * test; run it with exec:java (see docs/benchmarks.md).
 */
public final class TicketBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3_000);
    private static final int CREATES = Integer.getInteger("bench.creates", 10_000);
    private static final int GETS = Integer.getInteger("bench.gets", 20_000);
    private static final int USERS = 200;

    private TicketBenchmark() {
    }

    public static void main(String[] args) {
        try {
            measure();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void measure() throws Exception {
        // The module's target directory, wherever the JVM was started.
        Path target = Path.of(TicketBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        Path data = target.resolve("bench-postgres");
        deleteRecursively(data);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0);
        EmbeddedKafka kafka = EmbeddedKafka.start();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(ServiceInfrastructure.kafka(kafka.bootstrapServers()));
        properties.putAll(ServiceInfrastructure.database(postgres, "ticket"));
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        // Command-line arguments outrank ticket-service.yml, as the local stack's settings do.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext app = TicketServiceApplication.builder().run(arguments);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        JsonMapper mapper = app.getBean(JsonMapper.class);

        ConnectionProvider connections = ConnectionProvider.builder("bench").maxConnections(CONCURRENCY * 2).build();
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        HttpClient.create(connections)))
                .build();

        OutboxDelayProbe probe = new OutboxDelayProbe(kafka.bootstrapServers(), mapper);
        Thread probeThread = new Thread(probe, "outbox-delay-probe");
        probeThread.start();

        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        run("warm-up create", WARMUP, i -> create(client, i, ids));
        run("warm-up get", WARMUP, i -> get(client, ids));
        probe.startMeasuring();
        Result creates = run("create", CREATES, i -> create(client, i, ids));
        probe.stopMeasuringAfter(Duration.ofSeconds(5));
        Result gets = run("get", GETS, i -> get(client, ids));
        probeThread.join();

        Timer relay = app.getBean(MeterRegistry.class).find("ticket.outbox.delay").timer();
        System.out.println();
        System.out.printf("machine: %d cores, JDK %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf("concurrency %d, %d creates, %d gets (after %d warm-up each)%n", CONCURRENCY, CREATES, GETS,
                WARMUP);
        creates.print();
        gets.print();
        probe.print();
        if (relay != null) {
            System.out.printf("relay timer ticket.outbox.delay (row insert -> broker ack): count=%d mean=%.1f ms max=%.1f ms%n",
                    relay.count(), relay.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                    relay.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        app.close();
        kafka.close();
        postgres.close();
        connections.dispose();
        System.exit(0);
    }

    private static Mono<Void> create(WebClient client, int i, List<String> ids) {
        String user = "u-bench-" + (i % USERS);
        return client.post().uri("/api/v1/tickets")
                .header(IdentityHeaders.TYPE, "user")
                .header(IdentityHeaders.USER_ID, user)
                .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "Benchmark ticket " + i, "description", "Load test ticket number " + i,
                        "category", "billing", "priority", "medium"))
                .retrieve()
                .bodyToMono(Map.class)
                .doOnNext(body -> ids.add(body.get("userId") + " " + body.get("id")))
                .then();
    }

    private static Mono<Void> get(WebClient client, List<String> ids) {
        String[] pick = ids.get(ThreadLocalRandom.current().nextInt(ids.size())).split(" ");
        return client.get().uri("/api/v1/tickets/{id}", pick[1])
                .header(IdentityHeaders.TYPE, "user")
                .header(IdentityHeaders.USER_ID, pick[0])
                .retrieve()
                .toBodilessEntity()
                .then();
    }

    private static Result run(String name, int count, IntFunction<Mono<Void>> call) {
        long[] latencies = new long[count];
        long start = System.nanoTime();
        Flux.range(0, count)
                .flatMap(i -> Mono.defer(() -> {
                    long t0 = System.nanoTime();
                    return call.apply(i).doOnSuccess(v -> latencies[i] = System.nanoTime() - t0);
                }), CONCURRENCY)
                .blockLast(Duration.ofMinutes(10));
        long elapsed = System.nanoTime() - start;
        return new Result(name, count, elapsed, latencies);
    }

    private record Result(String name, int count, long elapsedNanos, long[] latencies) {
        void print() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf("%-7s %6d requests in %5.2f s = %7.0f req/s, p50 %5.1f ms, p99 %5.1f ms, max %6.1f ms%n",
                    name, count, elapsedNanos / 1e9, count / (elapsedNanos / 1e9), percentile(sorted, 0.50),
                    percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }
    }

    static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /**
     * Reads ticket-events and, for events of the measured window, records the time from the event's
     * {@code occurredAt} (taken just before the transaction commits) to the broker's append timestamp
     * (the producer's send time): commit to Kafka.
     */
    private static final class OutboxDelayProbe implements Runnable {

        private final KafkaConsumer<String, String> consumer;
        private final JsonMapper mapper;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean measuring = new AtomicBoolean();
        private volatile long stopAt = Long.MAX_VALUE;

        OutboxDelayProbe(String bootstrap, JsonMapper mapper) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            this.consumer.subscribe(List.of(Topics.TICKET_EVENTS));
            this.mapper = mapper;
        }

        void startMeasuring() {
            measuring.set(true);
        }

        void stopMeasuringAfter(Duration grace) {
            stopAt = System.nanoTime() + grace.toNanos();
        }

        @Override
        public void run() {
            try (consumer) {
                while (System.nanoTime() < stopAt) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        if (!measuring.get()) {
                            continue;
                        }
                        JsonNode event = mapper.readTree(record.value());
                        if (seen.add(event.get("eventId").asString())) {
                            long occurred = Instant.parse(event.get("occurredAt").asString()).toEpochMilli();
                            delays.add(record.timestamp() - occurred);
                        }
                    }
                }
            }
        }

        void print() {
            long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                System.out.println("outbox delay: no events seen");
                return;
            }
            // Delays are in milliseconds; percentile() divides by 1e6 for nanoseconds, so scale up first.
            long[] nanos = Arrays.stream(sorted).map(ms -> ms * 1_000_000).toArray();
            System.out.printf("outbox  %6d events, commit -> Kafka p50 %5.1f ms, p99 %5.1f ms, max %6.1f ms%n",
                    sorted.length, percentile(nanos, 0.5), percentile(nanos, 0.99), (double) sorted[sorted.length - 1]);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
