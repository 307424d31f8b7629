package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import java.util.List;

/**
 * One customer message being handled: the conversation so far, the message, what it means, and who
 * sent it.
 *
 * @param key a stable id of this turn (derived from the inbound event), so a replayed turn repeats
 *            its tool calls idempotently instead of twice
 */
public record Turn(ConversationState state, String text, Understanding understood, SupportDesk.Caller caller,
        String key) {

    /** Whether the customer is verified, so their tickets and account may be read. */
    public boolean verified() {
        return "user".equals(caller.identityType());
    }

    /**
     * What to look up for this message: the message without the courtesies it opens with ("thanks! how do I add
     * a member?"), or for a follow-up that only makes sense after the previous one ("and for the Business
     * plan?", "what about Jira?"), the two together.
     */
    public String question() {
        String asked = Phrases.withoutCourtesies(text);
        List<String> earlier = state.recentMessages();
        return followsUp() ? earlier.get(earlier.size() - 1) + " " + asked.strip() : asked;
    }

    /** Whether the message leans on the one before it ("ok, and for annual plans?"). */
    public boolean followsUp() {
        return Phrases.followUp(Phrases.withoutCourtesies(text)) && !state.recentMessages().isEmpty();
    }

    public Turn withState(ConversationState next) {
        return new Turn(next, text, understood, caller, key);
    }
}
