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
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
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
 * broker in this JVM, runs the service in-process, and drives it in phases: closed-loop at each
 * {@code bench.concurrency} (creates, then gets), then open-loop at each {@code bench.rate} (creates
 * started at a fixed pace; latency counted from the planned start, so a stall also delays the
 * requests queued behind it). The client sends ready-made JSON and reads the id out of the answer
 * text, so that it takes as little of the shared CPU as it can. Not a test; run it with java
 * (see docs/benchmarks.md).
 */
public final class TicketBenchmark {

    /** Closed-loop phases: requests in flight at once, one phase per value. */
    private static final List<Integer> CONCURRENCY = ints(System.getProperty("bench.concurrency", "16"));
    /** Open-loop phases after those: creates started per second at a fixed pace, one phase per value. */
    private static final List<Integer> RATES = ints(System.getProperty("bench.rate", ""));
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3_000);
    private static final int CREATES = Integer.getInteger("bench.creates", 10_000);
    private static final int GETS = Integer.getInteger("bench.gets", 20_000);
    private static final int USERS = 200;
    private static final int MAX_CONNECTIONS = 512;

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
        String[] arguments = Stream.concat(Arrays.stream(ServiceInfrastructure.commandLine(properties)),
                        Arrays.stream(System.getProperty("bench.args", "").split(" ")).filter(a -> !a.isBlank()))
                .toArray(String[]::new);
        ConfigurableApplicationContext app = TicketServiceApplication.builder().run(arguments);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        JsonMapper mapper = app.getBean(JsonMapper.class);

        ConnectionProvider connections = ConnectionProvider.builder("bench").maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(-1).build();
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .build();

        OutboxDelayProbe probe = new OutboxDelayProbe(kafka.bootstrapServers(), mapper);
        Thread probeThread = new Thread(probe, "outbox-delay-probe");
        probeThread.start();

        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        int warmupConcurrency = CONCURRENCY.isEmpty() ? 16 : CONCURRENCY.get(0);
        closedLoop("warm-up create", WARMUP, warmupConcurrency, i -> create(client, i, ids));
        closedLoop("warm-up get", WARMUP, warmupConcurrency, i -> get(client, ids));

        // Lines are written at the end, when the probe has seen the last phase's events too.
        List<Supplier<String>> report = new ArrayList<>();
        for (int concurrency : CONCURRENCY) {
            Phase creates = closedLoop("create", CREATES, concurrency, i -> create(client, i, ids));
            Phase gets = closedLoop("get", GETS, concurrency, i -> get(client, ids));
            report.add(creates::line);
            report.add(() -> probe.line(creates));
            report.add(gets::line);
        }
        for (int rate : RATES) {
            Phase creates = openLoop("create", CREATES, rate, i -> create(client, i, ids));
            report.add(creates::line);
            report.add(() -> probe.line(creates));
        }
        Thread.sleep(3_000);
        probe.stop();
        probeThread.join();

        Timer relay = app.getBean(MeterRegistry.class).find("ticket.outbox.delay").timer();
        System.out.println();
        System.out.printf("machine: %d cores, JDK %s; %d creates, %d gets per phase (after %d warm-up each)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CREATES, GETS,
                WARMUP);
        report.forEach(line -> System.out.println(line.get()));
        if (relay != null) {
            System.out.printf("relay timer ticket.outbox.delay (row insert -> broker ack): count=%d mean=%.1f ms "
                            + "max=%.1f ms%n", relay.count(), relay.mean(TimeUnit.MILLISECONDS),
                    relay.max(TimeUnit.MILLISECONDS));
        }
        app.close();
        kafka.close();
        postgres.close();
        connections.dispose();
        System.exit(0);
    }

    private static Mono<Void> create(WebClient client, int i, List<String> ids) {
        String user = "u-bench-" + (i % USERS);
        String body = "{\"subject\":\"Benchmark ticket " + i + "\",\"description\":\"Load test ticket number " + i
                + "\",\"category\":\"billing\",\"priority\":\"medium\"}";
        return client.post().uri("/api/v1/tickets")
                .header(IdentityHeaders.TYPE, "user")
                .header(IdentityHeaders.USER_ID, user)
                .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .bodyToMono(String.class)
                .doOnNext(answer -> ids.add(user + " " + field(answer, "id")))
                .then();
    }

    /** The value of a top-level string field in a JSON answer (ticket ids and user ids need no unescaping). */
    private static String field(String json, String name) {
        String marker = "\"" + name + "\":\"";
        int start = json.indexOf(marker);
        if (start < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        start += marker.length();
        return json.substring(start, json.indexOf('"', start));
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

    private static Phase closedLoop(String name, int count, int concurrency, IntFunction<Mono<Void>> call) {
        long[] latencies = new long[count];
        CpuSample cpu = CpuSample.now();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        Flux.range(0, count)
                .flatMap(i -> Mono.defer(() -> {
                    long t0 = System.nanoTime();
                    return call.apply(i).doOnSuccess(v -> latencies[i] = System.nanoTime() - t0);
                }), concurrency)
                .blockLast(Duration.ofMinutes(10));
        long elapsed = System.nanoTime() - start;
        return new Phase(name + " c=" + concurrency, count, elapsed, latencies, startMillis,
                System.currentTimeMillis(), cpu.busySince(), loadAverage());
    }

    private static Phase openLoop(String name, int count, int perSecond, IntFunction<Mono<Void>> call) {
        long[] latencies = new long[count];
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        CpuSample cpu = CpuSample.now();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        Flux.range(0, count)
                .concatMap(i -> {
                    long planned = start + i * period;
                    long wait = planned - System.nanoTime();
                    Mono<Integer> at = wait > 0 ? Mono.delay(Duration.ofNanos(wait)).thenReturn(i) : Mono.just(i);
                    return at.map(n -> planned);
                }, 1)
                .flatMap(planned -> {
                    int i = (int) ((planned - start) / period);
                    return call.apply(i).doOnSuccess(v -> latencies[i] = System.nanoTime() - planned);
                }, MAX_CONNECTIONS)
                .blockLast(Duration.ofMinutes(10));
        long elapsed = System.nanoTime() - start;
        return new Phase(name + " pace=" + perSecond + "/s", count, elapsed, latencies, startMillis,
                System.currentTimeMillis(), cpu.busySince(), loadAverage());
    }

    private record Phase(String name, int count, long elapsedNanos, long[] latencies, long startMillis,
            long endMillis, double cpuBusy, String loadAverage) {

        String line() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return String.format("%-22s %6d requests in %5.2f s = %5.0f req/s, p50 %5.1f ms, p99 %5.1f ms, "
                            + "max %6.1f ms; machine CPU busy %3.0f%%, loadavg %s", name, count, elapsedNanos / 1e9,
                    count / (elapsedNanos / 1e9), percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6, cpuBusy * 100, loadAverage);
        }
    }

    static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** The machine's busy and total CPU jiffies from /proc/stat, to tell how loaded a phase ran. */
    private record CpuSample(long busy, long total) {

        static CpuSample now() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < cpu.length; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                return new CpuSample(total - idle, total);
            } catch (IOException | RuntimeException e) {
                return new CpuSample(0, 0);
            }
        }

        double busySince() {
            CpuSample now = now();
            return now.total == total ? 0 : (double) (now.busy - busy) / (now.total - total);
        }
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(v -> !v.isEmpty()).map(Integer::valueOf)
                .toList();
    }

    /**
     * Reads ticket-events and records, for every event, the time from its {@code occurredAt} (taken
     * just before the transaction commits) to the broker's append timestamp (the producer's send
     * time): commit to Kafka. A phase reports the events that occurred while it ran.
     */
    private static final class OutboxDelayProbe implements Runnable {

        private final KafkaConsumer<String, String> consumer;
        private final JsonMapper mapper;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        /** Pairs of (occurredAt millis, delay millis). */
        private final List<long[]> delays = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);

        OutboxDelayProbe(String bootstrap, JsonMapper mapper) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            this.consumer.subscribe(List.of(Topics.TICKET_EVENTS));
            this.mapper = mapper;
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        JsonNode event = mapper.readTree(record.value());
                        if (seen.add(event.get("eventId").asString())) {
                            long occurred = Instant.parse(event.get("occurredAt").asString()).toEpochMilli();
                            delays.add(new long[] {occurred, record.timestamp() - occurred});
                        }
                    }
                }
            }
        }

        String line(Phase phase) {
            long[] nanos;
            synchronized (delays) {
                nanos = delays.stream().filter(d -> d[0] >= phase.startMillis() && d[0] <= phase.endMillis())
                        .mapToLong(d -> d[1] * 1_000_000).sorted().toArray();
            }
            if (nanos.length == 0) {
                return "outbox: no events seen";
            }
            return String.format("outbox %6d events, commit -> Kafka p50 %5.1f ms, p99 %5.1f ms, max %6.1f ms",
                    nanos.length, percentile(nanos, 0.5), percentile(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
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
