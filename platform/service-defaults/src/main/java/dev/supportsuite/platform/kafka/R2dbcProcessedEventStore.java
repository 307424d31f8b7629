package dev.supportsuite.platform.kafka;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Processed event ids in the {@code processed_event} table of the service's schema (created by the
 * shared migration {@code db/platform}).
 */
public class R2dbcProcessedEventStore implements ProcessedEventStore {

    private final DatabaseClient db;

    public R2dbcProcessedEventStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> isProcessed(String group, UUID eventId) {
        return db.sql("select 1 from processed_event where consumer_group = :group and event_id = :id")
                .bind("group", group)
                .bind("id", eventId)
                .map(row -> Boolean.TRUE)
                .first()
                .defaultIfEmpty(Boolean.FALSE);
    }

    @Override
    public Mono<Void> markProcessed(String group, UUID eventId) {
        return db.sql("insert into processed_event (consumer_group, event_id) values (:group, :id) "
                        + "on conflict do nothing")
                .bind("group", group)
                .bind("id", eventId)
                .then();
    }
}
