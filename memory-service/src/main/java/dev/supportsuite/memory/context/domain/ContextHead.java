package dev.supportsuite.memory.context.domain;

import dev.supportsuite.memory.profile.domain.ProfileFact;
import dev.supportsuite.memory.summary.domain.Summary;
import dev.supportsuite.memory.transcript.domain.Conversation;
import java.util.List;

/**
 * Everything a context needs besides the messages, read in one query.
 *
 * @param userId       the conversation's owner, or the requested user when the conversation is new
 * @param conversation null when no turn of the conversation was stored yet
 * @param summary      null when the conversation has no summary row
 * @param previous     the user's latest earlier conversation, or null
 */
public record ContextHead(String userId, Conversation conversation, Summary summary, List<ProfileFact> facts,
        PreviousConversation previous) {

    public ContextHead {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }
}
