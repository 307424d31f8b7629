package dev.supportsuite.memory.transcript.domain;

/** No such conversation, or not one the caller may see (both answer 404 so ids leak nothing). */
public class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException(String conversationId) {
        super("Conversation " + conversationId + " not found");
    }
}
