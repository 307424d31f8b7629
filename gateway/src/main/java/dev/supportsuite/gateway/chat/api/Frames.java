package dev.supportsuite.gateway.chat.api;

import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.gateway.chat.domain.ConversationLog;
import java.util.List;

/**
 * Server frames of the chat WebSocket protocol. Every frame is a JSON object with a {@code type};
 * field names are snake_case on the wire.
 */
final class Frames {

    private Frames() {
    }

    record Connected(String type, String conversationId, String userId) {
        Connected(String conversationId, String userId) {
            this("connected", conversationId, userId);
        }
    }

    record Ack(String type, String clientMessageId, String messageId, long seq) {
        Ack(String clientMessageId, String messageId, long seq) {
            this("ack", clientMessageId, messageId, seq);
        }
    }

    record Message(String type, String messageId, long seq, String replyTo, String role, String content,
            String intent, boolean escalated, boolean degraded, List<CitationView> citations) {
    }

    /** A chunk of a reply still being written; the {@code message} with the same id replaces the chunks. */
    record Token(String type, String messageId, long seq, String replyTo, int index, String text) {
    }

    /** The frame for whatever was sequenced: a message or a draft chunk. */
    static Object of(ConversationLog.Sequenced sequenced) {
        if (sequenced.token() != null) {
            return new Token("token", sequenced.token().messageId(), sequenced.seq(), sequenced.token().replyTo(),
                    sequenced.token().index(), sequenced.token().text());
        }
        return message(sequenced);
    }

    static Message message(ConversationLog.Sequenced sequenced) {
        ChatOutboundMessage reply = sequenced.message();
        return new Message("message", reply.messageId(), sequenced.seq(), reply.replyTo(), reply.role(),
                reply.content(), reply.intent(), reply.escalated(), reply.degraded(),
                CitationView.of(reply.citations()));
    }

    record Pong(String type) {
        Pong() {
            this("pong");
        }
    }

    record Error(String type, String code, String message) {
        Error(String code, String message) {
            this("error", code, message);
        }
    }
}
