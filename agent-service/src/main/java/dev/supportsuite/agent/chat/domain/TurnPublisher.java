package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import reactor.core.publisher.Mono;

/** Where a turn's results go: the reply to the customer and the turn to the transcript. */
public interface TurnPublisher {

    Mono<Void> publishReply(ChatOutboundMessage reply);

    Mono<Void> publishTurn(ConversationTurnRecordedEvent turn);
}
