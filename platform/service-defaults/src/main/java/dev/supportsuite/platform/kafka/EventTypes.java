package dev.supportsuite.platform.kafka;

import dev.supportsuite.contracts.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event types a listener reads from one topic, looked up by the {@code event-type} header
 * (the record's simple class name, as {@link KafkaEventPublisher} writes it).
 *
 * @param <T> a common supertype of the listed types ({@link Event} itself for mixed topics)
 */
public final class EventTypes<T extends Event> {

    private final Map<String, Class<? extends T>> byName;
    private final Class<? extends T> fallback;

    private EventTypes(Map<String, Class<? extends T>> byName, Class<? extends T> fallback) {
        this.byName = Map.copyOf(byName);
        this.fallback = fallback;
    }

    /** A topic of one type; records without an {@code event-type} header are read as that type too. */
    public static <T extends Event> EventTypes<T> single(Class<T> type) {
        return new EventTypes<>(Map.of(type.getSimpleName(), type), type);
    }

    /** A topic of several types; records of any other type are skipped. */
    @SafeVarargs
    public static EventTypes<Event> of(Class<? extends Event>... types) {
        Map<String, Class<? extends Event>> byName = new LinkedHashMap<>();
        for (Class<? extends Event> type : types) {
            byName.put(type.getSimpleName(), type);
        }
        return new EventTypes<>(byName, null);
    }

    /** The class for a header value, or null when this listener does not read that type. */
    Class<? extends T> resolve(String typeName) {
        if (typeName == null) {
            return fallback;
        }
        return byName.get(typeName);
    }
}
