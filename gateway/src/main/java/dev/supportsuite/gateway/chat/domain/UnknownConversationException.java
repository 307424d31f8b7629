package dev.supportsuite.gateway.chat.domain;

/** The conversation does not exist for this caller (it may belong to someone else: we do not say). */
public class UnknownConversationException extends RuntimeException {

    public UnknownConversationException(String conversationId) {
        super("No conversation " + conversationId + " for this caller.");
    }
}
