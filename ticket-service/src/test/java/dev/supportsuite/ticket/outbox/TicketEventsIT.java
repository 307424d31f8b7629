package dev.supportsuite.ticket.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.platform.kafka.EventHeaders;
import dev.supportsuite.ticket.InfrastructureTestBase;
import dev.supportsuite.ticket.TicketEventsProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ticket changes reach ticket-events through the outbox, in order, keyed by ticket id. */
class TicketEventsIT extends InfrastructureTestBase {

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper mapper;

    @Test
    void everyChangePublishesOneEventInOrderKeyedByTicketId() {
        String user = "u-" + UUID.randomUUID();
        WebTestClient client = asUser(user);
        String id = client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "Slow dashboard", "description", "Takes a minute to load",
                        "conversationId", "conv-" + user))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "closed")).exchange().expectStatus().isOk();
        client.post().uri("/api/v1/tickets/{id}/comments", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("body", "Never mind, it is fast again")).exchange().expectStatus().isCreated();
        // A rejected change publishes nothing.
        client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "open")).exchange().expectStatus().isEqualTo(409);

        try (TicketEventsProbe probe = new TicketEventsProbe(KafkaExtension.bootstrapServers())) {
            List<ConsumerRecord<String, String>> records = probe.await(r -> id.equals(r.key()), 3,
                    Duration.ofSeconds(15));
            records = probe.settle(r -> id.equals(r.key()), Duration.ofSeconds(1));
            assertThat(records).extracting(r -> TicketEventsProbe.header(r, EventHeaders.EVENT_TYPE))
                    .containsExactly("TicketOpenedEvent", "TicketUpdatedEvent", "TicketUpdatedEvent");
            for (ConsumerRecord<String, String> record : records) {
                JsonNode json = mapper.readTree(record.value());
                assertThat(json.get("eventId").asString())
                        .isEqualTo(TicketEventsProbe.header(record, EventHeaders.EVENT_ID));
                assertThat(json.get("userId").asString()).isEqualTo(user);
                assertThat(json.get("conversationId").asString()).isEqualTo("conv-" + user);
            }
            JsonNode closed = mapper.readTree(records.get(1).value());
            assertThat(closed.get("status").asString()).isEqualTo("closed");
            assertThat(closed.get("actor").asString()).isEqualTo("user:" + user);
            assertThat(closed.get("changes").get(0).get("field").asString()).isEqualTo("status");
            assertThat(closed.get("changes").get(0).get("from").asString()).isEqualTo("open");
            JsonNode commented = mapper.readTree(records.get(2).value());
            assertThat(commented.get("changes").get(0).get("field").asString()).isEqualTo("comment");
            assertThat(records.get(2).value()).doesNotContain("Never mind");
        }
        Long unsent = db.sql("select count(*) from outbox where aggregate_id = :id and sent_at is null")
                .bind("id", id).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(unsent).isZero();
    }
}
