package dev.supportsuite.memory.transcript.domain;

import dev.supportsuite.contracts.chat.Citation;
import dev.supportsuite.contracts.conversation.SentimentSnapshot;
import dev.supportsuite.contracts.conversation.ToolCall;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One message of a transcript as memory-service keeps it.
 *
 * @param messageId      the id the gateway or agent gave the message; stored once
 * @param conversationId the conversation it belongs to
 * @param seq            the per-conversation sequence number
 * @param role           user, ai, human_agent or system
 * @param content        the text
 * @param intent         the intent of the turn, if classified
 * @param sentiment      the customer's mood for a customer message, else null
 * @param citations      knowledge entries a reply relied on
 * @param toolCalls      tools the agent ran for a reply
 * @param sentAt         when the message was sent
 */
public record StoredMessage(String messageId, String conversationId, long seq, String role, String content,
        String intent, SentimentSnapshot sentiment, List<Citation> citations, List<ToolCall> toolCalls,
        Instant sentAt) {

    /** Transcript order: sequence, then the customer before the reply of the same turn, then time, then id. */
    public static final Comparator<StoredMessage> ORDER = Comparator.comparingLong(StoredMessage::seq)
            .thenComparingInt(StoredMessage::roleRank)
            .thenComparing(StoredMessage::sentAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StoredMessage::messageId);

    public StoredMessage {
        citations = citations == null ? List.of() : List.copyOf(citations);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** Rank of the role within one sequence number. */
    public int roleRank() {
        return rankOf(role);
    }

    /**
     * The customer speaks first in a turn, then the AI's reply; a human agent's messages and system notes
     * (which carry the sequence number of the last customer message) follow in the order they were sent.
     */
    public static int rankOf(String role) {
        if (role == null) {
            return 3;
        }
        return switch (role) {
            case "user" -> 0;
            case "ai" -> 1;
            case "human_agent", "system" -> 2;
            default -> 3;
        };
    }

    public boolean fromCustomer() {
        return "user".equals(role);
    }
}
