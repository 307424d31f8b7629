package dev.supportsuite.ticket.handoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.handoff.HandoffReasons;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.platform.kafka.EventHeaders;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import dev.supportsuite.ticket.InfrastructureTestBase;
import dev.supportsuite.ticket.TicketEventsProbe;
import dev.supportsuite.ticket.handoff.domain.Handoff;
import dev.supportsuite.ticket.handoff.domain.HandoffService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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

/**
 * The ticket a handoff gets, on real Kafka and PostgreSQL: its subject is the customer's issue (never
 * why the AI handed over), and a customer's further handoffs go to their open handoff ticket instead
 * of opening one ticket per conversation.
 */
class HandoffTicketsIT extends InfrastructureTestBase {

    private static final String NEUTRAL = "Conversation with our support team";
    /** What the subject must never show the customer: reason codes, sentiment, the old prefix. */
    private static final List<String> INTERNAL_WORDS = List.of("handoff", "frustration", "declining", "trend",
            "asked for human", "asked_for_human", "no_answer", "no answer", "policy");

    @Autowired
    KafkaEventPublisher publisher;

    @Autowired
    HandoffService handoffs;

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
    void theSubjectIsTheCustomersIssueCutAtAWordAndTheReasonsStayInTheDescription() {
        String user = customer();
        String topic = "I was charged twice for November and want a refund of the second charge, and the "
                + "invoice for December shows the same seats again although we removed three members from the "
                + "workspace at the end of October";
        HandoffRequestedEvent request = request(user, List.of(HandoffReasons.HIGH_FRUSTRATION,
                HandoffReasons.DECLINING_TREND), 0.9, topic);

        String ticketId = queue(request).get("ticketId").toString();

        Map<?, ?> ticket = customerTicket(user, ticketId);
        String subject = ticket.get("subject").toString();
        assertThat(topic.length()).isGreaterThan(200);
        assertThat(subject).hasSizeLessThanOrEqualTo(200).endsWith("…");
        String kept = subject.substring(0, subject.length() - 1);
        assertThat(topic).startsWith(kept);
        assertThat(topic.charAt(kept.length())).as("cut at a word boundary").isEqualTo(' ');
        assertThat(INTERNAL_WORDS).noneMatch(word -> subject.toLowerCase().contains(word));
        assertThat(ticket.get("description").toString())
                .contains(request.summary())
                .contains("Customer's issue: " + topic)
                .contains("Reasons: high frustration, declining trend")
                .as("the customer can read the ticket: no scores").doesNotContain("0.90");
        assertThat(ticket.get("priority")).isEqualTo("urgent");
    }

    @Test
    void withoutATopicTheSubjectIsNeutralAndNamesNoReason() {
        String user = customer();
        HandoffRequestedEvent request = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN,
                HandoffReasons.HIGH_FRUSTRATION), 0.7, null);

        String ticketId = queue(request).get("ticketId").toString();

        Map<?, ?> ticket = customerTicket(user, ticketId);
        assertThat(ticket.get("subject")).isEqualTo(NEUTRAL);
        assertThat(ticket.get("description").toString()).contains("Reasons: asked for human, high frustration");
        List<ConsumerRecord<String, String>> opened = events.await(r -> r.key().equals(ticketId), 1,
                Duration.ofSeconds(15));
        assertThat(mapper.readTree(opened.get(0).value()).get("subject").asString()).isEqualTo(NEUTRAL);
    }

    @Test
    void furtherHandoffsOfACustomerGoToTheirOpenHandoffTicketWithAComment() {
        String user = customer();
        HandoffRequestedEvent first = request(user, List.of(HandoffReasons.NO_ANSWER), 0.1, null);
        HandoffRequestedEvent second = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3,
                "I want a refund for the double charge");
        HandoffRequestedEvent third = request(user, List.of(HandoffReasons.NO_ANSWER), 0.1,
                "How do I export my data");

        String ticketId = queue(first).get("ticketId").toString();
        assertThat(queue(second).get("ticketId")).isEqualTo(ticketId);
        assertThat(queue(third).get("ticketId")).isEqualTo(ticketId);

        assertThat(ticketsOf(user)).isEqualTo(1);
        Map<?, ?> ticket = customerTicket(user, ticketId);
        assertThat(ticket.get("status")).isEqualTo("open");
        assertThat(ticket.get("priority")).as("raised by the second, not lowered by the third").isEqualTo("high");
        assertThat(ticket.get("subject")).as("the neutral subject gave way to the first topic")
                .isEqualTo(second.topic());
        assertThat(ticket.get("tags")).isEqualTo(List.of(HandoffReasons.NO_ANSWER, HandoffReasons.ASKED_FOR_HUMAN));
        assertThat(ticket.get("description").toString()).contains(first.summary());

        List<Map> comments = asAgent("ana").get().uri("/api/v1/tickets/{id}/comments", ticketId).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(comments).hasSize(2).allSatisfy(c -> assertThat(c.get("author")).isEqualTo("system:handoff"));
        assertThat(comments.get(0).get("body").toString())
                .contains(second.conversationId()).contains(second.summary()).contains(second.topic());
        assertThat(comments.get(1).get("body").toString())
                .contains(third.conversationId()).contains(third.summary()).contains(third.topic());

        // One opened event; the second handoff's field changes and each comment as updates.
        List<ConsumerRecord<String, String>> ticketEvents = events.await(r -> r.key().equals(ticketId), 4,
                Duration.ofSeconds(15));
        events.settle(r -> true, Duration.ofSeconds(1));
        assertThat(ticketEvents).extracting(r -> TicketEventsProbe.header(r, EventHeaders.EVENT_TYPE))
                .containsExactly("TicketOpenedEvent", "TicketUpdatedEvent", "TicketUpdatedEvent",
                        "TicketUpdatedEvent");
        assertThat(mapper.readTree(ticketEvents.get(1).value()).get("changes").toString())
                .contains("\"field\":\"priority\",\"from\":\"medium\",\"to\":\"high\"");
    }

    @Test
    void aResolvedOrClosedHandoffTicketIsNotReused() {
        String user = customer();
        HandoffRequestedEvent first = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, "Refund please");
        String firstTicket = queue(first).get("ticketId").toString();
        WebTestClient ana = asAgent("ana");
        ana.post().uri("/api/v1/handoffs/{id}/claim", first.handoffId()).exchange().expectStatus().isOk();
        ana.post().uri("/api/v1/handoffs/{id}/resolve", first.handoffId()).exchange().expectStatus().isOk();
        assertThat(customerTicket(user, firstTicket).get("status")).isEqualTo("resolved");

        HandoffRequestedEvent second = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, "Export fails");
        String secondTicket = queue(second).get("ticketId").toString();
        assertThat(secondTicket).isNotEqualTo(firstTicket);
        assertThat(customerTicket(user, secondTicket).get("subject")).isEqualTo("Export fails");
        ana.patch().uri("/api/v1/tickets/{id}", secondTicket).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "closed")).exchange().expectStatus().isOk();

        HandoffRequestedEvent third = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, "Still no refund");
        String thirdTicket = queue(third).get("ticketId").toString();
        assertThat(thirdTicket).isNotIn(firstTicket, secondTicket);
        assertThat(ticketsOf(user)).isEqualTo(3);
        assertThat(customerTicket(user, firstTicket).get("status")).isEqualTo("resolved");
        assertThat(commentsOn(firstTicket)).isZero();
        assertThat(commentsOn(secondTicket)).isZero();
    }

    @Test
    void differentCustomersNeverShareATicket() {
        HandoffRequestedEvent alice = request(customer(), List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, "Refund");
        HandoffRequestedEvent bob = request(customer(), List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, "Refund");
        // Requests without a user may come from different visitors.
        HandoffRequestedEvent someone = request(null, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, "Refund");
        HandoffRequestedEvent someoneElse = request(null, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, "Refund");

        List<String> tickets = Flux.just(alice, bob, someone, someoneElse)
                .map(r -> queue(r).get("ticketId").toString()).collectList().block();

        assertThat(tickets).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void claimReleaseAndResolveActOnTheSharedTicket() {
        String user = customer();
        HandoffRequestedEvent first = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, "Refund");
        HandoffRequestedEvent second = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, null);
        HandoffRequestedEvent third = request(user, List.of(HandoffReasons.NO_ANSWER), 0.1, null);
        String ticketId = queue(first).get("ticketId").toString();
        queue(second);
        queue(third);
        WebTestClient alice = asAgent("alice");
        WebTestClient bob = asAgent("bob");
        WebTestClient carol = asAgent("carol");

        alice.post().uri("/api/v1/handoffs/{id}/claim", first.handoffId()).exchange().expectStatus().isOk();
        assertTicket(ticketId, "in_progress", "alice");
        bob.post().uri("/api/v1/handoffs/{id}/claim", second.handoffId()).exchange().expectStatus().isOk();
        assertTicket(ticketId, "in_progress", "bob");

        // Bob still serves the customer on this ticket: Alice's resolve leaves it to him.
        alice.post().uri("/api/v1/handoffs/{id}/resolve", first.handoffId()).exchange().expectStatus().isOk();
        assertTicket(ticketId, "in_progress", "bob");
        // Nobody else holds it now (the third only waits): a release reopens it, unassigned.
        bob.post().uri("/api/v1/handoffs/{id}/release", second.handoffId()).exchange().expectStatus().isOk();
        assertTicket(ticketId, "open", null);

        carol.post().uri("/api/v1/handoffs/{id}/claim", third.handoffId()).exchange().expectStatus().isOk();
        assertTicket(ticketId, "in_progress", "carol");
        carol.post().uri("/api/v1/handoffs/{id}/resolve", third.handoffId()).exchange().expectStatus().isOk();
        assertTicket(ticketId, "resolved", null);
    }

    @Test
    void aWithdrawnHandoffLeavesTheQueueAndResolvesTheTicketOpenedForIt() {
        String user = customer();
        HandoffRequestedEvent request = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3,
                "My invoice shows the wrong company name");
        String ticketId = queue(request).get("ticketId").toString();

        publisher.publish(Topics.HANDOFF_EVENTS, withdrawal(request, "never mind, I fixed it in the settings"))
                .block(Duration.ofSeconds(10));

        List<ConsumerRecord<String, String>> released = events.await(r -> r.key().equals(request.conversationId())
                && "HandoffReleasedEvent".equals(TicketEventsProbe.header(r, EventHeaders.EVENT_TYPE)), 1,
                Duration.ofSeconds(20));
        var event = mapper.readTree(released.get(0).value());
        assertThat(event.get("outcome").asString()).isEqualTo(HandoffService.WITHDRAWN);
        assertThat(event.get("handoffId").asString()).isEqualTo(request.handoffId());
        assertThat(event.hasNonNull("agentId")).as("no agent took part").isFalse();
        assertThat(asAgent("ana").get().uri("/api/v1/handoffs/{id}", request.handoffId()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("status"))
                .isEqualTo("withdrawn");
        assertThat(asAgent("ana").get().uri("/api/v1/handoffs?status=waiting&limit=200").exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody())
                .extracting(h -> h.get("id")).doesNotContain(request.handoffId());
        assertThat(customerTicket(user, ticketId).get("status")).isEqualTo("resolved");
        List<Map> history = asUser(user).get().uri("/api/v1/tickets/{id}/history", ticketId).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(history).extracting(entry -> entry.get("action") + " " + entry.get("field") + " " + entry.get("newValue"))
                .as("the customer's words, then the resolve")
                .containsSubsequence("note null The customer no longer needs a person: \"never mind, I fixed it in the "
                        + "settings\"", "changed status resolved");

        asAgent("ana").post().uri("/api/v1/handoffs/{id}/claim", request.handoffId()).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aHandoffAHumanClaimedOrAnotherConversationsIsNotWithdrawn() {
        String user = customer();
        HandoffRequestedEvent request = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, null);
        String ticketId = queue(request).get("ticketId").toString();
        HandoffWithdrawnEvent fromElsewhere = new HandoffWithdrawnEvent(UUID.randomUUID(), Instant.now(),
                HandoffWithdrawnEvent.SCHEMA_VERSION, request.handoffId(), "conv-other", user, "never mind");

        assertThat(handoffs.withdraw(fromElsewhere).blockOptional(Duration.ofSeconds(10))).isEmpty();
        asAgent("ana").post().uri("/api/v1/handoffs/{id}/claim", request.handoffId()).exchange()
                .expectStatus().isOk();
        assertThat(handoffs.withdraw(withdrawal(request, "never mind")).blockOptional(Duration.ofSeconds(10)))
                .as("Ana has joined; the customer tells her").isEmpty();

        assertTicket(ticketId, "in_progress", "ana");
    }

    @Test
    void withdrawingOneOfTheHandoffsOnAnOpenTicketLeavesTheTicketToTheOthers() {
        String user = customer();
        HandoffRequestedEvent first = request(user, List.of(HandoffReasons.NO_ANSWER), 0.1, "Export fails");
        HandoffRequestedEvent second = request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, null);
        String ticketId = queue(first).get("ticketId").toString();
        queue(second);

        assertThat(handoffs.withdraw(withdrawal(second, "no need, thanks")).blockOptional(Duration.ofSeconds(10)))
                .isPresent();

        assertTicket(ticketId, "open", null);
        assertThat(awaitHandoff(first.handoffId()).get("status")).isEqualTo("waiting");
    }

    @Test
    void concurrentHandoffsOfOneCustomerOpenOneTicket() {
        String user = customer();
        List<HandoffRequestedEvent> requests = Flux.range(0, 8)
                .map(i -> request(user, List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.3, null)).collectList().block();

        List<Handoff> queued = Flux.fromIterable(requests)
                .flatMap(r -> handoffs.open(r).subscribeOn(Schedulers.parallel()), requests.size())
                .collectList().block(Duration.ofSeconds(60));

        assertThat(queued).hasSize(8);
        assertThat(queued).extracting(Handoff::ticketId).containsOnly(queued.get(0).ticketId());
        assertThat(ticketsOf(user)).isEqualTo(1);
        assertThat(commentsOn(queued.get(0).ticketId())).isEqualTo(7);
    }

    @Test
    void anEventFromAProducerWithoutTopicIsHandled() throws Exception {
        String user = customer();
        String suffix = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        // The JSON as agent-service wrote it before topic existed.
        String json = """
                {"eventId":"%s","occurredAt":"2026-03-14T09:26:53.589Z","schemaVersion":1,
                 "handoffId":"h-%s","conversationId":"conv-%s","userId":"%s",
                 "reasons":["asked_for_human"],"summary":"Customer wants to cancel the annual plan",
                 "frustration":0.4}
                """.formatted(eventId, suffix, suffix, user);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.HANDOFF_EVENTS, "conv-" + suffix,
                    json);
            record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE, "HandoffRequestedEvent".getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }

        Map<?, ?> handoff = awaitHandoff("h-" + suffix);

        assertThat(handoff.get("priority")).isEqualTo("high");
        Map<?, ?> ticket = customerTicket(user, handoff.get("ticketId").toString());
        assertThat(ticket.get("subject")).isEqualTo(NEUTRAL);
        assertThat(ticket.get("description").toString()).contains("Customer wants to cancel the annual plan")
                .doesNotContain("Customer's issue");
    }

    private void assertTicket(String ticketId, String status, String assignee) {
        Map<?, ?> ticket = asAgent("a-x").get().uri("/api/v1/tickets/{id}", ticketId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(ticket.get("status")).isEqualTo(status);
        assertThat(ticket.get("assignee")).isEqualTo(assignee);
    }

    /** Publishes the request on handoff-events and waits until it is queued. */
    private Map<?, ?> queue(HandoffRequestedEvent request) {
        publisher.publish(Topics.HANDOFF_EVENTS, request).block(Duration.ofSeconds(10));
        return awaitHandoff(request.handoffId());
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

    /** The ticket as its customer reads it (as the agent does for "what is my ticket's status?"). */
    private Map<?, ?> customerTicket(String user, String ticketId) {
        return asUser(user).get().uri("/api/v1/tickets/{id}", ticketId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private long ticketsOf(String user) {
        return db.sql("select count(*) from ticket where user_id = :u").bind("u", user)
                .map(r -> r.get(0, Long.class)).one().block();
    }

    private long commentsOn(String ticketId) {
        return db.sql("select count(*) from ticket_comment where ticket_id = :t").bind("t", ticketId)
                .map(r -> r.get(0, Long.class)).one().block();
    }

    private static String customer() {
        return "u-" + UUID.randomUUID();
    }

    private static HandoffWithdrawnEvent withdrawal(HandoffRequestedEvent request, String said) {
        return new HandoffWithdrawnEvent(UUID.randomUUID(), Instant.now(), HandoffWithdrawnEvent.SCHEMA_VERSION,
                request.handoffId(), request.conversationId(), request.userId(), said);
    }

    private static HandoffRequestedEvent request(String user, List<String> reasons, double frustration,
            String topic) {
        String suffix = UUID.randomUUID().toString();
        return new HandoffRequestedEvent(UUID.randomUUID(), Instant.now(), HandoffRequestedEvent.SCHEMA_VERSION,
                "h-" + suffix, "conv-" + suffix, user, reasons, "Summary of conversation " + suffix, frustration,
                topic);
    }
}
