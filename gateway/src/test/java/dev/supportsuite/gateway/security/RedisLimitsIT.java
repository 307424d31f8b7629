package dev.supportsuite.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.gateway.GatewayApplication;
import dev.supportsuite.gateway.security.adapter.InMemoryConnectionLimiter;
import dev.supportsuite.gateway.security.adapter.InMemoryRequestLimiter;
import dev.supportsuite.gateway.security.adapter.RedisConnectionLimiter;
import dev.supportsuite.gateway.security.adapter.RedisLimitStore;
import dev.supportsuite.gateway.security.adapter.RedisOutage;
import dev.supportsuite.gateway.security.adapter.RedisRequestLimiter;
import dev.supportsuite.gateway.security.adapter.RedisServerExtension;
import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import dev.supportsuite.gateway.security.domain.Hmac;
import dev.supportsuite.gateway.security.domain.RequestLimiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway with {@code SUPPORT_REDIS_URL} set, next to a second gateway (the limiters built on the
 * same Redis in this test): HTTP requests and chat sockets count against one shared limit, so the 61st
 * request in a minute gets 429 and the 6th socket of a user is closed with 1008, wherever the others
 * were counted.
 */
@ExtendWith(KafkaExtension.class)
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
class RedisLimitsIT {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    static final String WIDGET_SECRET = "widget-secret-for-tests-0123456789abcdef";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static IdentityEchoServer downstream;
    private static RedisLimitStore otherGatewayStore;
    private static RequestLimiter otherGatewayRequests;
    private static ConnectionLimiter otherGatewayConnections;

    @LocalServerPort
    int port;

    @Autowired
    RequestLimiter requestLimiter;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        downstream = new IdentityEchoServer();
        registry.add("support.kafka.bootstrap-servers", KafkaExtension::bootstrapServers);
        registry.add("support.gateway.services.knowledge-service", downstream::url);
        registry.add("support.gateway.security.dev-mode", () -> "false");
        registry.add("support.gateway.security.widget-secret", () -> WIDGET_SECRET);
        registry.add("support.gateway.security.key-store", () -> "target/redis-limits-keys-" + System.nanoTime()
                + ".json");
        registry.add("support.gateway.limits.redis.url", () -> {
            try {
                // Without redis-server every test here is skipped; the context must still start.
                return RedisServerExtension.available() ? redis.url() : "";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @BeforeAll
    static void startOtherGateway() throws Exception {
        if (!RedisServerExtension.available()) {
            return;
        }
        otherGatewayStore = new RedisLimitStore(redis.url(), Duration.ofMillis(250));
        RedisOutage outage = new RedisOutage(MINUTE, System::nanoTime);
        otherGatewayRequests = new RedisRequestLimiter(otherGatewayStore, 60, MINUTE,
                new InMemoryRequestLimiter(60, MINUTE, System::nanoTime), outage);
        otherGatewayConnections = new RedisConnectionLimiter(otherGatewayStore, Duration.ofSeconds(30),
                new InMemoryConnectionLimiter(5), outage);
    }

    @AfterAll
    static void stopOtherGateway() {
        if (otherGatewayStore != null) {
            otherGatewayStore.close();
        }
        downstream.close();
    }

    @Test
    void theGatewayCountsInRedis() {
        assertThat(requestLimiter).isInstanceOf(RedisRequestLimiter.class);
    }

    @Test
    void theSixtyFirstRequestInAMinuteAcrossGatewaysGets429WithRetryAfter() throws Exception {
        JsonNode session = MAPPER.readTree(post("/api/v1/widget/sessions", null).body());
        String token = session.get("token").asString();
        String limitKey = "visitor:" + session.get("user_id").asString();
        for (int i = 1; i <= 30; i++) {
            assertThat(otherGatewayRequests.tryAcquire(limitKey).block(Duration.ofSeconds(5)).allowed()).isTrue();
        }
        for (int i = 31; i <= 60; i++) {
            assertThat(get("/api/v1/knowledge/search?q=x", token).statusCode()).as("request " + i).isEqualTo(200);
        }

        HttpResponse<String> limited = get("/api/v1/knowledge/search?q=x", token);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(50, 60));
        assertThat(MAPPER.readTree(limited.body()).get("type").asString()).endsWith("/rate-limited");
        assertThat(otherGatewayRequests.tryAcquire(limitKey).block(Duration.ofSeconds(5)).allowed())
                .as("and the other gateway refuses it too").isFalse();
    }

    @Test
    void theSixthSocketOfAUserAcrossGatewaysIsClosedWith1008() throws Exception {
        String token = userToken("user-shared");
        List<ConnectionLimiter.Permit> elsewhere = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ConnectionLimiter.Permit permit = otherGatewayConnections.tryOpen("user:user-shared")
                    .block(Duration.ofSeconds(5));
            assertThat(permit.admitted()).isTrue();
            elsewhere.add(permit);
        }
        List<TestSocket> open = new ArrayList<>();
        try {
            for (int i = 3; i <= 5; i++) {
                TestSocket socket = connect("/ws/chat/user-shared?token=" + token);
                assertThat(socket.firstFrame.get(10, TimeUnit.SECONDS)).as("socket " + i).contains("\"connected\"");
                open.add(socket);
            }
            TestSocket sixth = connect("/ws/chat/user-shared?token=" + token);
            assertThat(sixth.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(sixth.closeReason).contains("too many connections");

            elsewhere.get(0).release().block(Duration.ofSeconds(5));
            TestSocket again = connect("/ws/chat/user-shared?token=" + token);
            assertThat(again.firstFrame.get(10, TimeUnit.SECONDS)).as("a place freed on the other gateway")
                    .contains("\"connected\"");
            open.add(again);
        } finally {
            open.forEach(socket -> socket.socket.abort());
        }
    }

    // ---- plumbing -------------------------------------------------------------------------

    private String userToken(String userId) throws Exception {
        HttpResponse<String> response = post("/api/v1/widget/sessions", "{\"user_id\":\"" + userId
                + "\",\"user_hash\":\"" + Hmac.hex(WIDGET_SECRET.getBytes(StandardCharsets.UTF_8), userId) + "\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return MAPPER.readTree(response.body()).get("token").asString();
    }

    private TestSocket connect(String path) throws Exception {
        return TestSocket.connect(HTTP, port, path);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
