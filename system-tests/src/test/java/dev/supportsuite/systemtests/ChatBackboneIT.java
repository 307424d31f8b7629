package dev.supportsuite.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.localstack.LocalStack;
import dev.supportsuite.localstack.SuiteService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite in this JVM (real Kafka, real PostgreSQL, six services) driven from outside, as a
 * widget or partner would: WebSocket and REST through the gateway, across the real Kafka path.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatBackboneIT {

    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static int gateway;

    @BeforeAll
    static void startSuite() {
        stack = SharedSuite.stack();
        gateway = stack.port(SuiteService.GATEWAY);
    }

    @Test
    @Order(1)
    void everyServiceReportsHealthUp() throws Exception {
        for (SuiteService service : SuiteService.values()) {
            HttpResponse<String> health = get(stack.port(service), "/actuator/health");
            assertThat(health.statusCode()).as(service.serviceName()).isEqualTo(200);
            assertThat(MAPPER.readTree(health.body()).get("status").asString()).isEqualTo("UP");
            HttpResponse<String> readiness = get(stack.port(service), "/actuator/health/readiness");
            assertThat(MAPPER.readTree(readiness.body()).get("status").asString()).as(service.serviceName())
                    .isEqualTo("UP");
        }
        JsonNode gatewayReadiness = MAPPER.readTree(get(gateway, "/actuator/health/readiness").body());
        assertThat(gatewayReadiness.at("/components/kafkaListeners/details/chat-outbound").asString())
                .isEqualTo("assigned");
    }

    @Test
    @Order(2)
    void websocketConnectsAcknowledgesAndAnswers() throws Exception {
        try (ChatSocket socket = ChatSocket.open(gateway, "/ws/chat/u1")) {
            JsonNode connected = socket.next(REPLY);
            assertThat(connected.get("type").asString()).isEqualTo("connected");
            assertThat(connected.get("conversation_id").asString()).startsWith("conv-");

            long sent = System.nanoTime();
            socket.sendMessage("hello", "c-1");
            JsonNode ack = socket.next(REPLY);
            assertThat(ack.get("type").asString()).isEqualTo("ack");
            assertThat(ack.get("client_message_id").asString()).isEqualTo("c-1");
            assertThat(ack.get("seq").asLong()).isEqualTo(1);
            String messageId = ack.get("message_id").asString();

            JsonNode reply = socket.next(REPLY);
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - sent);
            assertThat(reply.get("type").asString()).isEqualTo("message");
            assertThat(reply.get("reply_to").asString()).isEqualTo(messageId);
            assertThat(reply.get("role").asString()).isEqualTo("ai");
            assertThat(reply.get("intent").asString()).isEqualTo("greeting");
            assertThat(reply.get("content").asString()).isNotBlank();
            assertThat(reply.get("seq").asLong()).isGreaterThan(ack.get("seq").asLong());
            assertThat(roundTrip).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    @Order(3)
    void seedRestChatAnswersWithMessageIntentAndEscalated() throws Exception {
        HttpResponse<String> response = post("/chat", "{\"content\":\"hello\",\"session_id\":\"s1\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(body.get("intent").asString()).isEqualTo("greeting");
        assertThat(body.get("escalated").isBoolean()).isTrue();
        assertThat(body.get("conversation_id").asString()).isEqualTo("session-s1");
    }

    @Test
    @Order(4)
    void restChatRejectsAnEmptyMessageWithProblemDetails() throws Exception {
        HttpResponse<String> response = post("/api/v1/chat", "{\"content\":\"\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(MAPPER.readTree(response.body()).get("type").asString()).endsWith("/validation-failed");
    }

    @Test
    @Order(5)
    void badFramesGetErrorFramesAndTheSocketKeepsAnswering() throws Exception {
        try (ChatSocket socket = ChatSocket.open(gateway, "/ws/chat/u2")) {
            socket.next(REPLY);
            socket.sendRaw("not json");
            assertThat(error(socket.next(REPLY))).isEqualTo("malformed_frame");
            socket.sendRaw("{\"type\":\"dance\"}");
            assertThat(error(socket.next(REPLY))).isEqualTo("unknown_type");
            socket.sendRaw("{\"type\":\"message\",\"content\":\"" + "x".repeat(5000) + "\"}");
            assertThat(error(socket.next(REPLY))).isEqualTo("message_too_large");
            socket.sendRaw("{\"type\":\"message\",\"content\":\"   \"}");
            assertThat(error(socket.next(REPLY))).isEqualTo("empty_message");
            socket.sendRaw("{\"type\":\"ping\"}");
            assertThat(socket.next(REPLY).get("type").asString()).isEqualTo("pong");

            socket.sendMessage("thanks", "c-after-errors");
            assertThat(socket.next(REPLY).get("type").asString()).isEqualTo("ack");
            JsonNode reply = socket.next(REPLY);
            assertThat(reply.get("type").asString()).isEqualTo("message");
            assertThat(reply.get("intent").asString()).isEqualTo("feedback");
        }
    }

    @Test
    @Order(6)
    void aResentClientMessageIsAcknowledgedAgainButAnsweredOnce() throws Exception {
        try (ChatSocket socket = ChatSocket.open(gateway, "/ws/chat/u3?conversation_id=conv-resend")) {
            socket.next(REPLY);
            socket.sendMessage("hello", "c-dup");
            JsonNode first = socket.next(REPLY);
            socket.sendMessage("hello", "c-dup");
            int replies = 0;
            JsonNode secondAck = null;
            for (JsonNode frame = socket.poll(Duration.ofSeconds(3)); frame != null;
                    frame = socket.poll(Duration.ofSeconds(2))) {
                switch (frame.get("type").asString()) {
                    case "ack" -> secondAck = frame;
                    case "message" -> replies++;
                    default -> throw new AssertionError("unexpected frame " + frame);
                }
            }
            assertThat(secondAck).isNotNull();
            assertThat(secondAck.get("message_id").asString()).isEqualTo(first.get("message_id").asString());
            assertThat(replies).isEqualTo(1);
        }
    }

    @Test
    @Order(7)
    void aMessageSentWhileTheAgentIsDownWaitsInKafkaAndIsAnsweredOnceItReturns() throws Exception {
        try (ChatSocket socket = ChatSocket.open(gateway, "/ws/chat/u4")) {
            socket.next(REPLY);
            String acked;
            stack.stopService(SuiteService.AGENT);
            try {
                socket.sendMessage("hello while you were out", "c-down");
                JsonNode ack = socket.next(REPLY);
                assertThat(ack.get("type").asString()).isEqualTo("ack");
                acked = ack.get("message_id").asString();
                assertThat(socket.poll(Duration.ofSeconds(2))).as("no answer while the agent is down").isNull();
            } finally {
                stack.startService(SuiteService.AGENT);
            }
            JsonNode reply = socket.next(Duration.ofSeconds(30));
            assertThat(reply.get("type").asString()).isEqualTo("message");
            assertThat(reply.get("reply_to").asString()).isEqualTo(acked);
            assertThat(reply.get("content").asString()).isNotBlank();
            assertThat(socket.poll(Duration.ofSeconds(3))).as("answered exactly once").isNull();
        }
    }

    @Test
    @Order(8)
    void answersAHelpCenterQuestionFromTheKnowledgeBaseWithACitation() throws Exception {
        try (ChatSocket socket = ChatSocket.open(gateway, "/ws/chat/u5")) {
            socket.next(REPLY);
            socket.sendMessage("How do I get a refund for my subscription?", "c-refund");
            assertThat(socket.next(REPLY).get("type").asString()).isEqualTo("ack");
            JsonNode reply = socket.next(REPLY);
            assertThat(reply.get("type").asString()).isEqualTo("message");
            assertThat(reply.get("degraded").asBoolean()).isFalse();
            assertThat(reply.get("citations").size()).isEqualTo(1);
            JsonNode citation = reply.get("citations").get(0);
            assertThat(citation.get("document_id").asString()).contains("refund");
            assertThat(citation.get("title").asString()).isNotBlank();
            assertThat(reply.get("content").asString()).containsIgnoringCase("refund");
        }
    }

    @Test
    @Order(9)
    void declinesAQuestionOutsideSupportWithoutInventingAnAnswer() throws Exception {
        HttpResponse<String> response = post("/api/v1/chat",
                "{\"content\":\"Who won the football world cup in 1998?\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.get("citations").size()).isZero();
        assertThat(body.get("message").asString()).containsAnyOf("outside what I can help with",
                "couldn't find a reliable answer");
    }

    @Test
    void aReturningCustomerIsWelcomedBackByNameWithTheirOpenTicket() throws Exception {
        String ticket;
        try (ChatSocket socket = ChatSocket.open(gateway, "/ws/chat/u-dana")) {
            socket.next(REPLY);
            assertThat(exchange(socket, "hi, my name is Dana", "d-1"))
                    .startsWith("Nice to meet you, Dana! I'm the support assistant");
            assertThat(exchange(socket, "please open a ticket: I need a copy of our signed contract", "d-3"))
                    .contains("Shall I open it");
            String opened = exchange(socket, "yes", "d-4");
            assertThat(opened).contains("opened ticket TKT-");
            ticket = opened.replaceAll("(?s).*(TKT-[A-Z0-9]+).*", "$1");
        }
        // memory-service learns the name from conversation-events and the ticket from ticket-events.
        int memory = stack.port(SuiteService.MEMORY);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String profile = "";
        while (System.nanoTime() < deadline && !(profile.contains("Dana") && profile.contains(ticket))) {
            Thread.sleep(100);
            profile = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + memory
                    + "/api/v1/memory/users/u-dana/profile")).timeout(Duration.ofSeconds(5))
                    .header("X-Support-Identity-Type", "user").header("X-Support-User-Id", "u-dana").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(profile).contains("Dana").contains(ticket);

        try (ChatSocket socket = ChatSocket.open(gateway, "/ws/chat/u-dana")) {
            socket.next(REPLY);
            assertThat(exchange(socket, "hello", "d-5")).startsWith("Welcome back, Dana!")
                    .contains("Your ticket " + ticket).contains("still open");
        }
        try (ChatSocket socket = ChatSocket.open(gateway, "/ws/chat/u-someone-else")) {
            socket.next(REPLY);
            assertThat(exchange(socket, "hello", "e-1")).startsWith("Hello! I'm the support assistant")
                    .doesNotContain("Dana").doesNotContain(ticket);
        }
    }

    /** Sends a message and returns the content of the agent's reply to it. */
    private static String exchange(ChatSocket socket, String text, String clientMessageId) throws Exception {
        return socket.ask(text, clientMessageId, REPLY).get("content").asString();
    }

    private static String error(JsonNode frame) {
        assertThat(frame.get("type").asString()).isEqualTo("error");
        assertThat(frame.get("message").asString()).isNotBlank();
        return frame.get("code").asString();
    }

    @Test
    void oneOpenApiDocumentDescribesThePublicApiOfEveryService() throws Exception {
        HttpResponse<String> openApi = get(gateway, "/openapi.json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        JsonNode document = MAPPER.readTree(openApi.body());
        assertThat(document.has("x-unavailable")).as(openApi.body().substring(0, 200)).isFalse();
        assertThat(document.get("paths").propertyNames()).contains("/api/v1/widget/sessions", "/api/v1/tickets",
                "/api/v1/accounts/{userId}", "/api/v1/handoffs", "/api/v1/knowledge/search",
                "/api/v1/knowledge/documents", "/api/v1/sentiment/analyze", "/api/v1/intents",
                "/api/v1/intents/classify");
        assertThat(document.get("paths").propertyNames()).anyMatch(path -> path.startsWith("/api/v1/memory/"));

        assertThat(get(gateway, "/v3/api-docs/swagger-config").body()).contains("/openapi.json");
        HttpResponse<String> redoc = get(gateway, "/redoc");
        assertThat(redoc.body()).contains("spec-url=\"/openapi.json\"");
        String script = redoc.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        assertThat(get(gateway, script).statusCode()).as(script).isEqualTo(200);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
