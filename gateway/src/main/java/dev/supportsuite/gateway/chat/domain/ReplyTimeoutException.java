package dev.supportsuite.gateway.chat.domain;

/** The agent did not answer a REST chat call in time; the message itself was accepted and will be answered. */
public class ReplyTimeoutException extends RuntimeException {

    public ReplyTimeoutException(String messageId) {
        super("No reply to message " + messageId + " yet; it was accepted and stays in the conversation.");
    }
}
