package dev.supportsuite.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.PostgresServer;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The shared listener against a real Kafka broker and a real PostgreSQL processed-event store. */
@ExtendWith({KafkaExtension.class, PostgresExtension.class})
class EventListenerContainerIT {

    private static final String SCHEMA = "platform_test";
    private static DatabaseClient db;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final List<EventListenerContainer<?>> containers = new ArrayList<>();
    private SupportKafkaProperties properties;
    private KafkaEventPublisher publisher;
    private KafkaEventListenerFactory factory;
    private String topic;

    @BeforeAll
    static void migrate() throws SQLException, IOException {
        PostgresServer server = PostgresExtension.server();
        String migration;
        try (var in = EventListenerContainerIT.class.getResourceAsStream("/db/platform/V0_1__processed_event.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
            statement.execute("set search_path to " + SCHEMA);
            statement.execute(migration);
        }
        String url = server.r2dbcUrl(SCHEMA).replace("r2dbc:postgresql://",
                "r2dbc:postgresql://" + server.username() + ":" + server.password() + "@");
        ConnectionFactory connections = ConnectionFactories.get(url);
        db = DatabaseClient.create(connections);
    }

    @BeforeEach
    void setUp() {
        properties = new SupportKafkaProperties(KafkaExtension.bootstrapServers(), 3, 3, Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(100));
        publisher = new KafkaEventPublisher(properties, mapper, "listener-it");
        factory = new KafkaEventListenerFactory(properties, mapper, new R2dbcProcessedEventStore(db), publisher,
                new TopicProvisioner(properties), null, "listener-it");
        topic = "it-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        containers.forEach(EventListenerContainer::stop);
        publisher.close();
    }

    @Test
    void handlesEachEventOnceAndInOrderPerKeyDespiteRedelivery() {
        List<Long> seen = new CopyOnWriteArrayList<>();
        start(factory.durable(topic, "g-order", ChatInboundMessage.class,
                message -> Mono.fromRunnable(() -> seen.add(message.seq()))));
        List<ChatInboundMessage> sent = new ArrayList<>();
        for (int seq = 1; seq <= 30; seq++) {
            sent.add(ChatInboundMessage.create("conv-a", "m-" + seq, seq, "u1", "user", "text " + seq, null, "test"));
        }
        for (ChatInboundMessage message : sent) {
            publisher.publish(topic, message).block(Duration.ofSeconds(10));
            if (message.seq() % 5 == 0) {
                // The same event again, as a producer retry or a replay would deliver it.
                publisher.publish(topic, message).block(Duration.ofSeconds(10));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 30);
        pause(Duration.ofSeconds(1));
        assertThat(seen).containsExactlyElementsOf(sent.stream().map(ChatInboundMessage::seq).toList());
    }

    @Test
    void sendsARecordThatIsNotJsonToTheDeadLetterTopicAndCarriesOn() {
        List<String> handled = new CopyOnWriteArrayList<>();
        start(factory.durable(topic, "g-poison", ChatInboundMessage.class,
                message -> Mono.fromRunnable(() -> handled.add(message.messageId()))));
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(topic, "conv-p", "not json {".getBytes(StandardCharsets.UTF_8)));
            raw.flush();
        }
        publisher.publish(topic, ChatInboundMessage.create("conv-p", "m-ok", 1, "u1", "user", "fine", null, "test"))
                .block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("m-ok"));
        List<ConsumerRecord<String, byte[]>> dead = readAll(Topics.deadLetter(topic), 1, Duration.ofSeconds(15));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json {");
        assertThat(header(dead.get(0), EventHeaders.ERROR)).contains("not a valid ChatInboundMessage");
        assertThat(header(dead.get(0), EventHeaders.FAILED_GROUP)).isEqualTo("g-poison");
    }

    @Test
    void retriesAFailingHandlerAndDeadLettersItAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        start(factory.durable(topic, "g-fail", ChatInboundMessage.class, message -> Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new IllegalStateException("downstream is down"));
        })));
        ChatInboundMessage message = ChatInboundMessage.create("conv-f", "m-f", 1, "u1", "user", "x", null, "test");
        publisher.publish(topic, message).block(Duration.ofSeconds(10));

        List<ConsumerRecord<String, byte[]>> dead = readAll(Topics.deadLetter(topic), 1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(attempts.get()).isEqualTo(properties.maxAttempts());
        assertThat(header(dead.get(0), EventHeaders.EVENT_ID)).isEqualTo(message.eventId().toString());
        assertThat(header(dead.get(0), EventHeaders.ERROR)).contains("downstream is down");
    }

    @Test
    void deadLettersARejectedEventAtOnceWithoutRetries() {
        AtomicInteger attempts = new AtomicInteger();
        start(factory.durable(topic, "g-rejected", ChatInboundMessage.class, message -> Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new EventRejectedException(new IllegalArgumentException("belongs to another user")));
        })));
        publisher.publish(topic, ChatInboundMessage.create("conv-r", "m-r", 1, "u1", "user", "x", null, "test"))
                .block(Duration.ofSeconds(10));

        List<ConsumerRecord<String, byte[]>> dead = readAll(Topics.deadLetter(topic), 1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(header(dead.get(0), EventHeaders.ERROR)).startsWith("rejected without retries")
                .contains("belongs to another user");
    }

    @Test
    void succeedsWhenATransientFailureClearsWithinTheRetries() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        start(factory.durable(topic, "g-transient", ChatInboundMessage.class, message -> Mono.defer(() -> {
            if (attempts.incrementAndGet() < 3) {
                return Mono.error(new IllegalStateException("blip"));
            }
            handled.add(message.messageId());
            return Mono.empty();
        })));
        publisher.publish(topic, ChatInboundMessage.create("conv-t", "m-t", 1, "u1", "user", "x", null, "test"))
                .block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == 1);
        assertThat(readAll(Topics.deadLetter(topic), 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void readsEachListedTypeOfAMixedTopicAndSkipsOthers() {
        List<Event> handled = new CopyOnWriteArrayList<>();
        start(factory.durable(topic, "g-mixed", EventTypes.of(TicketOpenedEvent.class, TicketUpdatedEvent.class),
                event -> Mono.fromRunnable(() -> handled.add(event))));
        Instant now = Instant.now();
        publisher.publish(topic, new TicketOpenedEvent(UUID.randomUUID(), now, 1, "TKT-1", "u1", null, "Export",
                "technical", "high", "open")).block(Duration.ofSeconds(10));
        publisher.publish(topic, ChatInboundMessage.create("TKT-1", "m", 1, "u1", "user", "x", null, "test"))
                .block(Duration.ofSeconds(10));
        publisher.publish(topic, new TicketUpdatedEvent(UUID.randomUUID(), now, 1, "TKT-1", "u1", null,
                "in_progress", "agent-ana", List.of())).block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 2);
        pause(Duration.ofMillis(500));
        assertThat(handled).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("TicketOpenedEvent", "TicketUpdatedEvent");
    }

    private void start(EventListenerContainer<?> container) {
        containers.add(container);
        container.start();
        container.whenAssigned().block(Duration.ofSeconds(20));
    }

    private KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int wanted, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < wanted && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
