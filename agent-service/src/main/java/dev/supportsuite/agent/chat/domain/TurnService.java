package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.SentimentSnapshot;
import dev.supportsuite.contracts.conversation.TurnMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * One turn: answer a customer message and record the turn. Ids of what a turn publishes derive
 * from the inbound event id, so a turn replayed after a crash republishes the same ids and
 * downstream deduplication drops the copies: a customer never sees one message answered twice.
 */
public final class TurnService {

    private final Responder responder;
    private final TurnPublisher publisher;
    private final Clock clock;

    public TurnService(Responder responder, TurnPublisher publisher, Clock clock) {
        this.responder = responder;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Mono<Void> handle(ChatInboundMessage inbound) {
        return responder.reply(inbound.conversationId(), inbound.userId(), inbound.content())
                .flatMap(reply -> {
                    Instant now = clock.instant();
                    ChatOutboundMessage outbound = new ChatOutboundMessage(derived(inbound.eventId(), "reply"), now,
                            ChatOutboundMessage.SCHEMA_VERSION, inbound.conversationId(),
                            "reply-" + inbound.messageId(), inbound.messageId(), inbound.userId(), "ai",
                            reply.content(), reply.intent(), reply.escalated(), reply.degraded(), reply.citations());
                    ConversationTurnRecordedEvent turn = new ConversationTurnRecordedEvent(
                            derived(inbound.eventId(), "turn"), now, ConversationTurnRecordedEvent.SCHEMA_VERSION,
                            inbound.conversationId(), inbound.userId(),
                            new TurnMessage(inbound.messageId(), inbound.seq(), "user", inbound.content(),
                                    inbound.occurredAt()),
                            new TurnMessage(outbound.messageId(), inbound.seq(), "ai", reply.content(), now),
                            reply.intent(), SentimentSnapshot.unknown(), List.of(), reply.citations(), reply.escalated());
                    return publisher.publishReply(outbound).then(publisher.publishTurn(turn));
                });
    }

    static UUID derived(UUID source, String purpose) {
        return UUID.nameUUIDFromBytes((source + "/" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
