package dev.supportsuite.contracts.conversation;

import java.time.Instant;

/** One message of a turn: who said what, and when. {@code role} is user, ai, human_agent or system. */
public record TurnMessage(String messageId, long seq, String role, String content, Instant sentAt) {
}
