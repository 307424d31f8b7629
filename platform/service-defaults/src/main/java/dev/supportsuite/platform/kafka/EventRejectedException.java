package dev.supportsuite.platform.kafka;

/**
 * An event its handler can never process, because it breaks a rule rather than meeting a failing
 * dependency (a turn for a conversation that belongs to another user, say). A listener dead-letters it at
 * once instead of retrying it, which would only hold up the events behind it on the partition. Handlers
 * map their domain's refusals to it where the listener is wired, so the domain stays free of Kafka.
 */
public class EventRejectedException extends RuntimeException {

    public EventRejectedException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
