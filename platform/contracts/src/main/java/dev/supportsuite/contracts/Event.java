package dev.supportsuite.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event record carries. Events evolve additively: a new optional component keeps the
 * schema version, a breaking change is a new type.
 */
public interface Event {

    /** Unique per event; consumers record it to skip redeliveries. */
    UUID eventId();

    /** When the fact happened, in UTC. */
    Instant occurredAt();

    /** Version of this record's JSON shape. */
    int schemaVersion();

    /** The Kafka key: the id of the aggregate the event belongs to. */
    String aggregateId();
}
