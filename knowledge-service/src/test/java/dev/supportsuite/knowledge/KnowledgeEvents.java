package dev.supportsuite.knowledge;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.knowledge.DocumentIngestedEvent;
import dev.supportsuite.embedded.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code knowledge-events} from the beginning, for assertions on what was published. */
public final class KnowledgeEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper mapper;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public KnowledgeEvents(JsonMapper mapper) {
        this.mapper = mapper;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.KNOWLEDGE_EVENTS));
    }

    /** The events keyed by {@code documentId}, waiting until {@code count} arrived or the timeout passed. */
    public List<DocumentIngestedEvent> forDocument(String documentId, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            if (matching(documentId).size() >= count) {
                break;
            }
        }
        return matching(documentId);
    }

    private List<DocumentIngestedEvent> matching(String documentId) {
        return seen.stream()
                .filter(record -> documentId.equals(record.key()))
                .map(record -> mapper.readValue(record.value(), DocumentIngestedEvent.class))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
