package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.contracts.chat.Citation;
import dev.supportsuite.contracts.conversation.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a turn decided: the reply, what it relied on, what it did, and the conversation state after it.
 *
 * @param route     the route the turn took (for the transcript and tests)
 * @param content   the reply, or null when the agent stays silent (a human holds the conversation)
 * @param handoff   a handoff to request, or null
 * @param withdrawn the id of a handoff the customer takes out of the queue, or null
 */
public record Outcome(String route, String content, boolean escalated, boolean degraded, List<Citation> citations,
        List<ToolCall> toolCalls, Handoff handoff, ConversationState state, String withdrawn) {

    /**
     * A request for a human, with the reason codes and the summary the human reads first.
     *
     * @param topic the customer's issue in their own words, for the ticket's subject; null when they said
     *              nothing but that they want a person
     */
    public record Handoff(String handoffId, List<String> reasons, String summary, double frustration, String topic) {

        public Handoff {
            reasons = List.copyOf(reasons);
        }
    }

    public Outcome {
        citations = List.copyOf(citations);
        toolCalls = List.copyOf(toolCalls);
    }

    public static Outcome say(String route, String content, ConversationState state) {
        return new Outcome(route, content, false, false, List.of(), List.of(), null, state, null);
    }

    public static Outcome silent(String route, ConversationState state) {
        return new Outcome(route, null, state.mode() != dev.supportsuite.agent.conversation.domain.Mode.AI, false,
                List.of(), List.of(), null, state, null);
    }

    public Outcome citing(List<Citation> sources) {
        return new Outcome(route, content, escalated, degraded, sources, toolCalls, handoff, state, withdrawn);
    }

    public Outcome markedDegraded() {
        return new Outcome(route, content, escalated, true, citations, toolCalls, handoff, state, withdrawn);
    }

    public Outcome tool(String name, Map<String, String> arguments, String result) {
        List<ToolCall> calls = new ArrayList<>(toolCalls);
        calls.add(new ToolCall(name, arguments, result));
        return new Outcome(route, content, escalated, degraded, citations, calls, handoff, state, withdrawn);
    }

    /** Records a tool call that happened before the ones already recorded. */
    public Outcome toolBefore(String name, Map<String, String> arguments, String result) {
        List<ToolCall> calls = new ArrayList<>();
        calls.add(new ToolCall(name, arguments, result));
        calls.addAll(toolCalls);
        return new Outcome(route, content, escalated, degraded, citations, calls, handoff, state, withdrawn);
    }

    public Outcome handingOff(Handoff request) {
        return new Outcome(route, content, true, degraded, citations, toolCalls, request, state, withdrawn);
    }

    public Outcome withContent(String text) {
        return new Outcome(route, text, escalated, degraded, citations, toolCalls, handoff, state, withdrawn);
    }

    /** The outcome with a waiting handoff taken out of the queue at the customer's word. */
    public Outcome withdrawing(String handoffId) {
        return new Outcome(route, content, escalated, degraded, citations, toolCalls, handoff, state, handoffId);
    }

    public Outcome withState(ConversationState next) {
        return new Outcome(route, content, escalated, degraded, citations, toolCalls, handoff, next, withdrawn);
    }
}
