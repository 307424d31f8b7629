package dev.supportsuite.ticket.ticket.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How urgent a ticket is; {@link #rank()} orders the handoff queue (higher first). */
public enum TicketPriority {
    LOW, MEDIUM, HIGH, URGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 1 for low up to 4 for urgent. */
    public int rank() {
        return ordinal() + 1;
    }

    public static TicketPriority parse(String value) {
        for (TicketPriority priority : values()) {
            if (priority.wire().equals(value)) {
                return priority;
            }
        }
        throw new InvalidTicketFieldException("priority", value,
                Arrays.stream(values()).map(TicketPriority::wire).collect(Collectors.joining(", ")));
    }

    public static TicketPriority max(TicketPriority a, TicketPriority b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
