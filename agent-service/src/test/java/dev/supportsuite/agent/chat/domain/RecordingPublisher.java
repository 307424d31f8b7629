package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** Keeps what a turn published, in order. */
final class RecordingPublisher implements TurnPublisher {

    final List<ChatOutboundMessage> replies = new CopyOnWriteArrayList<>();
    final List<ConversationTurnRecordedEvent> turns = new CopyOnWriteArrayList<>();
    final List<HandoffRequestedEvent> handoffs = new CopyOnWriteArrayList<>();
    final List<HandoffWithdrawnEvent> withdrawals = new CopyOnWriteArrayList<>();
    final List<ChatTokenEvent> tokens = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> publishToken(ChatTokenEvent token) {
        return Mono.fromRunnable(() -> tokens.add(token));
    }

    @Override
    public Mono<Void> publishReply(ChatOutboundMessage reply) {
        return Mono.fromRunnable(() -> replies.add(reply));
    }

    @Override
    public Mono<Void> publishTurn(ConversationTurnRecordedEvent turn) {
        return Mono.fromRunnable(() -> turns.add(turn));
    }

    @Override
    public Mono<Void> publishHandoff(HandoffRequestedEvent handoff) {
        return Mono.fromRunnable(() -> handoffs.add(handoff));
    }

    @Override
    public Mono<Void> publishWithdrawal(HandoffWithdrawnEvent withdrawal) {
        return Mono.fromRunnable(() -> withdrawals.add(withdrawal));
    }

    ChatOutboundMessage lastReply() {
        return replies.get(replies.size() - 1);
    }
}
