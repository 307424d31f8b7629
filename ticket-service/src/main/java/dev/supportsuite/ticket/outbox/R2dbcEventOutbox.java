package dev.supportsuite.ticket.outbox;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.ticket.shared.EventOutbox;
import io.r2dbc.postgresql.codec.Json;
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
        return Mono.fromCallable(() -> mapper.writeValueAsString(event))
                .flatMap(json -> db.sql("insert into outbox (event_id, aggregate_id, topic, event_type, payload) "
                                + "values (:eventId, :aggregateId, :topic, :type, :payload)")
                        .bind("eventId", event.eventId())
                        .bind("aggregateId", event.aggregateId())
                        .bind("topic", topic)
                        .bind("type", event.getClass().getSimpleName())
                        .bind("payload", Json.of(json))
                        .then());
    }
}
