package dev.supportsuite.agent.chat.domain;

/** Where a customer message goes. */
public enum Route {
    /** To a human now (frustration, an explicit ask, a declining trend, repeated misses). */
    HANDOFF,
    /** The answer to a question the agent asked in the previous turn. */
    CONTINUE,
    /** Outside what support covers: say so and offer the ways we can help. */
    OUT_OF_SCOPE,
    /** Greeting, thanks, goodbye: answered directly. */
    DIRECT,
    CREATE_TICKET,
    TICKET_STATUS,
    UPDATE_TICKET,
    ACCOUNT,
    /** A complaint on a worsening conversation: apologise, offer a person or a ticket. */
    COMPLAINT,
    /** A question for the knowledge base. */
    KNOWLEDGE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
