package dev.supportsuite.ticket.outbox;

import dev.supportsuite.contracts.Event;
import io.r2dbc.postgresql.codec.Json;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values of one {@code outbox} row, so that every writer (the plain outbox and statements that
 * write a change and its event together) stores events the same way and the relay can read them back.
 *
 * @param eventId     the event's id, unique in the table
 * @param aggregateId the Kafka key
 * @param topic       where the relay publishes it
 * @param eventType   the simple class name the relay maps back to a type
 * @param payload     the event as JSON
 */
public record OutboxRow(UUID eventId, String aggregateId, String topic, String eventType, Json payload) {

    /** The outbox columns these values go into, in component order. */
    public static final String COLUMNS = "event_id, aggregate_id, topic, event_type, payload";

    /** Serialises {@code event} for {@code topic}; cheap enough to run on an event loop (a small record). */
    public static OutboxRow of(String topic, Event event, JsonMapper mapper) {
        return new OutboxRow(event.eventId(), event.aggregateId(), topic, event.getClass().getSimpleName(),
                Json.of(mapper.writeValueAsString(event)));
    }
}
