package dev.supportsuite.ticket.handoff.domain;

import dev.supportsuite.contracts.handoff.HandoffReasons;
import dev.supportsuite.ticket.ticket.domain.TicketPriority;
import java.util.List;

/**
 * The priority of an escalation ticket from the handoff's reasons: high frustration and a policy case (the
 * agent raises it for a security incident in progress, and tells the customer it is urgent) are urgent; an
 * explicit ask for a human or a declining mood is high; no answer is medium. A very
 * frustrated customer (at or above {@link #URGENT_FRUSTRATION}) is urgent whatever the reason.
 */
public final class HandoffPriorities {

    /** Frustration (0..1) from which a handoff is urgent. */
    public static final double URGENT_FRUSTRATION = 0.85;

    private HandoffPriorities() {
    }

    public static TicketPriority of(List<String> reasons, double frustration) {
        TicketPriority priority = TicketPriority.MEDIUM;
        for (String reason : reasons) {
            priority = TicketPriority.max(priority, of(reason));
        }
        return frustration >= URGENT_FRUSTRATION ? TicketPriority.URGENT : priority;
    }

    private static TicketPriority of(String reason) {
        return switch (reason) {
            case HandoffReasons.HIGH_FRUSTRATION, HandoffReasons.POLICY -> TicketPriority.URGENT;
            case HandoffReasons.ASKED_FOR_HUMAN, HandoffReasons.DECLINING_TREND -> TicketPriority.HIGH;
            case HandoffReasons.NO_ANSWER -> TicketPriority.MEDIUM;
            default -> TicketPriority.MEDIUM;
        };
    }
}
