package dev.supportsuite.agent.chat.adapter;

import dev.supportsuite.agent.chat.domain.TurnPublisher;
import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import reactor.core.publisher.Mono;

/**
 * Publishes replies to {@code chat-outbound}, turns to {@code conversation-events} and handoff requests
 * and withdrawals to {@code handoff-events}.
 */
public class KafkaTurnPublisher implements TurnPublisher {

    private final KafkaEventPublisher publisher;

    public KafkaTurnPublisher(KafkaEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Mono<Void> publishReply(ChatOutboundMessage reply) {
        return publisher.publish(Topics.CHAT_OUTBOUND, reply);
    }

    @Override
    public Mono<Void> publishTurn(ConversationTurnRecordedEvent turn) {
        return publisher.publish(Topics.CONVERSATION_EVENTS, turn);
    }

    @Override
    public Mono<Void> publishToken(ChatTokenEvent token) {
        return publisher.publish(Topics.CHAT_OUTBOUND, token);
    }

    @Override
    public Mono<Void> publishHandoff(HandoffRequestedEvent handoff) {
        return publisher.publish(Topics.HANDOFF_EVENTS, handoff);
    }

    @Override
    public Mono<Void> publishWithdrawal(HandoffWithdrawnEvent withdrawal) {
        return publisher.publish(Topics.HANDOFF_EVENTS, withdrawal);
    }
}
