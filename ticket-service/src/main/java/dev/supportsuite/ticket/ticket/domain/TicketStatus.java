package dev.supportsuite.ticket.ticket.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a ticket stands, and which moves are allowed. {@code closed} is final; a resolved ticket can
 * be reopened or closed; the three working states move freely between each other and to resolved or
 * closed. Staying in the same status is not a transition.
 */
public enum TicketStatus {
    OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = new EnumMap<>(TicketStatus.class);

    static {
        NEXT.put(OPEN, EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED));
        NEXT.put(IN_PROGRESS, EnumSet.of(OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED));
        NEXT.put(WAITING_ON_CUSTOMER, EnumSet.of(OPEN, IN_PROGRESS, RESOLVED, CLOSED));
        NEXT.put(RESOLVED, EnumSet.of(OPEN, CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
    }

    /** The wire value, for example {@code in_progress}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The statuses this one may move to. */
    public Set<TicketStatus> next() {
        return Set.copyOf(NEXT.get(this));
    }

    public boolean canMoveTo(TicketStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** Whether the ticket still needs work (not resolved or closed). */
    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS || this == WAITING_ON_CUSTOMER;
    }

    /** Reads a wire value; anything else is an {@link InvalidTicketFieldException}. */
    public static TicketStatus parse(String value) {
        for (TicketStatus status : values()) {
            if (status.wire().equals(value)) {
                return status;
            }
        }
        throw new InvalidTicketFieldException("status", value, allowed());
    }

    static String allowed() {
        return Arrays.stream(values()).map(TicketStatus::wire).collect(Collectors.joining(", "));
    }
}
