package dev.supportsuite.gateway.chat.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The seed's {@code POST /chat} body, also accepted by {@code POST /api/v1/chat}.
 *
 * @param content        the customer's message
 * @param sessionId      the seed's session id: messages with the same one form one conversation
 * @param conversationId the conversation to continue (v1); when absent the session id decides
 */
public record ChatRequest(
        @Schema(example = "How do I reset my password?") @NotBlank @Size(max = 4096) String content,
        @JsonProperty("session_id") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}") String sessionId,
        @JsonProperty("conversation_id") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
        String conversationId) {
}
