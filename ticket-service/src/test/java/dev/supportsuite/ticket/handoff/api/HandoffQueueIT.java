package dev.supportsuite.ticket.handoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.TurnMessage;
import dev.supportsuite.contracts.handoff.HandoffReasons;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.platform.kafka.EventHeaders;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import dev.supportsuite.ticket.InfrastructureTestBase;
import dev.supportsuite.ticket.TicketEventsProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** The handoff queue fed from handoff-events on real Kafka, and worked by human agents over HTTP. */
class HandoffQueueIT extends InfrastructureTestBase {

    @Autowired
    KafkaEventPublisher publisher;

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper mapper;

    private TicketEventsProbe events;

    @BeforeEach
    void probe() {
        events = new TicketEventsProbe(KafkaExtension.bootstrapServers());
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void aRedeliveredHandoffRequestOpensOneEscalationTicket() {
        HandoffRequestedEvent request = request(List.of(HandoffReasons.HIGH_FRUSTRATION), 0.7);
        publisher.publish(Topics.HANDOFF_EVENTS, request).block(Duration.ofSeconds(10));
        publisher.publish(Topics.HANDOFF_EVENTS, request).block(Duration.ofSeconds(10));
        // A copy with a fresh event id but the same handoff id, as a retrying producer might send.
        publisher.publish(Topics.HANDOFF_EVENTS, new HandoffRequestedEvent(UUID.randomUUID(), request.occurredAt(),
                1, request.handoffId(), request.conversationId(), request.userId(), request.reasons(),
                request.summary(), request.frustration())).block(Duration.ofSeconds(10));

        Map<?, ?> handoff = awaitHandoff(request.handoffId());
        assertThat(handoff.get("priority")).isEqualTo("urgent");
        assertThat(handoff.get("status")).isEqualTo("waiting");
        assertThat(handoff.get("summary")).isEqualTo(request.summary());
        String ticketId = handoff.get("ticketId").toString();

        List<ConsumerRecord<String, String>> opened = events.await(r -> r.key().equals(ticketId), 1,
                Duration.ofSeconds(15));
        assertThat(opened).hasSize(1);
        assertThat(TicketEventsProbe.header(opened.get(0), EventHeaders.EVENT_TYPE)).isEqualTo("TicketOpenedEvent");
        assertThat(mapper.readTree(opened.get(0).value()).get("conversationId").asString())
                .isEqualTo(request.conversationId());

        // Give the duplicates time to be processed, then check nothing more was opened.
        events.settle(r -> true, Duration.ofSeconds(2));
        long tickets = db.sql("select count(*) from ticket where conversation_id = :c")
                .bind("c", request.conversationId()).map(r -> r.get(0, Long.class)).one().block();
        assertThat(tickets).isEqualTo(1);
        asUser(request.userId()).get().uri("/api/v1/tickets/{id}", ticketId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.category").isEqualTo("escalation")
                .jsonPath("$.priority").isEqualTo("urgent")
                .jsonPath("$.conversationId").isEqualTo(request.conversationId());
    }

    @Test
    void theQueueIsOrderedByPriorityThenAge() {
        HandoffRequestedEvent medium = request(List.of(HandoffReasons.NO_ANSWER), 0.1);
        HandoffRequestedEvent high = request(List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.2);
        HandoffRequestedEvent urgent = request(List.of(HandoffReasons.HIGH_FRUSTRATION), 0.9);
        HandoffRequestedEvent olderHigh = request(List.of(HandoffReasons.DECLINING_TREND), 0.2);
        for (HandoffRequestedEvent event : List.of(olderHigh, medium, high, urgent)) {
            publisher.publish(Topics.HANDOFF_EVENTS, event).block(Duration.ofSeconds(10));
            awaitHandoff(event.handoffId());
        }
        List<Map> queue = asAgent("a-1").get().uri("/api/v1/handoffs?status=waiting&limit=200").exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        List<Object> ours = queue.stream().map(h -> h.get("id"))
                .filter(id -> List.of(medium.handoffId(), high.handoffId(), urgent.handoffId(), olderHigh.handoffId())
                        .contains(id))
                .toList();
        assertThat(ours).containsExactly(urgent.handoffId(), olderHigh.handoffId(), high.handoffId(),
                medium.handoffId());
        List<String> ranks = queue.stream().map(h -> h.get("priority").toString()).toList();
        List<String> order = List.of("urgent", "high", "medium", "low");
        for (int i = 1; i < ranks.size(); i++) {
            assertThat(order.indexOf(ranks.get(i))).isGreaterThanOrEqualTo(order.indexOf(ranks.get(i - 1)));
        }
    }

    @Test
    void fiftyParallelClaimsHaveExactlyOneWinner() {
        HandoffRequestedEvent request = request(List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.4);
        publisher.publish(Topics.HANDOFF_EVENTS, request).block(Duration.ofSeconds(10));
        String ticketId = awaitHandoff(request.handoffId()).get("ticketId").toString();

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> winners = new ConcurrentHashMap<>();
        Flux.range(0, 50)
                .flatMap(i -> Mono.fromRunnable(() -> {
                    var result = asAgent("agent-" + i).post().uri("/api/v1/handoffs/{id}/claim", request.handoffId())
                            .exchange().expectBody(Map.class).returnResult();
                    statuses.merge(result.getStatus().value(), 1, Integer::sum);
                    if (result.getStatus().is2xxSuccessful()) {
                        winners.put(i, result.getResponseBody().get("claimedBy").toString());
                    } else {
                        assertThat(result.getResponseBody().get("type"))
                                .isEqualTo("https://supportsuite.dev/problems/handoff-conflict");
                    }
                }).subscribeOn(Schedulers.boundedElastic()), 50)
                .blockLast(Duration.ofSeconds(60));

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1, 409, 49));
        String winner = winners.values().iterator().next();
        asAgent("a-x").get().uri("/api/v1/handoffs/{id}", request.handoffId()).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("claimed")
                .jsonPath("$.claimedBy").isEqualTo(winner);
        asAgent("a-x").get().uri("/api/v1/tickets/{id}", ticketId).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("in_progress")
                .jsonPath("$.assignee").isEqualTo(winner);
        List<ConsumerRecord<String, String>> claimed = events.await(r -> r.key().equals(request.conversationId()),
                1, Duration.ofSeconds(15));
        assertThat(claimed).hasSize(1);
        assertThat(TicketEventsProbe.header(claimed.get(0), EventHeaders.EVENT_TYPE))
                .isEqualTo("HandoffClaimedEvent");
    }

    @Test
    void aClaimedHandoffIsReleasedOrResolvedOnlyByItsAgent() {
        HandoffRequestedEvent first = request(List.of(HandoffReasons.DECLINING_TREND), 0.5);
        HandoffRequestedEvent second = request(List.of(HandoffReasons.POLICY), 0.5);
        publisher.publish(Topics.HANDOFF_EVENTS, first).block(Duration.ofSeconds(10));
        publisher.publish(Topics.HANDOFF_EVENTS, second).block(Duration.ofSeconds(10));
        String firstTicket = awaitHandoff(first.handoffId()).get("ticketId").toString();
        String secondTicket = awaitHandoff(second.handoffId()).get("ticketId").toString();
        WebTestClient alice = asAgent("alice");
        WebTestClient bob = asAgent("bob");

        alice.post().uri("/api/v1/handoffs/{id}/claim", first.handoffId()).exchange().expectStatus().isOk();
        bob.post().uri("/api/v1/handoffs/{id}/release", first.handoffId()).exchange()
                .expectStatus().isEqualTo(409);
        alice.post().uri("/api/v1/handoffs/{id}/release", first.handoffId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("note", "Answered the billing question")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("released");
        alice.post().uri("/api/v1/handoffs/{id}/claim", first.handoffId()).exchange().expectStatus().isEqualTo(409);
        alice.get().uri("/api/v1/tickets/{id}", firstTicket).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("open").jsonPath("$.assignee").doesNotExist();

        bob.post().uri("/api/v1/handoffs/{id}/claim", second.handoffId()).exchange().expectStatus().isOk();
        bob.post().uri("/api/v1/handoffs/{id}/resolve", second.handoffId()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("resolved");
        bob.get().uri("/api/v1/tickets/{id}", secondTicket).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("resolved");

        List<ConsumerRecord<String, String>> firstEvents = events.await(r -> r.key().equals(first.conversationId()),
                2, Duration.ofSeconds(15));
        assertThat(firstEvents).extracting(r -> TicketEventsProbe.header(r, EventHeaders.EVENT_TYPE))
                .containsExactly("HandoffClaimedEvent", "HandoffReleasedEvent");
        assertThat(mapper.readTree(firstEvents.get(1).value()).get("outcome").asString()).isEqualTo("returned_to_ai");
        List<ConsumerRecord<String, String>> secondEvents = events.await(
                r -> r.key().equals(second.conversationId()), 2, Duration.ofSeconds(15));
        assertThat(mapper.readTree(secondEvents.get(1).value()).get("outcome").asString()).isEqualTo("resolved");
    }

    @Test
    void whatTheAgentWritesAndNotesGoesToTheTicketHistoryUnderTheirName() {
        HandoffRequestedEvent request = request(List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3);
        publisher.publish(Topics.HANDOFF_EVENTS, request).block(Duration.ofSeconds(10));
        String ticketId = awaitHandoff(request.handoffId()).get("ticketId").toString();
        WebTestClient alice = asAgent("alice");
        alice.post().uri("/api/v1/handoffs/{id}/claim", request.handoffId()).exchange().expectStatus().isOk();

        Instant sent = Instant.parse("2026-11-24T09:00:00Z");
        publisher.publish(Topics.CONVERSATION_EVENTS, turn(request, "human_agent", "I have refunded the double charge."))
                .block(Duration.ofSeconds(10));
        // An AI reply in the same conversation and an agent reply in a conversation nobody holds: not recorded.
        publisher.publish(Topics.CONVERSATION_EVENTS, turn(request, "ai", "An AI answer")).block(Duration.ofSeconds(10));
        HandoffRequestedEvent elsewhere = request(List.of(HandoffReasons.NO_ANSWER), 0.1);
        ConversationTurnRecordedEvent unheld = turn(elsewhere, "human_agent", "Lost words");
        publisher.publish(Topics.CONVERSATION_EVENTS, unheld).block(Duration.ofSeconds(10));

        List<Map> history = awaitHistory(alice, ticketId, "agent_message");
        Map<?, ?> reply = history.stream().filter(h -> "agent_message".equals(h.get("action"))).findFirst().orElseThrow();
        assertThat(reply.get("actor")).isEqualTo("agent:alice");
        assertThat(reply.get("newValue")).isEqualTo("I have refunded the double charge.");
        assertThat(Instant.parse(reply.get("occurredAt").toString())).isEqualTo(sent);

        alice.post().uri("/api/v1/handoffs/{id}/release", request.handoffId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("note", "Refund issued, customer happy")).exchange().expectStatus().isOk();
        history = awaitHistory(alice, ticketId, "note");
        assertThat(history).filteredOn(h -> "note".equals(h.get("action")))
                .singleElement().satisfies(note -> {
                    assertThat(note.get("actor")).isEqualTo("agent:alice");
                    assertThat(note.get("newValue")).isEqualTo("Refund issued, customer happy");
                });
        assertThat(history).filteredOn(h -> "agent_message".equals(h.get("action"))).hasSize(1);
        awaitProcessed(unheld.eventId());
        long recordedElsewhere = db.sql("select count(*) from ticket_history where new_value = 'Lost words'")
                .map(r -> r.get(0, Long.class)).one().block();
        assertThat(recordedElsewhere).isZero();
    }

    @Test
    void onlyHumanAgentsWorkTheQueue() {
        asUser("u-1001").get().uri("/api/v1/handoffs").exchange().expectStatus().isForbidden();
        asPartner("p-1", "tickets:read,tickets:write").post().uri("/api/v1/handoffs/{id}/claim", "h-x").exchange()
                .expectStatus().isForbidden();
        asAgent("a-1").post().uri("/api/v1/handoffs/{id}/claim", "h-missing").exchange().expectStatus().isNotFound();
        asAgent("a-1").get().uri("/api/v1/handoffs?status=lost").exchange().expectStatus().isBadRequest();
    }

    private List<Map> awaitHistory(WebTestClient agent, String ticketId, String action) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<Map> history = agent.get().uri("/api/v1/tickets/{id}/history", ticketId).exchange()
                    .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
            if (history.stream().anyMatch(h -> action.equals(h.get("action"))) || System.nanoTime() > deadline) {
                return history;
            }
            Mono.delay(Duration.ofMillis(50)).block();
        }
    }

    private void awaitProcessed(UUID eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (db.sql("select count(*) from processed_event where event_id = :id").bind("id", eventId)
                .map(r -> r.get(0, Long.class)).one().block() == 0) {
            assertThat(System.nanoTime()).as("event %s processed", eventId).isLessThan(deadline);
            Mono.delay(Duration.ofMillis(50)).block();
        }
    }

    private static ConversationTurnRecordedEvent turn(HandoffRequestedEvent handoff, String role, String content) {
        Instant at = Instant.parse("2026-11-24T09:00:00Z");
        return new ConversationTurnRecordedEvent(UUID.randomUUID(), at, ConversationTurnRecordedEvent.SCHEMA_VERSION,
                handoff.conversationId(), handoff.userId(), null,
                new TurnMessage("msg-" + UUID.randomUUID(), 7, role, content, at), null, null, List.of(), List.of(),
                false);
    }

    private Map<?, ?> awaitHandoff(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var result = asAgent("a-poll").get().uri("/api/v1/handoffs/{id}", id).exchange()
                    .expectBody(Map.class).returnResult();
            if (result.getStatus().is2xxSuccessful()) {
                return result.getResponseBody();
            }
            Mono.delay(Duration.ofMillis(50)).block();
        }
        throw new AssertionError("handoff " + id + " was not queued");
    }

    private static HandoffRequestedEvent request(List<String> reasons, double frustration) {
        String suffix = UUID.randomUUID().toString();
        return new HandoffRequestedEvent(UUID.randomUUID(), Instant.now(), HandoffRequestedEvent.SCHEMA_VERSION,
                "h-" + suffix, "conv-" + suffix, "u-" + suffix, reasons,
                "Customer was double charged and wants a refund today", frustration);
    }
}
