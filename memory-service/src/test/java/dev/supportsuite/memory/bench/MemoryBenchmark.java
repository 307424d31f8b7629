package dev.supportsuite.memory.bench;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.ToolCall;
import dev.supportsuite.embedded.EmbeddedKafka;
import dev.supportsuite.embedded.EmbeddedPostgresServer;
import dev.supportsuite.embedded.ServiceInfrastructure;
import dev.supportsuite.memory.MemoryServiceApplication;
import dev.supportsuite.memory.Turns;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures memory-service with 1,000,000 stored messages: context fetch latency over HTTP, and the
 * event ingest rate through Kafka, the listener and PostgreSQL. Not a test; run with
 * {@code mvn -B -q -pl memory-service exec:java} (see docs/benchmarks.md).
 *
 * <p>Seeding goes straight to PostgreSQL with COPY (12,500 users x 2 conversations x 20 turns x 2 =
 * 1,000,000 messages, each conversation with a summary row and each user with four facts). The
 * ingest phase is measured separately: events are published while the listener is stopped, then
 * the listener is started and the clock runs until every event is stored.
 */
public final class MemoryBenchmark {

    private static final int USERS = Integer.getInteger("bench.users", 12_500);
    private static final int CONVERSATIONS_PER_USER = 2;
    private static final int TURNS_PER_CONVERSATION = 20;
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 20_000);
    private static final int INGEST_CONVERSATIONS = Integer.getInteger("bench.ingestConversations", 1_000);
    private static final int INGEST_TURNS = Integer.getInteger("bench.ingestTurns", 25);
    /** Partitions of conversation-events: 12, what the services create by default in a deployment. */
    private static final int PARTITIONS = Integer.getInteger("bench.partitions", 12);
    private static final boolean FSYNC = Boolean.parseBoolean(System.getProperty("bench.fsync", "true"));

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Next to test-classes, that is in memory-service/target, whatever the working directory; removed at the end.
        Path target = Path.of(MemoryBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        Path data = target.resolve("bench-postgres-" + System.currentTimeMillis());
        try (EmbeddedPostgresServer postgres = FSYNC ? EmbeddedPostgresServer.start(data, 0)
                : EmbeddedPostgresServer.start();
                EmbeddedKafka kafka = EmbeddedKafka.start(PARTITIONS)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.putAll(ServiceInfrastructure.kafka(kafka.bootstrapServers()));
            properties.putAll(ServiceInfrastructure.database(postgres, "memory"));
            properties.put("server.port", "0");
            properties.put("logging.level.root", "WARN");
            // Command-line arguments outrank memory-service.yml, as the local stack's settings do.
            List<String> argumentList = new ArrayList<>(List.of(ServiceInfrastructure.commandLine(properties)));
            argumentList.addAll(Arrays.asList(args));
            String[] arguments = argumentList.toArray(String[]::new);
            try (ConfigurableApplicationContext app = MemoryServiceApplication.builder().run(arguments)) {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                System.out.printf("PostgreSQL fsync=%s, %d partitions of %s, JDK %s, %d cores%n", FSYNC,
                        PARTITIONS, Topics.CONVERSATION_EVENTS, System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors());
                long seeded = seed(postgres);
                System.out.printf("Seeded %,d messages%n", seeded);
                measureContext(port);
                measureIngest(app, kafka.bootstrapServers(), postgres, "ingest");
            }
        }
        deleteRecursively(data);
        System.exit(0);
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!java.nio.file.Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    private static long seed(EmbeddedPostgresServer postgres) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = jdbc(postgres)) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Instant base = Instant.parse("2026-10-01T08:00:00Z");
            long messages = 0;
            int batch = 1_000;
            for (int from = 0; from < USERS; from += batch) {
                StringBuilder conversations = new StringBuilder();
                StringBuilder rows = new StringBuilder();
                StringBuilder summaries = new StringBuilder();
                StringBuilder facts = new StringBuilder();
                for (int user = from; user < Math.min(USERS, from + batch); user++) {
                    String userId = "bench-u" + user;
                    for (int c = 0; c < CONVERSATIONS_PER_USER; c++) {
                        String conversationId = "bench-c" + user + "-" + c;
                        Instant start = base.plusSeconds(user * 60L + c * 86_400L * 3);
                        Instant last = start.plusSeconds(TURNS_PER_CONVERSATION * 30L);
                        conversations.append(conversationId).append('\t').append(userId).append("\tactive\t")
                                .append(start).append('\t').append(last).append('\n');
                        for (int seq = 1; seq <= TURNS_PER_CONVERSATION; seq++) {
                            Instant at = start.plusSeconds(seq * 30L);
                            rows.append(conversationId).append("-u").append(seq).append('\t').append(conversationId)
                                    .append('\t').append(seq).append("\t0\tuser\t")
                                    .append("My invoice export number ").append(seq)
                                    .append(" failed again with error E-").append(seq * 17)
                                    .append(", can you check what is going on with my account?")
                                    .append("\tquestion\t").append(at).append('\n');
                            rows.append(conversationId).append("-a").append(seq).append('\t').append(conversationId)
                                    .append('\t').append(seq).append("\t1\tai\t")
                                    .append("I checked export ").append(seq)
                                    .append(": the job hit a timeout. I restarted it and it should finish within ")
                                    .append("ten minutes; I will keep TKT-B").append(user).append(" updated.")
                                    .append("\tquestion\t").append(at.plusSeconds(2)).append('\n');
                            messages += 2;
                        }
                        summaries.append(conversationId).append("\tCustomer issues: invoice export fails.\\n")
                                .append("Tickets: TKT-B").append(user).append(".\t{TKT-B").append(user)
                                .append("}\t{\"ticket TKT-B").append(user).append("\"}\t")
                                .append(TURNS_PER_CONVERSATION).append('\t').append(TURNS_PER_CONVERSATION / 2)
                                .append("\t1\t").append(conversationId).append("-a")
                                .append(TURNS_PER_CONVERSATION / 2).append("\textractive\t").append(last).append('\n');
                    }
                    Instant seen = base.plusSeconds(user * 60L);
                    String[][] userFacts = {{"name", "name", "Customer " + user}, {"plan", "plan", "Pro"},
                            {"preferred_language", "preferred_language", "English"},
                            {"issue:TKT-B" + user, "open_issue", "Invoice export fails"}};
                    for (String[] fact : userFacts) {
                        facts.append(userId).append('\t').append(fact[0]).append('\t').append(fact[1]).append('\t')
                                .append(fact[2]).append("\tbench-c").append(user).append("-0-u1\tbench-c").append(user)
                                .append("-0\t").append(seen).append('\t').append(seen.plus(Duration.ofDays(365)))
                                .append('\n');
                    }
                }
                copy.copyIn("copy conversation (conversation_id, user_id, status, started_at, last_activity_at) "
                        + "from stdin", new StringReader(conversations.toString()));
                copy.copyIn("copy message (message_id, conversation_id, seq, role_rank, role, content, intent, sent_at)"
                        + " from stdin", new StringReader(rows.toString()));
                copy.copyIn("copy conversation_summary (conversation_id, summary, ticket_ids, open_items, "
                        + "covered_messages, covered_seq, covered_role_rank, covered_message_id, generated_by, "
                        + "updated_at) from stdin", new StringReader(summaries.toString()));
                copy.copyIn("copy profile_fact (user_id, fact_key, category, value, source_message_id, "
                        + "source_conversation_id, observed_at, expires_at) from stdin",
                        new StringReader(facts.toString()));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze");
            }
            System.out.printf("Seeding took %.1f s%n", (System.nanoTime() - started) / 1e9);
            return messages;
        }
    }

    private static void measureContext(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        SplittableRandom random = new SplittableRandom(42);
        run(client, port, random, WARMUP);
        long[] latencies = run(client, port, random, REQUESTS);
        Arrays.sort(latencies);
        System.out.printf("Context fetch over HTTP, %,d requests one at a time (random users of %,d): "
                        + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", REQUESTS, USERS,
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                latencies[latencies.length - 1] / 1e6);
    }

    private static long[] run(HttpClient client, int port, SplittableRandom random, int count) throws Exception {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            int user = random.nextInt(USERS);
            int conversation = random.nextInt(CONVERSATIONS_PER_USER);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/memory/conversations/bench-c" + user + "-" + conversation + "/context"))
                    .header("X-Support-Identity-Type", "user")
                    .header("X-Support-User-Id", "bench-u" + user)
                    .GET().build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("context answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        return latencies;
    }

    @SuppressWarnings("unchecked")
    private static void measureIngest(ConfigurableApplicationContext app, String bootstrap,
            EmbeddedPostgresServer postgres, String prefix) throws Exception {
        EventListenerContainer<ConversationTurnRecordedEvent> listener = app.getBean("conversationEventsListener",
                EventListenerContainer.class);
        JsonMapper json = app.getBean(JsonMapper.class);
        listener.stop();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        int events = INGEST_CONVERSATIONS * INGEST_TURNS;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int turn = 1; turn <= INGEST_TURNS; turn++) {
                for (int c = 0; c < INGEST_CONVERSATIONS; c++) {
                    String conversationId = prefix + "-c" + c;
                    ConversationTurnRecordedEvent event = turn % 5 == 0
                            ? Turns.turn(conversationId, prefix + "-u" + c, turn,
                                    "My name is Sam Ingest, please open a ticket: sync failed on run " + turn,
                                    "I opened TKT-I" + c + "X" + turn + " for the failed sync.", "create_ticket",
                                    List.of(new ToolCall("create_ticket", Map.of("subject", "Sync failed"),
                                            "TKT-I" + c + "X" + turn)), List.of(), false)
                            : Turns.turn(conversationId, prefix + "-u" + c, turn,
                                    "The sync of folder " + turn + " still fails after the restart, any idea why?",
                                    "Folder " + turn + " hit a quota limit; I raised it, please retry now.");
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CONVERSATION_EVENTS,
                            conversationId, json.writeValueAsBytes(event));
                    record.headers().add("event-id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
                    record.headers().add("event-type",
                            ConversationTurnRecordedEvent.class.getSimpleName().getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
            }
            producer.flush();
        }
        System.out.printf("Published %,d turn events (%,d messages) while the listener was stopped%n", events,
                events * 2);
        try (Connection connection = jdbc(postgres); Statement statement = connection.createStatement()) {
            long before = processed(statement);
            long started = System.nanoTime();
            listener.start();
            long done = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (done < events && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
                done = processed(statement) - before;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long stored;
            try (ResultSet rows = statement.executeQuery("select count(*) from message m join conversation c"
                    + " on c.conversation_id = m.conversation_id where c.user_id like '" + prefix + "-u%'")) {
                rows.next();
                stored = rows.getLong(1);
            }
            long summarised;
            try (ResultSet rows = statement.executeQuery("select count(*) from conversation_summary"
                    + " where conversation_id like '" + prefix + "-c%' and covered_messages > 0")) {
                rows.next();
                summarised = rows.getLong(1);
            }
            System.out.printf("Ingest: %,d events, %,d messages stored in %.1f s (from listener start, including"
                            + " partition assignment) = %,.0f messages/s; %,d conversations summarised%n", done,
                    stored, seconds, stored / seconds, summarised);
        }
    }

    private static long processed(Statement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery(
                "select count(*) from processed_event where consumer_group = 'memory-service'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection jdbc(EmbeddedPostgresServer postgres) throws Exception {
        Connection connection = DriverManager.getConnection(postgres.jdbcUrl() + "?currentSchema=memory",
                postgres.username(), postgres.password());
        connection.setAutoCommit(true);
        return connection;
    }

    private static double percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
