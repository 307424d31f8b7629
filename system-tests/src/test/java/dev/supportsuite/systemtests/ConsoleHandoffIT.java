package dev.supportsuite.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.localstack.LocalStack;
import dev.supportsuite.localstack.SuiteService;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A human takes over through the console's HTTP API, as the console page does (session cookie, CSRF
 * token, server-sent events): a frustrated customer is handed over, the conversation appears in the
 * queue, an agent claims it, they talk both ways, the agent hands it back and the AI answers again.
 * And two agents racing for the same conversations: exactly one wins each.
 */
class ConsoleHandoffIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalStack stack;
    private static int gateway;

    @BeforeAll
    static void startSuite() {
        stack = SharedSuite.stack();
        gateway = stack.port(SuiteService.GATEWAY);
    }

    /** A signed-in console: its cookies and CSRF token. */
    record Console(String cookies, String csrf) {

        static Console signIn(String username) throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/console/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                            + SharedSuite.AGENT_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<String> pairs = new ArrayList<>();
            String csrf = null;
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.substring(0, cookie.indexOf(';'));
                pairs.add(pair);
                if (pair.startsWith("support_csrf=")) {
                    csrf = pair.substring("support_csrf=".length());
                }
            }
            return new Console(String.join("; ", pairs), csrf);
        }

        HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookies).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookies).header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The console's live events, read on a thread of their own. */
        BlockingQueue<JsonNode> events() throws Exception {
            HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/console/events"))
                    .header("Cookie", cookies).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            events.add(MAPPER.readTree(line.substring(5).strip()));
                        }
                    }
                } catch (Exception e) {
                    // the stream ends with the test
                }
            }, "console-events");
            reader.setDaemon(true);
            reader.start();
            return events;
        }
    }

    @Test
    void aFrustratedCustomerIsTakenOverByAPersonAndHandedBackToTheAi() throws Exception {
        Console ana = Console.signIn("ana");
        BlockingQueue<JsonNode> events = ana.events();
        assertThat(next(events, "hello").get("type").asString()).isEqualTo("hello");

        try (ChatSocket customer = ChatSocket.open(gateway, "/ws/chat/u-1006")) {
            String conversation = frame(customer, "connected").get("conversation_id").asString();
            customer.sendMessage("THIS IS UNACCEPTABLE, YOUR APP IS USELESS!!!", "c-1");
            long escalatedAt = System.nanoTime();
            JsonNode handedOver = frame(customer, "message");
            assertThat(handedOver.get("escalated").asBoolean()).isTrue();

            // Other tests' queue changes may still be arriving: wait for this conversation's.
            JsonNode queued = nextOfType(events, "queue", conversation);
            Duration toQueue = Duration.ofNanos(System.nanoTime() - escalatedAt);
            assertThat(queued.get("change").asString()).isEqualTo("queued");
            assertThat(toQueue).as("time from the escalation to the console's queue").isLessThan(Duration.ofSeconds(2));
            JsonNode entry = waitingHandoffOf(ana, conversation);
            assertThat(entry).as("the conversation in the waiting queue").isNotNull();
            assertThat(entry.get("reasons").toString()).contains("high_frustration");
            String handoff = entry.get("id").asString();

            assertThat(ana.post("/api/v1/handoffs/" + handoff + "/claim", "{}").statusCode()).isEqualTo(200);
            JsonNode joined = frame(customer, "message");
            assertThat(joined.get("role").asString()).isEqualTo("system");
            assertThat(joined.get("content").asString()).contains("Ana").contains("joined the conversation");

            assertThat(ana.post("/api/v1/console/handoffs/" + handoff + "/messages",
                    "{\"content\":\"Hi, I'm Ana. I'm sorry about this, let me look.\"}").statusCode()).isEqualTo(202);
            JsonNode fromAna = frame(customer, "message");
            assertThat(fromAna.get("role").asString()).isEqualTo("human_agent");
            assertThat(fromAna.get("content").asString()).isEqualTo("Hi, I'm Ana. I'm sorry about this, let me look.");

            customer.sendRaw("{\"type\":\"typing\"}");
            customer.sendRaw("{\"type\":\"typing\"}");
            JsonNode typing = nextOfType(events, "typing", conversation);
            assertThat(typing.get("user_id").asString()).isEqualTo("u-1006");
            customer.sendMessage("thanks Ana, the export to PDF fails", "c-2");
            frame(customer, "ack");
            JsonNode seen = nextTurnWith(events, conversation, "thanks Ana, the export to PDF fails");
            assertThat(seen.get("conversation_id").asString()).isEqualTo(conversation);
            JsonNode meanwhile;
            while ((meanwhile = customer.poll(Duration.ofMillis(1500))) != null) {
                assertThat(meanwhile.path("type").asString()).as("the AI stays silent while Ana holds it")
                        .isNotEqualTo("message");
            }

            assertThat(ana.post("/api/v1/handoffs/" + handoff + "/release",
                    "{\"note\":\"Export fix explained\"}").statusCode()).isEqualTo(200);
            JsonNode back = frame(customer, "message");
            assertThat(back.get("content").asString()).contains("back with the virtual assistant")
                    .contains("Export fix explained");

            customer.sendMessage("how do I reset my password?", "c-3");
            JsonNode ai = frame(customer, "message");
            assertThat(ai.get("role").asString()).isEqualTo("ai");
            assertThat(ai.get("intent").asString()).isEqualTo("reset_password");
            assertThat(ai.get("escalated").asBoolean()).isFalse();
        }
    }

    @Test
    void aCustomerWhoNoLongerNeedsThePersonLeavesTheQueueAndNobodyCanClaimIt() throws Exception {
        Console ana = Console.signIn("ana");
        BlockingQueue<JsonNode> events = ana.events();
        assertThat(next(events, "hello").get("type").asString()).isEqualTo("hello");

        try (ChatSocket customer = ChatSocket.open(gateway, "/ws/chat/u-1007")) {
            String conversation = frame(customer, "connected").get("conversation_id").asString();
            customer.sendMessage("I want to talk to a human about my invoice", "w-1");
            assertThat(frame(customer, "message").get("escalated").asBoolean()).isTrue();
            assertThat(nextOfType(events, "queue", conversation).get("change").asString()).isEqualTo("queued");
            JsonNode entry = waitingHandoffOf(ana, conversation);
            assertThat(entry).as("the conversation in the waiting queue").isNotNull();
            String handoff = entry.get("id").asString();

            customer.sendMessage("never mind, I found the invoice myself", "w-2");
            JsonNode left = frame(customer, "message");
            assertThat(left.get("role").asString()).isEqualTo("ai");
            assertThat(left.get("escalated").asBoolean()).isFalse();
            assertThat(left.get("content").asString()).contains("taken you out of the queue");

            JsonNode withdrawn = nextOfType(events, "queue", conversation);
            assertThat(withdrawn.get("change").asString()).isEqualTo("withdrawn");
            assertThat(MAPPER.readTree(ana.get("/api/v1/handoffs/" + handoff).body()).get("status").asString())
                    .isEqualTo("withdrawn");
            assertThat(ana.post("/api/v1/handoffs/" + handoff + "/claim", "{}").statusCode()).isEqualTo(409);

            customer.sendMessage("how do I reset my password?", "w-3");
            JsonNode ai = frame(customer, "message");
            assertThat(ai.get("role").asString()).isEqualTo("ai");
            assertThat(ai.get("intent").asString()).isEqualTo("reset_password");
        }
    }

    @Test
    void ofTwoAgentsClaimingTheSameConversationExactlyOneWinsEveryTime() throws Exception {
        Console ana = Console.signIn("ana");
        Console ben = Console.signIn("ben");
        List<String> handoffs = new ArrayList<>();
        List<ChatSocket> customers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                ChatSocket customer = ChatSocket.open(gateway, "/ws/chat/race-" + i + "-" + System.nanoTime());
                customers.add(customer);
                frame(customer, "connected");
                customer.sendMessage("I want to talk to a human", "c-" + i);
            }
            for (ChatSocket customer : customers) {
                assertThat(frame(customer, "message").get("escalated").asBoolean()).isTrue();
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (handoffs.size() < 50 && System.nanoTime() < deadline) {
                handoffs.clear();
                for (JsonNode waiting : MAPPER.readTree(ana.get("/api/v1/handoffs?status=waiting&limit=200").body())) {
                    if (waiting.get("userId").asString().startsWith("race-")) {
                        handoffs.add(waiting.get("id").asString());
                    }
                }
                Thread.sleep(100);
            }
            assertThat(handoffs).hasSize(50);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<int[]>> races = new ArrayList<>();
                for (String handoff : handoffs) {
                    Callable<Integer> byAna = () -> ana.post("/api/v1/handoffs/" + handoff + "/claim", "{}").statusCode();
                    Callable<Integer> byBen = () -> ben.post("/api/v1/handoffs/" + handoff + "/claim", "{}").statusCode();
                    Future<Integer> a = pool.submit(byAna);
                    Future<Integer> b = pool.submit(byBen);
                    races.add(pool.submit(() -> new int[] {a.get(), b.get()}));
                }
                for (Future<int[]> race : races) {
                    int[] codes = race.get(30, TimeUnit.SECONDS);
                    assertThat(List.of(codes[0], codes[1])).containsExactlyInAnyOrder(200, 409);
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            customers.forEach(ChatSocket::close);
        }
    }

    /** The conversation's handoff in the waiting queue as the console lists it, or null when it is not there. */
    private static JsonNode waitingHandoffOf(Console console, String conversation) throws Exception {
        for (JsonNode waiting : MAPPER.readTree(console.get("/api/v1/handoffs?status=waiting&limit=200").body())) {
            if (conversation.equals(waiting.get("conversationId").asString())) {
                return waiting;
            }
        }
        return null;
    }

    private static JsonNode next(BlockingQueue<JsonNode> events, String type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && type.equals(event.path("type").asString())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event within " + WAIT);
    }

    private static JsonNode nextOfType(BlockingQueue<JsonNode> events, String type, String conversation)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && type.equals(event.path("type").asString())
                    && conversation.equals(event.path("conversation_id").asString())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event for " + conversation + " within " + WAIT);
    }

    private static JsonNode nextTurnWith(BlockingQueue<JsonNode> events, String conversation, String content)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && "turn".equals(event.path("type").asString())
                    && conversation.equals(event.path("conversation_id").asString())) {
                for (JsonNode message : event.path("messages")) {
                    if (content.equals(message.path("content").asString())) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("the console never saw \"" + content + "\"");
    }

    private static JsonNode frame(ChatSocket socket, String type) throws InterruptedException {
        return socket.next(type, WAIT);
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + gateway + path);
    }
}
