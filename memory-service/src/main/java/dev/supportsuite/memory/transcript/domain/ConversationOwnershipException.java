package dev.supportsuite.memory.transcript.domain;

/** A turn names a user other than the conversation's owner; it is refused (and dead-lettered). */
public class ConversationOwnershipException extends RuntimeException {

    public ConversationOwnershipException(String conversationId) {
        super("Conversation " + conversationId + " belongs to another user; turn refused");
    }
}
