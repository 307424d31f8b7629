package dev.supportsuite.knowledge.index.adapter;

import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;

/** The Qdrant adapter against the shared contract, on a Qdrant container; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class QdrantKnowledgeIndexIT extends KnowledgeIndexContract {

    @Container
    static final QdrantContainer QDRANT = new QdrantContainer("qdrant/qdrant:v1.15.5");

    private static QdrantKnowledgeIndex index;

    @BeforeAll
    static void connect() {
        QdrantClient client = new QdrantClient(QdrantGrpcClient.newBuilder(QDRANT.getHost(),
                QDRANT.getMappedPort(6334), false).build());
        index = new QdrantKnowledgeIndex(client, "contract_" + System.nanoTime(), DIMENSIONS, Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
        }
    }

    @Override
    protected KnowledgeIndex index() {
        return index;
    }
}
