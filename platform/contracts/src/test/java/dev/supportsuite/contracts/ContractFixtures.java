package dev.supportsuite.contracts;

import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import dev.supportsuite.contracts.chat.ChatTypingEvent;
import dev.supportsuite.contracts.chat.Citation;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.SentimentSnapshot;
import dev.supportsuite.contracts.conversation.ToolCall;
import dev.supportsuite.contracts.conversation.TurnMessage;
import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.handoff.HandoffReasons;
import dev.supportsuite.contracts.handoff.HandoffReleasedEvent;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import dev.supportsuite.contracts.knowledge.DocumentIngestedEvent;
import dev.supportsuite.contracts.memory.UserDataErasedEvent;
import dev.supportsuite.contracts.ticket.FieldChange;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic, fixed instance of every event type, the source of the golden JSON files. */
final class ContractFixtures {

    private static final Instant AT = Instant.parse("2026-03-14T09:26:53.589Z");
    private static final String CONVERSATION = "conv-7f3c2a9e";

    private ContractFixtures() {
    }

    static List<Event> all() {
        return List.of(chatInbound(), chatOutbound(), chatToken(), chatTyping(), turnRecorded(), handoffRequested(), handoffClaimed(),
                handoffReleased(), handoffWithdrawn(), ticketOpened(), ticketUpdated(), documentIngested(), userDataErased());
    }

    static ChatInboundMessage chatInbound() {
        return new ChatInboundMessage(id(1), AT, 1, CONVERSATION, "msg-0001", 3, "u-1042", "user",
                "How do I get a refund for last month's invoice?", "c-55", "websocket");
    }

    static ChatOutboundMessage chatOutbound() {
        return new ChatOutboundMessage(id(2), AT, 1, CONVERSATION, "msg-0002", "msg-0001", "u-1042", "ai",
                "Refunds for annual plans are prorated; see Billing > Refunds.", "billing_question", false, false,
                List.of(new Citation("doc-billing-refunds", "Refund policy", "Guide > Billing > Refunds")));
    }

    static ChatTokenEvent chatToken() {
        return new ChatTokenEvent(UUID.fromString("00000000-0000-4000-8000-000000000010"), AT, 1, CONVERSATION,
                "msg-0002", "msg-0001", 0, "Refunds for annual ");
    }

    static ChatTypingEvent chatTyping() {
        return new ChatTypingEvent(UUID.fromString("00000000-0000-4000-8000-000000000011"), AT, 1, CONVERSATION,
                "u-1042");
    }

    static ConversationTurnRecordedEvent turnRecorded() {
        return new ConversationTurnRecordedEvent(id(3), AT, 1, CONVERSATION, "u-1042",
                new TurnMessage("msg-0001", 3, "user", "Please open a ticket, the export keeps failing", AT),
                new TurnMessage("msg-0002", 4, "ai", "I opened TKT-01JQ8Z3V for the failing export.", AT),
                "create_ticket", new SentimentSnapshot(-0.42, "negative", 0.35, "stable"),
                List.of(new ToolCall("create_ticket", Map.of("subject", "Export keeps failing"), "TKT-01JQ8Z3V")),
                List.of(), false);
    }

    static HandoffRequestedEvent handoffRequested() {
        return new HandoffRequestedEvent(id(4), AT, 1, "hnd-0009", CONVERSATION, "u-1042",
                List.of(HandoffReasons.HIGH_FRUSTRATION, HandoffReasons.ASKED_FOR_HUMAN),
                "Customer charged twice for March; asked for a person after two answers.", 0.86,
                "I was charged twice for March and want a refund");
    }

    static HandoffClaimedEvent handoffClaimed() {
        return new HandoffClaimedEvent(id(5), AT, 1, "hnd-0009", CONVERSATION, "agent-ana", "Ana");
    }

    static HandoffWithdrawnEvent handoffWithdrawn() {
        return new HandoffWithdrawnEvent(UUID.fromString("00000000-0000-4000-8000-000000000011"), AT, 1, "hnd-0009",
                CONVERSATION, "u-1042", "never mind, the refund came through");
    }

    static HandoffReleasedEvent handoffReleased() {
        return new HandoffReleasedEvent(id(6), AT, 1, "hnd-0009", CONVERSATION, "agent-ana", "returned_to_ai",
                "Refund issued; customer happy to continue with the assistant.");
    }

    static TicketOpenedEvent ticketOpened() {
        return new TicketOpenedEvent(id(7), AT, 1, "TKT-01JQ8Z3V", "u-1042", CONVERSATION, "Export keeps failing",
                "technical", "high", "open");
    }

    static TicketUpdatedEvent ticketUpdated() {
        return new TicketUpdatedEvent(id(8), AT, 1, "TKT-01JQ8Z3V", "u-1042", CONVERSATION, "in_progress",
                "agent-ana", List.of(new FieldChange("status", "open", "in_progress")));
    }

    static DocumentIngestedEvent documentIngested() {
        return new DocumentIngestedEvent(id(9), AT, 1, "doc-billing-refunds", "Refund policy", "billing",
                "sha256:9f2c", 4, "created");
    }

    static UserDataErasedEvent userDataErased() {
        return new UserDataErasedEvent(UUID.fromString("00000000-0000-4000-8000-000000000010"), AT, 1, "u-1042",
                "u-1042", 3, 57);
    }

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-00000000000" + n);
    }
}
