package dev.supportsuite.platform.kafka;

/** Kafka record headers every event carries next to its JSON value. */
public final class EventHeaders {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String SCHEMA_VERSION = "schema-version";
    /** On a dead-letter record: why processing failed. */
    public static final String ERROR = "dlt-error";
    /** On a dead-letter record: the listener group that gave up. */
    public static final String FAILED_GROUP = "dlt-group";

    private EventHeaders() {
    }
}
