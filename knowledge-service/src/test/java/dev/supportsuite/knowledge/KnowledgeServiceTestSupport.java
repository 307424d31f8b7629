package dev.supportsuite.knowledge;

import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.ServiceInfrastructure;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole knowledge-service on a real Kafka broker and a real PostgreSQL, with its index and
 * import directory under {@code target}. Every IT extends this so they share one context.
 */
@ExtendWith({KafkaExtension.class, PostgresExtension.class})
@SpringBootTest(classes = KnowledgeServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=knowledge-service", "support.knowledge.import-on-startup=false",
                "support.knowledge.job-threshold-chars=5000", "support.knowledge.max-upload-size=64KB"})
@AutoConfigureWebTestClient(timeout = "60s")
public abstract class KnowledgeServiceTestSupport {

    /** Per test JVM, so repeated runs never share an index. */
    protected static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "knowledge-it-" + UUID.randomUUID());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(ServiceInfrastructure.kafka(KafkaExtension.bootstrapServers()));
        properties.putAll(ServiceInfrastructure.database(PostgresExtension.server(), "knowledge"));
        properties.put("support.knowledge.index-dir", WORK.resolve("index").toString());
        properties.put("support.knowledge.import-dir", WORK.resolve("knowledge_base").toString());
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }
}
