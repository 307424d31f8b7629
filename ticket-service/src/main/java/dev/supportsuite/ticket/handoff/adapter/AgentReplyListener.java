package dev.supportsuite.ticket.handoff.adapter;

import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.TurnMessage;
import dev.supportsuite.ticket.handoff.domain.HandoffService;
import reactor.core.publisher.Mono;

/**
 * Reads the transcript events on {@code conversation-events} for the messages human agents send
 * (role {@code human_agent}) and records each in the escalation ticket's history, so the ticket
 * tells who said what to the customer and when. Every other turn is skipped.
 */
public class AgentReplyListener {

    static final String HUMAN_AGENT = "human_agent";

    private final HandoffService handoffs;

    public AgentReplyListener(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    public Mono<Void> handle(ConversationTurnRecordedEvent event) {
        TurnMessage reply = event.reply();
        if (reply == null || !HUMAN_AGENT.equals(reply.role()) || reply.content() == null) {
            return Mono.empty();
        }
        return handoffs.recordAgentReply(event.conversationId(), reply.content(), reply.sentAt());
    }
}
