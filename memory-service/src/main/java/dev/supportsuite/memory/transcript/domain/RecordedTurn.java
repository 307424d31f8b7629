package dev.supportsuite.memory.transcript.domain;

import dev.supportsuite.memory.profile.domain.ProfileFact;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one {@code ConversationTurnRecordedEvent} changes, stored in one statement: the
 * conversation header, the messages, the ticket ids mentioned and the profile facts learned, and
 * the event id as processed for {@code consumerGroup} (null: not recorded here).
 */
public record RecordedTurn(UUID eventId, String consumerGroup, String conversationId, String userId, boolean escalated, Instant startedAt,
        Instant lastActivityAt, List<StoredMessage> messages, Set<String> ticketIds, List<ProfileFact> facts) {

    public RecordedTurn {
        messages = List.copyOf(messages);
        ticketIds = Set.copyOf(ticketIds);
        facts = List.copyOf(facts);
    }
}
