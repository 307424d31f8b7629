package dev.supportsuite.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.localstack.LocalStack;
import dev.supportsuite.localstack.SuiteService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's conversations end to end: each scenario in {@code scenarios/conversations.txt} is a
 * customer chatting over the WebSocket through the gateway with the whole suite behind it (real
 * classifier, sentiment, knowledge base, tickets and memory). Every reply is checked for intent,
 * route, tool calls (read back from memory-service's transcript), escalation and content.
 */
class ConversationScenariosIT {

    private static final Duration REPLY = Duration.ofSeconds(15);
    private static final Duration SILENCE = Duration.ofMillis(1500);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TICKET_ID = Pattern.compile("\\bTKT-[A-Z0-9]{6,}\\b");
    private static final List<String> TICKET_AND_ACCOUNT_TOOLS = List.of("create_ticket", "get_ticket_status",
            "get_user_tickets", "update_ticket", "lookup_account");

    private static LocalStack stack;

    @BeforeAll
    static void startSuite() {
        stack = SharedSuite.stack();
    }

    @TestFactory
    Stream<DynamicTest> scriptedConversations() throws Exception {
        List<Scenario> scenarios = Scenario.load("/scenarios/conversations.txt");
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(40);
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.title(), () -> run(scenario)));
    }

    private void run(Scenario scenario) throws Exception {
        Map<String, String> variables = new HashMap<>();
        String user;
        String path;
        if (scenario.as().equals("visitor")) {
            JsonNode session = MAPPER.readTree(post(stack.port(SuiteService.GATEWAY), "/api/v1/widget/sessions", "",
                    Map.of()).body());
            user = session.get("user_id").asString();
            path = "/ws/chat/" + user + "?token=" + session.get("token").asString();
        } else {
            user = scenario.as().equals("fresh") ? "sc-" + UUID.randomUUID() : scenario.as();
            path = "/ws/chat/" + user;
        }
        for (String setup : scenario.setup()) {
            String[] parts = setup.split(" ");
            if (parts[0].equals("other-ticket")) {
                variables.put("other", openTicketFor(parts[1]));
            } else {
                throw new IllegalArgumentException("Unknown setup " + setup);
            }
        }
        try (ChatSocket socket = ChatSocket.open(stack.port(SuiteService.GATEWAY), path)) {
            JsonNode connected = nextOf(socket, "connected");
            String conversation = connected.get("conversation_id").asString();
            int turn = 0;
            for (Scenario.Step step : scenario.steps()) {
                turn++;
                String where = scenario.title() + ", line " + turn + " (" + step.text() + ")";
                String text = substitute(step.text(), variables);
                JsonNode reply;
                if (step.kind().equals("say")) {
                    socket.sendMessage(text, "c-" + turn);
                    nextOf(socket, "ack");
                    reply = step.one("route") != null && step.one("route").equals("silent")
                            ? pollMessage(socket, SILENCE) : nextOf(socket, "message");
                } else if (step.kind().equals("claim")) {
                    claim(conversation);
                    reply = nextOf(socket, "message");
                } else if (step.kind().equals("resolve")) {
                    resolve(conversation, text);
                    reply = nextOf(socket, "message");
                } else {
                    throw new IllegalArgumentException("Unknown step " + step.kind());
                }
                if (reply != null) {
                    Matcher ticket = TICKET_ID.matcher(reply.get("content").asString());
                    while (ticket.find()) {
                        variables.put("ticket", ticket.group());
                    }
                }
                check(where, step, reply, conversation, variables);
            }
        }
    }

    private void check(String where, Scenario.Step step, JsonNode reply, String conversation,
            Map<String, String> variables) throws Exception {
        String route = step.one("route");
        SoftAssertions soft = new SoftAssertions();
        if ("silent".equals(route)) {
            soft.assertThat(reply).as(where + ": no reply while a human holds the conversation").isNull();
            soft.assertAll();
            return;
        }
        assertThat(reply).as(where).isNotNull();
        String content = reply.get("content").asString();
        String said = where + " -> \"" + content + "\"";
        String intent = reply.path("intent").asString(null);
        if (step.one("intent") != null) {
            soft.assertThat(List.of(step.one("intent").split("\\|"))).as(said + " intent " + intent).contains(intent);
        }
        if (step.one("notintent") != null) {
            soft.assertThat(intent).as(said + " intent").isNotEqualTo(step.one("notintent"));
        }
        if (step.one("escalated") != null) {
            soft.assertThat(reply.get("escalated").asBoolean()).as(said + " escalated")
                    .isEqualTo(Boolean.parseBoolean(step.one("escalated")));
        }
        if (step.one("role") != null) {
            soft.assertThat(reply.get("role").asString()).as(said + " role").isEqualTo(step.one("role"));
        }
        for (String expected : step.all("contains")) {
            soft.assertThat(content.toLowerCase(Locale.ROOT)).as(said)
                    .contains(substitute(expected, variables).toLowerCase(Locale.ROOT));
        }
        for (String unexpected : step.all("lacks")) {
            soft.assertThat(content.toLowerCase(Locale.ROOT)).as(said)
                    .doesNotContain(substitute(unexpected, variables).toLowerCase(Locale.ROOT));
        }
        if (step.expect().containsKey("cites")) {
            soft.assertThat(reply.get("citations").isEmpty()).as(said + " has citations").isFalse();
        }
        if (step.one("tools") != null || route != null) {
            List<String> tools = toolsOf(conversation, reply.get("message_id").asString());
            if (step.one("tools") != null) {
                List<String> expected = step.one("tools").equals("-") ? List.of()
                        : List.of(step.one("tools").split(","));
                soft.assertThat(tools).as(said + " tool calls").containsExactlyInAnyOrderElementsOf(expected);
            }
            if (route != null) {
                checkRoute(soft, said, route, intent, reply, tools);
            }
        }
        soft.assertAll();
    }

    private static void checkRoute(SoftAssertions soft, String said, String route, String intent, JsonNode reply,
            List<String> tools) {
        switch (route) {
            case "knowledge" -> soft.assertThat(tools).as(said + " searched the knowledge base").contains("search_faq");
            case "tool" -> soft.assertThat(tools).as(said + " used a ticket or account tool")
                    .containsAnyElementsOf(TICKET_AND_ACCOUNT_TOOLS);
            case "handoff" -> {
                soft.assertThat(tools).as(said + " handed off").contains("escalate_to_human");
                soft.assertThat(reply.get("escalated").asBoolean()).as(said + " escalated").isTrue();
            }
            case "direct", "ask" -> {
                soft.assertThat(tools).as(said + " answered directly").isEmpty();
                soft.assertThat(reply.get("citations").isEmpty()).as(said + " cites nothing").isTrue();
            }
            case "out_of_scope" -> {
                soft.assertThat(intent).as(said + " intent").isEqualTo("out_of_scope");
                // A question the classifier rejected without being sure is looked up first; nothing was found.
                soft.assertThat(tools).as(said + " used no tool but a knowledge search").isSubsetOf("search_faq");
                soft.assertThat(reply.get("citations").isEmpty()).as(said + " cites nothing").isTrue();
            }
            default -> throw new IllegalArgumentException("Unknown route " + route);
        }
    }

    /** The tool calls recorded with a reply, read from memory-service once the transcript has it. */
    private List<String> toolsOf(String conversation, String replyId) throws Exception {
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = get(stack.port(SuiteService.MEMORY), "/api/v1/memory/conversations/"
                    + conversation + "/messages?size=100", agentHeaders());
            if (page.statusCode() == 200) {
                for (JsonNode message : MAPPER.readTree(page.body()).path("items")) {
                    if (replyId.equals(message.path("messageId").asString())) {
                        List<String> names = new ArrayList<>();
                        message.path("toolCalls").forEach(call -> names.add(call.path("name").asString()));
                        return names;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Reply " + replyId + " never reached the transcript of " + conversation);
    }

    private String openTicketFor(String owner) throws Exception {
        HttpResponse<String> created = post(stack.port(SuiteService.TICKET), "/api/v1/tickets",
                "{\"subject\":\"Private matter of " + owner + "\",\"description\":\"Only for " + owner + "\"}",
                Map.of(IdentityHeaders.TYPE, "user", IdentityHeaders.USER_ID, owner));
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        return MAPPER.readTree(created.body()).get("id").asString();
    }

    private void claim(String conversation) throws Exception {
        String handoff = null;
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (handoff == null && System.nanoTime() < deadline) {
            JsonNode queue = MAPPER.readTree(get(stack.port(SuiteService.TICKET),
                    "/api/v1/handoffs?status=waiting&limit=200", agentHeaders()).body());
            for (JsonNode entry : queue.isArray() ? queue : queue.path("items")) {
                if (conversation.equals(entry.path("conversationId").asString())) {
                    handoff = entry.path("id").asString();
                }
            }
            Thread.sleep(50);
        }
        assertThat(handoff).as("handoff of " + conversation + " in the queue").isNotNull();
        HttpResponse<String> claimed = post(stack.port(SuiteService.TICKET), "/api/v1/handoffs/" + handoff + "/claim",
                "", agentHeaders());
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        handoffs.put(conversation, handoff);
    }

    private final Map<String, String> handoffs = new HashMap<>();

    private void resolve(String conversation, String note) throws Exception {
        HttpResponse<String> resolved = post(stack.port(SuiteService.TICKET), "/api/v1/handoffs/"
                + handoffs.get(conversation) + "/resolve", MAPPER.writeValueAsString(Map.of("note", note)),
                agentHeaders());
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    }

    private static Map<String, String> agentHeaders() {
        return Map.of(IdentityHeaders.TYPE, "agent", IdentityHeaders.USER_ID, "sam");
    }

    private static JsonNode nextOf(ChatSocket socket, String type) throws InterruptedException {
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = socket.poll(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            if (frame != null && type.equals(frame.path("type").asString())) {
                return frame;
            }
            if (frame != null && "error".equals(frame.path("type").asString())) {
                throw new AssertionError("error frame while waiting for " + type + ": " + frame);
            }
        }
        throw new AssertionError("no " + type + " frame within " + REPLY);
    }

    private static JsonNode pollMessage(ChatSocket socket, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = socket.poll(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            if (frame != null && "message".equals(frame.path("type").asString())) {
                return frame;
            }
        }
        return null;
    }

    private static String substitute(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        return result;
    }

    private static HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
