package dev.supportsuite.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.gateway.GatewayApplication;
import dev.supportsuite.gateway.security.domain.CallerIdentity;
import dev.supportsuite.gateway.security.domain.Hmac;
import dev.supportsuite.gateway.security.domain.PasswordHasher;
import dev.supportsuite.gateway.security.domain.TokenCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorisation matrix of the edge: every kind of caller against every public route and the
 * chat socket, with dev mode off as in production. Routed services are replaced by a server that
 * echoes the identity headers it receives, so each allowed cell also shows what went downstream.
 */
@ExtendWith(KafkaExtension.class)
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
class EdgeSecurityIT {

    static final String WIDGET_SECRET = "widget-secret-for-tests-0123456789abcdef";
    static final String ADMIN_KEY = "admin-key-for-tests";
    static final String READ_KEY = "sk_read0000000000000000000000000000000000000000";
    static final String CHAT_KEY = "sk_chat0000000000000000000000000000000000000000";
    static final String BARE_KEY = "sk_bare0000000000000000000000000000000000000000";

    private static IdentityEchoServer downstream;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startDownstream() throws Exception {
        downstream = new IdentityEchoServer();
    }

    @AfterAll
    static void stopDownstream() {
        downstream.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        if (downstream == null) {
            downstream = new IdentityEchoServer();
        }
        registry.add("support.kafka.bootstrap-servers", KafkaExtension::bootstrapServers);
        for (String service : List.of("agent-service", "knowledge-service", "ticket-service", "sentiment-service",
                "memory-service")) {
            registry.add("support.gateway.services." + service, downstream::url);
        }
        registry.add("support.gateway.security.dev-mode", () -> "false");
        registry.add("support.gateway.security.widget-secret", () -> WIDGET_SECRET);
        registry.add("support.gateway.security.admin-key-hash", () -> Hmac.sha256Hex(ADMIN_KEY));
        registry.add("support.gateway.security.key-store", () -> "target/edge-security-keys-" + System.nanoTime()
                + ".json");
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("partner-read", READ_KEY + "|tickets:read");
        keys.put("partner-chat", CHAT_KEY + "|chat");
        keys.put("partner-bare", BARE_KEY + "|");
        int i = 0;
        for (Map.Entry<String, String> key : keys.entrySet()) {
            String[] parts = key.getValue().split("\\|", -1);
            String prefix = "support.gateway.security.api-keys[" + i++ + "].";
            registry.add(prefix + "id", key::getKey);
            registry.add(prefix + "key-hash", () -> Hmac.sha256Hex(parts[0]));
            registry.add(prefix + "scopes", () -> parts[1]);
        }
        String hash = PasswordHasher.hash("correct horse");
        registry.add("support.gateway.security.agents[0].username", () -> "ana");
        registry.add("support.gateway.security.agents[0].password-hash", () -> hash);
        registry.add("support.gateway.security.agents[0].display-name", () -> "Ana");
    }

    // ---- identities -----------------------------------------------------------------------

    private String userToken(String userId) throws Exception {
        HttpResponse<String> response = post("/api/v1/widget/sessions", null,
                "{\"user_id\":\"" + userId + "\",\"user_hash\":\"" + Hmac.hex(bytes(WIDGET_SECRET), userId) + "\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.get("identity_type").asString()).isEqualTo("user");
        return body.get("token").asString();
    }

    private String visitorToken() throws Exception {
        HttpResponse<String> response = post("/api/v1/widget/sessions", null, null);
        assertThat(response.statusCode()).isEqualTo(201);
        return MAPPER.readTree(response.body()).get("token").asString();
    }

    private String agentToken() throws Exception {
        HttpResponse<String> response = post("/api/v1/agent/sessions", null,
                "{\"username\":\"ana\",\"password\":\"correct horse\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return MAPPER.readTree(response.body()).get("token").asString();
    }

    private static String expiredToken(String userId) {
        byte[] key = Hmac.sign(bytes(WIDGET_SECRET), "support-suite session tokens v1");
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
        return new TokenCodec(key, Duration.ofHours(1), past).issue(CallerIdentity.user(userId)).token();
    }

    // ---- the matrix -----------------------------------------------------------------------

    @Test
    void eachKindOfCallerReachesExactlyTheRoutesItsRoleAllows() throws Exception {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("visitor", visitorToken());
        callers.put("userA", userToken("user-a"));
        callers.put("partnerRead", READ_KEY);
        callers.put("partnerChat", CHAT_KEY);
        callers.put("partnerBare", BARE_KEY);
        callers.put("agent", agentToken());
        callers.put("admin", ADMIN_KEY);

        record Route(String method, String path, Map<String, Integer> expected) {
        }
        // 200 = reached the routed service; 401 = must authenticate; 403 = identity may not.
        List<Route> routes = List.of(
                new Route("GET", "/api/v1/tickets/TKT-1", Map.of("anonymous", 401, "visitor", 403, "userA", 200,
                        "partnerRead", 200, "partnerChat", 403, "partnerBare", 403, "agent", 200, "admin", 403)),
                new Route("POST", "/api/v1/tickets", Map.of("anonymous", 401, "visitor", 403, "userA", 200,
                        "partnerRead", 403, "partnerChat", 403, "partnerBare", 403, "agent", 200, "admin", 403)),
                new Route("GET", "/api/v1/accounts/user-a", Map.of("anonymous", 401, "visitor", 403, "userA", 200,
                        "partnerRead", 403, "partnerChat", 403, "partnerBare", 403, "agent", 200, "admin", 403)),
                new Route("GET", "/api/v1/handoffs", Map.of("anonymous", 401, "visitor", 403, "userA", 403,
                        "partnerRead", 403, "partnerChat", 403, "partnerBare", 403, "agent", 200, "admin", 403)),
                new Route("GET", "/api/v1/knowledge/search?q=refund", Map.of("anonymous", 200, "visitor", 200,
                        "userA", 200, "partnerRead", 200, "partnerChat", 200, "partnerBare", 200, "agent", 200,
                        "admin", 200)),
                new Route("GET", "/api/v1/knowledge/documents/faq-billing-refund-policy", Map.of("anonymous", 200,
                        "visitor", 200, "userA", 200, "partnerRead", 200, "partnerChat", 200, "partnerBare", 200,
                        "agent", 200, "admin", 200)),
                new Route("POST", "/api/v1/knowledge/documents", Map.of("anonymous", 401, "visitor", 403,
                        "userA", 403, "partnerRead", 403, "partnerChat", 403, "partnerBare", 403, "agent", 200,
                        "admin", 403)),
                new Route("POST", "/api/v1/intents/classify", Map.of("anonymous", 401, "visitor", 200,
                        "userA", 200, "partnerRead", 403, "partnerChat", 200, "partnerBare", 403, "agent", 200,
                        "admin", 403)),
                new Route("PUT", "/api/v1/intents", Map.of("anonymous", 401, "visitor", 403, "userA", 403,
                        "partnerRead", 403, "partnerChat", 403, "partnerBare", 403, "agent", 403, "admin", 200)),
                new Route("GET", "/api/v1/memory/conversations/c1/context", Map.of("anonymous", 401,
                        "visitor", 403, "userA", 200, "partnerRead", 403, "partnerChat", 403, "partnerBare", 403,
                        "agent", 200, "admin", 403)),
                new Route("POST", "/api/v1/sentiment/analyze", Map.of("anonymous", 401, "visitor", 403,
                        "userA", 403, "partnerRead", 403, "partnerChat", 200, "partnerBare", 403, "agent", 200,
                        "admin", 403)),
                // The console is for human agents only; an agent reaches no admin or partner-only route.
                new Route("GET", "/api/v1/console/session", Map.of("anonymous", 401, "visitor", 403, "userA", 403,
                        "partnerRead", 403, "partnerChat", 403, "partnerBare", 403, "agent", 200, "admin", 403)),
                new Route("GET", "/api/v1/console/events", Map.of("anonymous", 401, "visitor", 403, "userA", 403,
                        "partnerRead", 403, "partnerChat", 403, "partnerBare", 403, "agent", 200, "admin", 403)),
                new Route("POST", "/api/v1/admin/api-keys", Map.of("anonymous", 401, "visitor", 403, "userA", 403,
                        "partnerRead", 403, "partnerChat", 403, "partnerBare", 403, "agent", 403, "admin", 400)));

        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                HttpResponse<String> response = route.path().endsWith("/events")
                        ? firstBytes(route.path(), caller.getValue())
                        : send(route.method(), route.path(), caller.getValue(), route.method().equals("GET") ? null
                                : "{}");
                int expected = route.expected().get(caller.getKey());
                if (response.statusCode() != expected) {
                    wrong.add(route.method() + " " + route.path() + " as " + caller.getKey() + ": "
                            + response.statusCode() + " (expected " + expected + ")");
                }
                if (expected != 200) {
                    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theConsoleSessionIsAnHttpOnlyCookieAndItsWritesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> signIn = post("/api/v1/console/session", null,
                "{\"username\":\"ana\",\"password\":\"correct horse\"}");
        assertThat(signIn.statusCode()).isEqualTo(200);
        List<String> cookies = signIn.headers().allValues("Set-Cookie");
        String session = cookies.stream().filter(c -> c.startsWith("support_console=")).findFirst().orElseThrow();
        String csrf = cookies.stream().filter(c -> c.startsWith("support_csrf=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
        assertThat(csrf).doesNotContainIgnoringCase("HttpOnly").contains("SameSite=Strict");
        String sessionValue = session.substring(0, session.indexOf(';'));
        String csrfValue = csrf.substring("support_csrf=".length(), csrf.indexOf(';'));
        String both = sessionValue + "; support_csrf=" + csrfValue;

        HttpResponse<String> me = send("GET", "/api/v1/console/session", null, null, "Cookie", both);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(me.body()).get("agent_id").asString()).isEqualTo("ana");

        HttpResponse<String> forged = send("POST", "/api/v1/handoffs/H-1/claim", null, "{}", "Cookie", both);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(MAPPER.readTree(forged.body()).get("type").asString()).endsWith("/csrf-failed");
        HttpResponse<String> wrongToken = send("POST", "/api/v1/handoffs/H-1/claim", null, "{}", "Cookie", both,
                "X-CSRF-Token", "0".repeat(48));
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        HttpResponse<String> claim = send("POST", "/api/v1/handoffs/H-1/claim", null, "{}", "Cookie", both,
                "X-CSRF-Token", csrfValue);
        assertThat(claim.statusCode()).isEqualTo(200);
        JsonNode seen = MAPPER.readTree(claim.body());
        assertThat(seen.get("type").asString()).isEqualTo("agent");
        assertThat(seen.get("user").asString()).isEqualTo("ana");
        assertThat(seen.get("displayName").asString()).isEqualTo("Ana");

        HttpResponse<String> reply = send("POST", "/api/v1/console/handoffs/H-1/messages", null,
                "{\"content\":\"hello\"}", "Cookie", both, "X-CSRF-Token", csrfValue);
        assertThat(reply.statusCode()).as("a conversation the agent does not hold").isEqualTo(409);

        HttpResponse<String> customerCookie = send("GET", "/api/v1/console/session", null, null, "Cookie",
                "support_console=" + userToken("user-a"));
        assertThat(customerCookie.statusCode()).isEqualTo(403);
        HttpResponse<String> signOut = send("DELETE", "/api/v1/console/session", null, null, "Cookie", both,
                "X-CSRF-Token", csrfValue);
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("Max-Age=0"));
    }

    @Test
    void downstreamSeesOnlyTheVerifiedIdentityNeverForgedHeaders() throws Exception {
        String tokenA = userToken("user-a");
        HttpResponse<String> forgedOverToken = send("GET", "/api/v1/tickets/TKT-1", tokenA, null,
                "X-Support-User-Id", "user-b", "X-Support-Identity-Type", "agent", "X-Support-Display-Name", "Boss");
        JsonNode seen = MAPPER.readTree(forgedOverToken.body());
        assertThat(seen.get("type").asString()).isEqualTo("user");
        assertThat(seen.get("user").asString()).isEqualTo("user-a");
        assertThat(seen.get("headerCount").asInt()).isEqualTo(2);

        HttpResponse<String> forgedAlone = send("GET", "/api/v1/tickets/TKT-1", null, null,
                "X-Support-User-Id", "user-b", "X-Support-Identity-Type", "agent");
        assertThat(forgedAlone.statusCode()).isEqualTo(401);

        HttpResponse<String> anonymousSearch = send("GET", "/api/v1/knowledge/search?q=x", null, null,
                "X-Support-User-Id", "user-b", "X-Support-Identity-Type", "agent");
        assertThat(MAPPER.readTree(anonymousSearch.body()).get("headerCount").asInt()).isZero();

        HttpResponse<String> partner = send("GET", "/api/v1/tickets/TKT-1", READ_KEY, null);
        JsonNode partnerSeen = MAPPER.readTree(partner.body());
        assertThat(partnerSeen.get("type").asString()).isEqualTo("partner");
        assertThat(partnerSeen.get("user").asString()).isEqualTo("partner-read");
        assertThat(partnerSeen.get("scopes").asString()).isEqualTo("tickets:read");
    }

    @Test
    void refusesExpiredTamperedUnknownAndMismatchedCredentials() throws Exception {
        String token = userToken("user-a");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        for (String credential : List.of(expiredToken("user-a"), tampered, "v1.bm9wZQ.bm9wZQ",
                "sk_not_a_real_key", "just-a-string")) {
            HttpResponse<String> response = send("GET", "/api/v1/tickets/TKT-1", credential, null);
            assertThat(response.statusCode()).as(credential).isEqualTo(401);
            assertThat(MAPPER.readTree(response.body()).get("type").asString()).endsWith("/invalid-credentials");
        }
        HttpResponse<String> wrongHash = post("/api/v1/widget/sessions", null,
                "{\"user_id\":\"user-a\",\"user_hash\":\"" + Hmac.hex(bytes(WIDGET_SECRET), "user-b") + "\"}");
        assertThat(wrongHash.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongPassword = post("/api/v1/agent/sessions", null,
                "{\"username\":\"ana\",\"password\":\"wrong\"}");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void adminCreatesPartnerKeysThatWorkAtOnce() throws Exception {
        HttpResponse<String> created = post("/api/v1/admin/api-keys", ADMIN_KEY,
                "{\"id\":\"acme-crm\",\"scopes\":[\"tickets:read\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        String key = MAPPER.readTree(created.body()).get("key").asString();
        assertThat(key).startsWith("sk_");
        assertThat(send("GET", "/api/v1/tickets/TKT-9", key, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/tickets", key, "{}").statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/admin/api-keys", READ_KEY, "{\"id\":\"sneaky\",\"scopes\":[\"chat\"]}")
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/admin/api-keys", ADMIN_KEY, "{\"id\":\"bad-scope\",\"scopes\":[\"root\"]}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theSixtyFirstRequestInAMinuteIsRefusedWithRetryAfter() throws Exception {
        String visitor = visitorToken();
        for (int i = 1; i <= 60; i++) {
            assertThat(send("GET", "/api/v1/knowledge/search?q=x", visitor, null).statusCode()).as("request " + i)
                    .isEqualTo(200);
        }
        HttpResponse<String> limited = send("GET", "/api/v1/knowledge/search?q=x", visitor, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(MAPPER.readTree(limited.body()).get("type").asString()).endsWith("/rate-limited");
        // Another caller has a bucket of its own.
        assertThat(send("GET", "/api/v1/knowledge/search?q=x", visitorToken(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void thePagesOpenWithoutCredentialsAndTheConsoleAnswersWithOrWithoutItsSlash() throws Exception {
        assertThat(send("GET", "/", null, null).body()).contains("/widget/support-widget.js");
        assertThat(send("GET", "/widget/support-widget.js", null, null).statusCode()).isEqualTo(200);
        for (String path : List.of("/console", "/console/")) {
            HttpResponse<String> page = send("GET", path, null, null);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(path).hasValue("/console/index.html");
        }
        assertThat(send("GET", "/console/index.html", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void chatSocketsNeedATokenOfTheirOwnUserAndAtMostFivePerUser() throws Exception {
        String token = userToken("user-ws");
        assertThat(closeCode("/ws/chat/user-ws")).as("no token, dev mode off").isEqualTo(1008);
        assertThat(closeCode("/ws/chat/someone-else?token=" + token)).as("another user's path").isEqualTo(1008);

        List<TestSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                TestSocket socket = connect("/ws/chat/user-ws?token=" + token);
                assertThat(socket.firstFrame.get(10, TimeUnit.SECONDS)).contains("\"connected\"");
                open.add(socket);
            }
            TestSocket sixth = connect("/ws/chat/user-ws?token=" + token);
            assertThat(sixth.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(sixth.closeReason).contains("too many connections");
        } finally {
            open.forEach(socket -> socket.socket.abort());
        }
        // Closing sockets gives the places back.
        Thread.sleep(300);
        TestSocket again = connect("/ws/chat/user-ws?token=" + token);
        assertThat(again.firstFrame.get(10, TimeUnit.SECONDS)).contains("\"connected\"");
        again.socket.abort();
    }

    // ---- plumbing -------------------------------------------------------------------------

    private TestSocket connect(String path) throws Exception {
        return TestSocket.connect(HTTP, port, path);
    }

    private int closeCode(String path) throws Exception {
        return connect(path).closeCode.get(10, TimeUnit.SECONDS);
    }

    /** The status of a streaming response, read from its first bytes (the stream itself never ends). */
    private HttpResponse<String> firstBytes(String path, String credential) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        HttpResponse<java.io.InputStream> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String head;
        try (java.io.InputStream body = response.body()) {
            byte[] buffer = new byte[512];
            int read = body.read(buffer);
            head = read > 0 ? new String(buffer, 0, read, StandardCharsets.UTF_8) : "";
        }
        String text = head;
        return new HttpResponse<>() {
            public int statusCode() {
                return response.statusCode();
            }

            public HttpRequest request() {
                return response.request();
            }

            public java.util.Optional<HttpResponse<String>> previousResponse() {
                return java.util.Optional.empty();
            }

            public java.net.http.HttpHeaders headers() {
                return response.headers();
            }

            public String body() {
                return text;
            }

            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return java.util.Optional.empty();
            }

            public URI uri() {
                return response.uri();
            }

            public HttpClient.Version version() {
                return response.version();
            }
        };
    }

    private HttpResponse<String> post(String path, String credential, String json) throws Exception {
        return send("POST", path, credential, json);
    }

    private HttpResponse<String> send(String method, String path, String credential, String json,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
