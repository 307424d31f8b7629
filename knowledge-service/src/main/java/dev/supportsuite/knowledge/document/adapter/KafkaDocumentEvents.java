package dev.supportsuite.knowledge.document.adapter;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.knowledge.DocumentIngestedEvent;
import dev.supportsuite.knowledge.document.domain.Document;
import dev.supportsuite.knowledge.document.domain.DocumentChange;
import dev.supportsuite.knowledge.document.domain.DocumentEvents;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Publishes {@link DocumentIngestedEvent}s to {@code knowledge-events}, keyed by document id. */
public class KafkaDocumentEvents implements DocumentEvents {

    private final KafkaEventPublisher publisher;
    private final Clock clock;

    public KafkaDocumentEvents(KafkaEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Mono<Void> publish(Document document, DocumentChange change) {
        DocumentIngestedEvent event = new DocumentIngestedEvent(UUID.randomUUID(), clock.instant(),
                DocumentIngestedEvent.SCHEMA_VERSION, document.id(), document.title(), document.category(),
                document.contentHash(), change == DocumentChange.DELETED ? 0 : document.chunkCount(),
                change.wireName());
        return publisher.publish(Topics.KNOWLEDGE_EVENTS, event);
    }
}
