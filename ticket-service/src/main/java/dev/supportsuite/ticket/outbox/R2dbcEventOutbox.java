package dev.supportsuite.ticket.outbox;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.ticket.shared.EventOutbox;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes events into the {@code outbox} table on the connection of the current transaction. */
public class R2dbcEventOutbox implements EventOutbox {

    private final DatabaseClient db;
    private final JsonMapper mapper;

    public R2dbcEventOutbox(DatabaseClient db, JsonMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> append(String topic, Event event) {
        return Mono.fromCallable(() -> OutboxRow.of(topic, event, mapper))
                .flatMap(row -> db.sql("insert into outbox (" + OutboxRow.COLUMNS + ") "
                                + "values (:eventId, :aggregateId, :topic, :type, :payload)")
                        .bind("eventId", row.eventId())
                        .bind("aggregateId", row.aggregateId())
                        .bind("topic", row.topic())
                        .bind("type", row.eventType())
                        .bind("payload", row.payload())
                        .then());
    }
}
