package dev.supportsuite.gateway.chat.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The agent's answer to a REST chat call. {@code message}, {@code intent} and {@code escalated} are
 * the seed's contract; the rest is added by v1.
 */
public record ChatResponse(
        String message,
        String intent,
        boolean escalated,
        boolean degraded,
        @JsonProperty("conversation_id") String conversationId,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("reply_to") String replyTo,
        List<CitationView> citations) {
}
