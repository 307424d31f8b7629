package dev.supportsuite.ticket.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.ServiceInfrastructure;
import dev.supportsuite.platform.kafka.EventHeaders;
import dev.supportsuite.ticket.TicketEventsProbe;
import dev.supportsuite.ticket.TicketServiceApplication;
import dev.supportsuite.contracts.identity.IdentityHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With Kafka unreachable, ticket changes still succeed; their events wait in the outbox and all
 * arrive once Kafka is reachable again. This class runs its own broker, advertised through a TCP
 * proxy on a fixed port that the test cuts and restores (the shared broker cannot be stopped, and a
 * restarted embedded broker does not keep its port), and its own schema, so the other test contexts'
 * relays never touch its outbox.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(classes = TicketServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ticket-service", "support.kafka.send-timeout=3s"})
class OutboxKafkaOutageIT {

    private static final String SCHEMA = "ticket_outage";
    private static final int CHANGES = 100;
    private static EmbeddedKafkaKraftBroker kafka;
    private static TcpProxy network;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        int proxyPort = TcpProxy.freePort();
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                // Clients learn the proxy's address from the metadata too, so every connection goes through it.
                "advertised.listeners", "EXTERNAL://localhost:" + proxyPort));
        kafka.afterPropertiesSet();
        String direct = kafka.getBrokersAsString();
        network = new TcpProxy(proxyPort, "localhost", Integer.parseInt(direct.substring(direct.lastIndexOf(':') + 1)));
        network.start();
        kafka.addTopics(new NewTopic(Topics.TICKET_EVENTS, 3, (short) 1), new NewTopic(Topics.HANDOFF_EVENTS, 3, (short) 1),
                new NewTopic(Topics.deadLetter(Topics.HANDOFF_EVENTS), 3, (short) 1));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(ServiceInfrastructure.kafka(bootstrap()));
        properties.putAll(ServiceInfrastructure.database(PostgresExtension.server(), SCHEMA));
        properties.put("spring.flyway.schemas", SCHEMA);
        properties.put("spring.flyway.default-schema", SCHEMA);
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stopBroker() {
        network.close();
        kafka.destroy();
    }

    private static String bootstrap() {
        return "localhost:" + network.port();
    }

    @Test
    void changesSucceedWhileKafkaIsDownAndEveryEventArrivesOnceItIsBack() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(IdentityHeaders.TYPE, "agent")
                .defaultHeader(IdentityHeaders.USER_ID, "a-outage")
                .build();
        String warmUp = open(client, "u-warm");
        try (TicketEventsProbe probe = new TicketEventsProbe(bootstrap())) {
            assertThat(probe.await(r -> warmUp.equals(r.key()), 1, Duration.ofSeconds(20))).hasSize(1);
        }

        network.stop();
        String user = "u-" + UUID.randomUUID();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < CHANGES / 2; i++) {
            tickets.add(open(client, user));
        }
        for (String id : tickets) {
            client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("status", "in_progress")).exchange()
                    .expectStatus().isOk();
        }
        Set<String> expected = new HashSet<>(db.sql("select o.event_id::text as id from outbox o "
                        + "join ticket t on t.id = o.aggregate_id where t.user_id = :user")
                .bind("user", user).map(r -> r.get("id", String.class)).all().collectList()
                .block(Duration.ofSeconds(5)));
        assertThat(expected).hasSize(CHANGES);
        assertThat(unsent(user)).isEqualTo(CHANGES);

        // Still nothing published a few seconds into the outage.
        reactor.core.publisher.Mono.delay(Duration.ofSeconds(3)).block();
        assertThat(unsent(user)).isEqualTo(CHANGES);

        network.start();
        try (TicketEventsProbe probe = new TicketEventsProbe(bootstrap())) {
            List<ConsumerRecord<String, String>> records = probe.await(r -> tickets.contains(r.key()), CHANGES,
                    Duration.ofSeconds(90));
            records = probe.settle(r -> tickets.contains(r.key()), Duration.ofSeconds(1));
            Set<String> seen = new HashSet<>();
            for (ConsumerRecord<String, String> record : records) {
                seen.add(TicketEventsProbe.header(record, EventHeaders.EVENT_ID));
            }
            assertThat(seen).isEqualTo(expected);
            // Per ticket the opened event comes before the update.
            for (String id : tickets) {
                assertThat(records.stream().filter(r -> id.equals(r.key()))
                        .map(r -> TicketEventsProbe.header(r, EventHeaders.EVENT_TYPE)).distinct().toList())
                        .containsExactly("TicketOpenedEvent", "TicketUpdatedEvent");
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (unsent(user) > 0 && System.nanoTime() < deadline) {
            reactor.core.publisher.Mono.delay(Duration.ofMillis(100)).block();
        }
        assertThat(unsent(user)).isZero();
    }

    private long unsent(String user) {
        return db.sql("select count(*) from outbox o join ticket t on t.id = o.aggregate_id "
                        + "where t.user_id = :user and o.sent_at is null")
                .bind("user", user).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    private static String open(WebTestClient client, String user) {
        return client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", user, "subject", "During outage", "description", "Kafka is down"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

}
