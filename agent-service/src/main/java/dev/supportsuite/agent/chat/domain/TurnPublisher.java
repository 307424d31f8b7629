package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import reactor.core.publisher.Mono;

/** Where a turn's results go: the reply to the customer, the turn to the transcript, handoffs to the queue. */
public interface TurnPublisher {

    Mono<Void> publishReply(ChatOutboundMessage reply);

    Mono<Void> publishTurn(ConversationTurnRecordedEvent turn);

    Mono<Void> publishHandoff(HandoffRequestedEvent handoff);

    /** The customer no longer wants the person they were waiting for. */
    Mono<Void> publishWithdrawal(HandoffWithdrawnEvent withdrawal);

    /** A chunk of a reply a language model is still writing. */
    Mono<Void> publishToken(ChatTokenEvent token);
}
