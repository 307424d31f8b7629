package dev.supportsuite.memory;

import static dev.supportsuite.memory.Turns.redelivered;
import static dev.supportsuite.memory.Turns.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.ToolCall;
import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.contracts.ticket.FieldChange;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.ServiceInfrastructure;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** memory-service on a real Kafka broker and a real PostgreSQL, driven by events and read over HTTP. */
@ExtendWith({KafkaExtension.class, PostgresExtension.class})
@SpringBootTest(classes = MemoryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=memory-service")
class MemoryServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(ServiceInfrastructure.kafka(KafkaExtension.bootstrapServers()));
        properties.putAll(ServiceInfrastructure.database(PostgresExtension.server(), "memory"));
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    KafkaEventPublisher publisher;

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("conversationEventsListener")
    EventListenerContainer<ConversationTurnRecordedEvent> turns;

    @Value("${local.server.port}")
    int port;

    WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(WAIT).build();
        turns.whenAssigned().block(WAIT);
    }

    @Test
    void storesEachMessageOnceInOrderWhenEventsArriveTwiceAndOutOfOrder() {
        String conversation = "conv-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        ConversationTurnRecordedEvent first = turn(conversation, user, 1, "My export keeps failing", "Sorry! Which format?");
        ConversationTurnRecordedEvent second = turn(conversation, user, 2, "CSV, since yesterday", "Let me check that.");
        ConversationTurnRecordedEvent third = turn(conversation, user, 3, "Any news?", "A fix is rolling out today.");

        publish(third, first, first, redelivered(second), second, redelivered(first));

        await().atMost(WAIT).until(() -> messageCount(conversation) == 6);
        JsonNode page = getJson("/api/v1/memory/conversations/" + conversation + "/messages", "user", user);
        assertThat(page.get("totalItems").asLong()).isEqualTo(6);
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("messageId").asString()));
        assertThat(ids).containsExactly(conversation + "-u1", conversation + "-a1", conversation + "-u2",
                conversation + "-a2", conversation + "-u3", conversation + "-a3");
        assertThat(page.get("items").get(0).get("sentiment").get("label").asString()).isEqualTo("negative");
    }

    @Test
    void losesNothingWhenTheListenerRestartsInTheMiddleOfAStream() {
        String conversation = "conv-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        List<ConversationTurnRecordedEvent> stream = new ArrayList<>();
        for (int seq = 1; seq <= 120; seq++) {
            stream.add(turn(conversation, user, seq, "question number " + seq, "answer number " + seq));
        }
        publish(stream.subList(0, 60).toArray(ConversationTurnRecordedEvent[]::new));
        await().atMost(WAIT).until(() -> messageCount(conversation) > 0);
        turns.stop();
        publish(stream.subList(60, 120).toArray(ConversationTurnRecordedEvent[]::new));
        turns.start();

        await().atMost(WAIT).until(() -> messageCount(conversation) == 240);
        JsonNode page = getJson("/api/v1/memory/conversations/" + conversation + "/messages?page=2&size=100", "user",
                user);
        assertThat(page.get("items")).hasSize(40);
        assertThat(page.get("items").get(39).get("messageId").asString()).isEqualTo(conversation + "-a120");
    }

    @Test
    void summaryOfASixtyMessageConversationKeepsEveryTicketIdMentioned() {
        String conversation = "conv-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        List<String> tickets = new ArrayList<>();
        List<ConversationTurnRecordedEvent> events = new ArrayList<>();
        for (int seq = 1; seq <= 30; seq++) {
            if (seq % 4 == 1) {
                String ticket = "TKT-" + Long.toString(1_000_000L + seq * 7919L, 36).toUpperCase();
                tickets.add(ticket);
                events.add(turn(conversation, user, seq, "The invoice export failed again on run " + seq,
                        "I opened " + ticket + " for the failing export.", "create_ticket",
                        List.of(new ToolCall("create_ticket", Map.of("subject", "Export fails"), ticket)), List.of(),
                        false));
            } else {
                events.add(turn(conversation, user, seq, "Still seeing the problem with report " + seq,
                        "Thanks for the details about report " + seq + "."));
            }
        }
        publish(events.toArray(ConversationTurnRecordedEvent[]::new));
        await().atMost(WAIT).until(() -> messageCount(conversation) == 60);

        JsonNode context = getJson("/api/v1/memory/conversations/" + conversation + "/context", "user", user);
        JsonNode summary = context.get("summary");
        assertThat(summary).isNotNull();
        List<String> summaryTickets = new ArrayList<>();
        summary.get("ticketIds").forEach(id -> summaryTickets.add(id.asString()));
        assertThat(summaryTickets).containsExactlyInAnyOrderElementsOf(tickets);
        String text = summary.get("text").asString();
        assertThat(tickets).allSatisfy(ticket -> assertThat(text).contains(ticket));
        assertThat(summary.get("coveredMessages").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(context.get("recentMessages")).hasSize(20);
        assertThat(context.get("recentMessages").get(19).get("messageId").asString())
                .isEqualTo(conversation + "-a30");
        int unsummarized = context.get("unsummarizedMessages") == null ? 0 : context.get("unsummarizedMessages").size();
        assertThat(summary.get("coveredMessages").asInt() + unsummarized + 20).isEqualTo(60);
    }

    @Test
    void factsOfOneUserNeverReachAnother() {
        String alice = "u-alice-" + UUID.randomUUID();
        String bob = "u-bob-" + UUID.randomUUID();
        String aliceConversation = "conv-" + UUID.randomUUID();
        String bobConversation = "conv-" + UUID.randomUUID();
        publish(turn(aliceConversation, alice, 1, "Hi, my name is Alice Martin and I'm on the Pro plan",
                        "Welcome back, Alice."),
                turn(aliceConversation, alice, 2, "Please reply in Spanish and contact me by email", "Claro."),
                turn(bobConversation, bob, 1, "Hello there, how do refunds work?", "Refunds take five days."));
        // A turn that names Bob on Alice's conversation must change neither of them.
        publish(turn(aliceConversation, bob, 3, "My name is Mallory and I'm on the Enterprise plan", "Noted."));
        await().atMost(WAIT).until(() -> messageCount(aliceConversation) == 4 && messageCount(bobConversation) == 2);

        JsonNode aliceProfile = getJson("/api/v1/memory/users/" + alice + "/profile", "user", alice);
        assertThat(aliceProfile.get("name").asString()).isEqualTo("Alice Martin");
        assertThat(aliceProfile.get("plan").asString()).isEqualTo("Pro");
        assertThat(aliceProfile.get("preferredLanguage").asString()).isEqualTo("Spanish");
        assertThat(aliceProfile.get("preferredChannel").asString()).isEqualTo("email");
        assertThat(aliceProfile.get("facts").get(0).get("sourceMessageId").asString()).startsWith(aliceConversation);

        JsonNode bobProfile = getJson("/api/v1/memory/users/" + bob + "/profile", "user", bob);
        assertThat(bobProfile.get("name")).isNull();
        assertThat(bobProfile.get("plan")).isNull();
        assertThat(bobProfile.get("facts")).isEmpty();
        JsonNode bobContext = getJson("/api/v1/memory/conversations/" + bobConversation + "/context", "user", bob);
        assertThat(bobContext.toString()).doesNotContain("Alice").doesNotContain(aliceConversation);

        http.get().uri("/api/v1/memory/conversations/" + aliceConversation + "/context")
                .header(IdentityHeaders.TYPE, "user").header(IdentityHeaders.USER_ID, bob)
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/memory/users/" + alice + "/conversations")
                .header(IdentityHeaders.TYPE, "user").header(IdentityHeaders.USER_ID, bob)
                .exchange().expectStatus().isNotFound();
        JsonNode asAgent = getJson("/api/v1/memory/conversations/" + aliceConversation + "/messages", "agent",
                "agent-ana");
        assertThat(asAgent.get("totalItems").asLong()).isEqualTo(4);
    }

    @Test
    void ticketEventsKeepOpenAndResolvedIssuesOfTheirUser() {
        String user = "u-" + UUID.randomUUID();
        String other = "u-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        publisher.publish(Topics.TICKET_EVENTS, new TicketOpenedEvent(UUID.randomUUID(), at, 1, "TKT-0PEN1", user,
                "conv-x", "Export keeps failing", "technical", "high", "open")).block(WAIT);
        publisher.publish(Topics.TICKET_EVENTS, new TicketOpenedEvent(UUID.randomUUID(), at, 1, "TKT-0PEN2", user,
                "conv-x", "Charged twice", "billing", "high", "open")).block(WAIT);
        publisher.publish(Topics.TICKET_EVENTS, new TicketUpdatedEvent(UUID.randomUUID(), at.plusSeconds(60), 1,
                "TKT-0PEN2", user, "conv-x", "resolved", "agent-ana",
                List.of(new FieldChange("status", "open", "resolved")))).block(WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode profile = getJson("/api/v1/memory/users/" + user + "/profile", "user", user);
            assertThat(profile.get("openIssues").toString()).contains("TKT-0PEN1: Export keeps failing");
            assertThat(profile.get("resolvedIssues").toString()).contains("TKT-0PEN2: Charged twice");
        });
        assertThat(getJson("/api/v1/memory/users/" + other + "/profile", "user", other).get("facts")).isEmpty();
    }

    @Test
    void aNewConversationMentionsThePreviousOneAndTheSessionTellsWhenToStartOver() {
        String user = "u-" + UUID.randomUUID();
        String old = "conv-" + UUID.randomUUID();
        publish(turn(old, user, 1, "hi there, I'm Sam", "Nice to meet you, Sam!", "greeting", List.of(), List.of(),
                false), turn(old, user, 2, "My router X200 drops the connection every evening",
                "Let us run a check."));
        await().atMost(WAIT).until(() -> messageCount(old) == 4);

        JsonNode session = getJson("/api/v1/memory/users/" + user + "/session", "user", user);
        assertThat(session.get("expired").asBoolean()).isTrue();
        assertThat(session.get("lastConversation").get("conversationId").asString()).isEqualTo(old);

        String fresh = "conv-" + UUID.randomUUID();
        JsonNode context = getJson("/api/v1/memory/conversations/" + fresh + "/context", "user", user);
        assertThat(context.get("session").get("newConversation").asBoolean()).isTrue();
        JsonNode previous = context.get("session").get("previousConversation");
        assertThat(previous.get("conversationId").asString()).isEqualTo(old);
        assertThat(previous.get("note").asString()).as("the issue, not the greeting before it")
                .isEqualTo("Customer wrote: My router X200 drops the connection every evening");
        assertThat(context.get("recentMessages")).isEmpty();
    }

    @Test
    void erasureLeavesNoRowOfTheUserAndTellsOtherServices() {
        String user = "u-" + UUID.randomUUID();
        String keep = "u-" + UUID.randomUUID();
        String conversation = "conv-" + UUID.randomUUID();
        String kept = "conv-" + UUID.randomUUID();
        List<ConversationTurnRecordedEvent> events = new ArrayList<>();
        for (int seq = 1; seq <= 20; seq++) {
            events.add(turn(conversation, user, seq, "My name is Erin and ticket TKT-ERASE" + seq + " is still open",
                    "Looking into TKT-ERASE" + seq + "."));
        }
        events.add(turn(kept, keep, 1, "My name is Kim", "Hello Kim"));
        publish(events.toArray(ConversationTurnRecordedEvent[]::new));
        await().atMost(WAIT).until(() -> messageCount(conversation) == 40 && messageCount(kept) == 2);
        assertThat(rows("select count(*) from conversation_summary where conversation_id = '" + conversation + "'"))
                .isEqualTo(1);

        KafkaConsumer<String, String> erasures = consumer(Topics.MEMORY_EVENTS);
        try {
            JsonNode result = http.delete().uri("/api/v1/memory/users/" + user)
                    .header(IdentityHeaders.TYPE, "user").header(IdentityHeaders.USER_ID, user)
                    .exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(result.get("conversationsErased").asInt()).isEqualTo(1);
            assertThat(result.get("messagesErased").asInt()).isEqualTo(40);

            assertThat(rows("select count(*) from conversation where user_id = '" + user + "'")).isZero();
            assertThat(rows("select count(*) from message where conversation_id = '" + conversation + "'")).isZero();
            assertThat(rows("select count(*) from conversation_summary where conversation_id = '" + conversation
                    + "'")).isZero();
            assertThat(rows("select count(*) from profile_fact where user_id = '" + user + "'")).isZero();
            assertThat(rows("select count(*) from message where content like '%Erin%'")).isZero();
            assertThat(messageCount(kept)).isEqualTo(2);

            List<JsonNode> published = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : erasures.poll(Duration.ofMillis(200))) {
                    published.add(json.readTree(record.value()));
                }
                return published.stream().anyMatch(event -> user.equals(event.get("userId").asString()));
            });
            JsonNode event = published.stream().filter(e -> user.equals(e.get("userId").asString())).findFirst()
                    .orElseThrow();
            assertThat(event.get("messagesErased").asInt()).isEqualTo(40);
            assertThat(event.get("requestedBy").asString()).isEqualTo(user);
        } finally {
            erasures.close();
        }
        http.delete().uri("/api/v1/memory/users/" + keep)
                .header(IdentityHeaders.TYPE, "user").header(IdentityHeaders.USER_ID, user)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void answersUnauthorizedProblemWithoutIdentity() {
        http.get().uri("/api/v1/memory/conversations/conv-1/context")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/identity-required");
    }

    private void publish(ConversationTurnRecordedEvent... events) {
        Flux.fromArray(events).concatMap(event -> publisher.publish(Topics.CONVERSATION_EVENTS, event))
                .blockLast(WAIT);
    }

    private long messageCount(String conversation) {
        return rows("select count(*) from message where conversation_id = '" + conversation + "'");
    }

    private long rows(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block(WAIT);
    }

    private JsonNode getJson(String uri, String type, String id) {
        return http.get().uri(uri)
                .header(IdentityHeaders.TYPE, type).header(IdentityHeaders.USER_ID, id)
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
