package dev.supportsuite.memory.erasure;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.memory.UserDataErasedEvent;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Erases a user's transcripts, summaries and profile, then announces it on {@code memory-events}
 * so other services forget the user too. Erasing is idempotent: when publishing fails the request
 * fails, and repeating it deletes nothing more but publishes again.
 */
@org.springframework.stereotype.Service
class ErasureService {

    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

    private final R2dbcErasureRepository repository;
    private final KafkaEventPublisher publisher;
    private final Clock clock;

    ErasureService(R2dbcErasureRepository repository, KafkaEventPublisher publisher, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.clock = clock;
    }

    Mono<ErasureResult> erase(String userId, String requestedBy) {
        return repository.erase(userId)
                .flatMap(result -> publisher.publish(Topics.MEMORY_EVENTS, new UserDataErasedEvent(UUID.randomUUID(),
                                clock.instant(), UserDataErasedEvent.SCHEMA_VERSION, userId, requestedBy,
                                result.conversationsErased(), result.messagesErased()))
                        .thenReturn(result))
                .doOnSuccess(result -> log.info("Erased userId={} conversations={} messages={} facts={}", userId,
                        result.conversationsErased(), result.messagesErased(), result.factsErased()));
    }
}
