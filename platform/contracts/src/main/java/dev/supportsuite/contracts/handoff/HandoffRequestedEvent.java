package dev.supportsuite.contracts.handoff;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The agent hands a conversation to a human. {@code reasons} holds {@link HandoffReasons} codes and
 * {@code summary} is what the human reads first; both are internal and never shown to the customer.
 * {@code topic} is the customer's issue in their own words as the agent sums it up (for example "I
 * was charged twice for November and want a refund"); it may be shown to the customer, for example as
 * the subject of their ticket. It is null when the agent could not tell the issue, and in events of
 * producers that predate it.
 *
 * <p>{@code topic} was added as an optional last component, so {@link #SCHEMA_VERSION} stayed 1: an
 * event without it reads with a null topic, and a consumer that does not know it ignores it.
 */
public record HandoffRequestedEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String handoffId,
        String conversationId,
        String userId,
        List<String> reasons,
        String summary,
        double frustration,
        String topic) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public HandoffRequestedEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** An event without a topic, for producers that do not sum up the customer's issue. */
    public HandoffRequestedEvent(UUID eventId, Instant occurredAt, int schemaVersion, String handoffId,
            String conversationId, String userId, List<String> reasons, String summary, double frustration) {
        this(eventId, occurredAt, schemaVersion, handoffId, conversationId, userId, reasons, summary, frustration,
                null);
    }

    @Override
    public String aggregateId() {
        return conversationId;
    }
}
