package dev.supportsuite.contracts;

/**
 * Kafka topic names of the suite. Each topic is written by exactly one service and keyed by the
 * aggregate id (conversation, ticket or document), so one aggregate's events stay in order.
 */
public final class Topics {

    /** Customer messages accepted by the gateway, and typing signals; key = conversation id. Written by gateway. */
    public static final String CHAT_INBOUND = "chat-inbound";
    /** Replies for the customer; key = conversation id. Written by agent-service. */
    public static final String CHAT_OUTBOUND = "chat-outbound";
    /** Completed turns for the durable transcript. Written by agent-service. */
    public static final String CONVERSATION_EVENTS = "conversation-events";
    /** Handoff lifecycle between the AI and human agents. */
    public static final String HANDOFF_EVENTS = "handoff-events";
    /** Ticket changes, published through ticket-service's transactional outbox. */
    public static final String TICKET_EVENTS = "ticket-events";
    /** Knowledge base changes. Written by knowledge-service. */
    public static final String KNOWLEDGE_EVENTS = "knowledge-events";
    /** Customer data lifecycle, such as erasure; other services forget the user too. Written by memory-service. */
    public static final String MEMORY_EVENTS = "memory-events";

    private static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    /** The dead-letter topic that receives records of {@code topic} that failed every retry. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic of the suite, for provisioning. */
    public static String[] all() {
        return new String[] {CHAT_INBOUND, CHAT_OUTBOUND, CONVERSATION_EVENTS, HANDOFF_EVENTS,
                TICKET_EVENTS, KNOWLEDGE_EVENTS, MEMORY_EVENTS};
    }
}
