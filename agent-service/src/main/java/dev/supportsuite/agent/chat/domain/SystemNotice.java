package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Mode;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.SentimentSnapshot;
import dev.supportsuite.contracts.conversation.TurnMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A {@code system} message on a conversation that no customer message prompted (a human joined, a
 * ticket changed, nobody is free): sent to the customer and recorded in the transcript, with ids
 * derived from {@code source} so a repeat is delivered once.
 */
final class SystemNotice {

    private SystemNotice() {
    }

    static Mono<Void> post(TurnPublisher publisher, UUID source, ConversationState state, String text,
            Instant now) {
        String messageId = "sys-" + TurnService.derived(source, "notice");
        boolean escalated = state.mode() != Mode.AI;
        ChatOutboundMessage message = new ChatOutboundMessage(TurnService.derived(source, "outbound"), now,
                ChatOutboundMessage.SCHEMA_VERSION, state.conversationId(), messageId, null, state.userId(), "system",
                text, null, escalated, false, List.of());
        ConversationTurnRecordedEvent turn = new ConversationTurnRecordedEvent(TurnService.derived(source, "turn"),
                now, ConversationTurnRecordedEvent.SCHEMA_VERSION, state.conversationId(), state.userId(), null,
                new TurnMessage(messageId, state.lastSeq(), "system", text, now), null, SentimentSnapshot.unknown(),
                List.of(), List.of(), escalated);
        return publisher.publishReply(message).then(publisher.publishTurn(turn));
    }
}
