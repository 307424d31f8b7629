package dev.supportsuite.agent.conversation.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A multi-turn action waiting for the customer's next message: what the agent asked and the values
 * (slots) it has collected so far.
 *
 * @param step  what the agent is waiting for, one of the constants below
 * @param slots collected values, for example {@code subject} and {@code description} of a ticket
 */
public record Pending(String step, Map<String, String> slots) {

    /** A new ticket: waiting for the customer to describe the problem. */
    public static final String TICKET_DESCRIBE = "create_ticket.describe";
    /** A new ticket: waiting for a yes or no to the summary the agent read back. */
    public static final String TICKET_CONFIRM = "create_ticket.confirm";
    /** A ticket update: waiting for the ticket id. */
    public static final String UPDATE_WHICH = "update_ticket.which";
    /** A ticket update: waiting for what to add to the ticket. */
    public static final String UPDATE_WHAT = "update_ticket.what";
    /** The agent offered a ticket or a person (after a miss or a complaint). */
    public static final String OFFER_HELP = "offer_help";
    /** Nobody was free within the wait: the customer was offered a ticket with an e-mail follow-up. */
    public static final String NO_HUMAN_OFFER = "no_human.offer";
    /** A human resolved the case: waiting for a rating from 1 to 5. */
    public static final String RATING = "rating";

    public Pending {
        slots = slots == null ? Map.of() : Map.copyOf(slots);
    }

    public static Pending of(String step) {
        return new Pending(step, Map.of());
    }

    /** The offer of a ticket or a person about {@code question}, which becomes the ticket's description. */
    public static Pending offerHelp(String question) {
        return of(OFFER_HELP).with("question", question.strip());
    }

    public String slot(String name) {
        return slots.get(name);
    }

    public Pending with(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(slots);
        if (value == null) {
            next.remove(name);
        } else {
            next.put(name, value);
        }
        return new Pending(step, next);
    }

    public Pending at(String nextStep) {
        return new Pending(nextStep, slots);
    }
}
