package dev.supportsuite.ticket.handoff.domain;

import java.util.Locale;

/**
 * Where a handoff stands: {@code waiting} in the queue, {@code claimed} by a human agent,
 * {@code released} back to the AI, or {@code resolved} by the human.
 */
public enum HandoffStatus {
    WAITING, CLAIMED, RELEASED, RESOLVED, WITHDRAWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HandoffStatus parse(String value) {
        for (HandoffStatus status : values()) {
            if (status.wire().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a handoff status; allowed: waiting, claimed, "
                + "released, resolved, withdrawn.");
    }
}
