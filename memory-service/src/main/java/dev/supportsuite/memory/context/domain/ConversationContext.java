package dev.supportsuite.memory.context.domain;

import dev.supportsuite.memory.profile.domain.UserProfile;
import dev.supportsuite.memory.summary.domain.Summary;
import dev.supportsuite.memory.transcript.domain.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the agent knows when it answers a message of a conversation.
 *
 * @param recentMessages       the last {@code MAX_CONVERSATION_HISTORY} messages, oldest first
 * @param unsummarizedMessages messages older than the window that the summary does not cover yet
 *                             (the summary is refreshed every few messages), oldest first
 * @param omittedMessages      messages left out of the two lists above to stay within the token budget
 * @param summary              the rolling summary of older messages, or null
 * @param ticketIds            every ticket id mentioned in the conversation
 * @param estimatedTokens      tokens the included messages take, estimated
 * @param session              session state and the previous conversation
 */
public record ConversationContext(String conversationId, String userId, String status, Instant startedAt,
        Instant lastActivityAt, List<StoredMessage> recentMessages, List<StoredMessage> unsummarizedMessages,
        int omittedMessages, Summary summary, List<String> ticketIds, UserProfile profile, Session session,
        int estimatedTokens) {

    /**
     * @param expired             the conversation has been idle longer than {@code timeout}; the next
     *                            message should start a new conversation
     * @param newConversation     nothing of this conversation is stored yet
     * @param previousConversation the user's latest earlier conversation, or null
     */
    public record Session(boolean expired, boolean newConversation, Duration timeout,
            PreviousConversation previousConversation) {
    }
}
