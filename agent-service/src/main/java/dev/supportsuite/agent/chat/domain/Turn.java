package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Pending;
import java.util.ArrayList;
import java.util.List;

/**
 * One customer message being handled: the conversation so far, the message, what it means, and who
 * sent it.
 *
 * @param key        a stable id of this turn (derived from the inbound event), so a replayed turn repeats
 *                   its tool calls idempotently instead of twice
 * @param passedOver what the agent was waiting for when the message came (the offer of a ticket), which the message
 *                   did not answer and which no longer waits; null when nothing was
 */
public record Turn(ConversationState state, String text, Understanding understood, SupportDesk.Caller caller,
        String key, Pending passedOver) {

    public Turn(ConversationState state, String text, Understanding understood, SupportDesk.Caller caller, String key) {
        this(state, text, understood, caller, key, null);
    }

    /** Whether the customer is verified, so their tickets and account may be read. */
    public boolean verified() {
        return "user".equals(caller.identityType());
    }

    /**
     * What to look up for this message: the message without the courtesies it opens with ("thanks! how do I add
     * a member?"), or for a follow-up that only makes sense after an earlier question ("and for the Business
     * plan?", "what about Jira?"), that question and the follow-up together.
     */
    public String question() {
        String asked = Phrases.withoutCourtesies(text);
        if (!followsUp()) {
            return asked;
        }
        return together(topic(), asked);
    }

    /**
     * Two messages as one text, the first ending a sentence: "my export keeps failing. it says timeout", so a ticket
     * made of the two keeps the first as its subject.
     */
    static String together(String earlier, String later) {
        String first = earlier.strip();
        return first + (first.matches("(?s).*[.!?]$") ? " " : ". ") + later.strip();
    }

    /**
     * Whether the message leans on the one before it: a follow-up ("ok, and for annual plans?"), or more about a
     * problem just reported ("it says timeout after 30 minutes", or a statement taken for the same problem, "we
     * haven't changed anything on our side", after "our webhook stopped firing").
     */
    public boolean followsUp() {
        String asked = Phrases.withoutCourtesies(text);
        List<String> intents = state.recentIntents();
        boolean afterProblem = !intents.isEmpty() && "technical_issue".equals(intents.get(intents.size() - 1));
        boolean moreAboutIt = Phrases.elaborates(asked)
                || understood.is("technical_issue") && Phrases.addsToAProblem(asked);
        return (Phrases.followUp(asked) || afterProblem && moreAboutIt) && !state.recentMessages().isEmpty();
    }

    /**
     * The earlier messages a follow-up leans on, newest first: back to the last one that was no follow-up (or more about
     * a problem) itself, so
     * "and Jira?" after "what about GitHub?" after "do you integrate with Slack?" leans on the Slack question (and
     * on "what about GitHub?" on the way). All recent messages when every one of them was a follow-up; none when this
     * message is no follow-up.
     */
    public List<String> leanedOn() {
        if (!followsUp()) {
            return List.of();
        }
        List<String> earlier = state.recentMessages();
        List<String> chain = new ArrayList<>();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            chain.add(earlier.get(i));
            String message = Phrases.withoutCourtesies(earlier.get(i));
            if (!Phrases.followUp(message) && !Phrases.elaborates(message)) {
                break;
            }
        }
        return chain;
    }

    /**
     * The question a follow-up is about: the last earlier message that was no follow-up itself (the oldest recent one
     * when all were); null when this message is no follow-up.
     */
    public String topic() {
        List<String> chain = leanedOn();
        return chain.isEmpty() ? null : Phrases.withoutCourtesies(chain.get(chain.size() - 1)).strip();
    }

    public Turn withState(ConversationState next) {
        return new Turn(next, text, understood, caller, key, passedOver);
    }

    /** The turn as a message that is no answer to what the agent was waiting for: that no longer waits. */
    public Turn passingOverPending() {
        return state.pending() == null ? this
                : new Turn(state.withPending(null), text, understood, caller, key, state.pending());
    }
}
