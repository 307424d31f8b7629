package dev.supportsuite.memory.summary.domain;

import dev.supportsuite.memory.transcript.domain.StoredMessage;

/** Position of a message in a transcript, as far as a summary needs it: the last message it covers. */
public record MessageKey(long seq, int roleRank, String messageId) {

    public static MessageKey of(StoredMessage message) {
        return new MessageKey(message.seq(), message.roleRank(), message.messageId());
    }

    /** Whether {@code message} comes at or before this position. */
    public boolean covers(StoredMessage message) {
        if (message.seq() != seq) {
            return message.seq() < seq;
        }
        if (message.roleRank() != roleRank) {
            return message.roleRank() < roleRank;
        }
        return message.messageId().compareTo(messageId) <= 0;
    }
}
