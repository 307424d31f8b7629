package dev.supportsuite.ticket;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.ServiceInfrastructure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * ticket-service on the shared real Kafka broker and real PostgreSQL of the test JVM, over HTTP on a
 * random port. Subclasses share one application context.
 */
@ExtendWith({KafkaExtension.class, PostgresExtension.class})
@SpringBootTest(classes = TicketServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ticket-service")
public abstract class InfrastructureTestBase {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(ServiceInfrastructure.kafka(KafkaExtension.bootstrapServers()));
        properties.putAll(ServiceInfrastructure.database(PostgresExtension.server(), "ticket"));
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }

    /** A client calling as a signed-in user. */
    protected WebTestClient asUser(String userId) {
        return as("user", userId, null);
    }

    /** A client calling as a human agent from the console. */
    protected WebTestClient asAgent(String agentId) {
        return as("agent", agentId, null);
    }

    protected WebTestClient asPartner(String keyId, String scopes) {
        return as("partner", keyId, scopes);
    }

    protected WebTestClient anonymous() {
        return client().build();
    }

    protected WebTestClient as(String type, String id, String scopes) {
        WebTestClient.Builder builder = client()
                .defaultHeader(IdentityHeaders.TYPE, type)
                .defaultHeader(IdentityHeaders.USER_ID, id);
        if (scopes != null) {
            builder.defaultHeader(IdentityHeaders.SCOPES, scopes);
        }
        return builder.build();
    }

    private WebTestClient.Builder client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30));
    }
}
