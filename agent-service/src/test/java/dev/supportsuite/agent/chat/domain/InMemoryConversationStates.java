package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.ConversationStateRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Conversation states in a map, with the same version check as the PostgreSQL repository. */
final class InMemoryConversationStates implements ConversationStateRepository {

    final Map<String, ConversationState> rows = new ConcurrentHashMap<>();

    @Override
    public Mono<ConversationState> find(String conversationId) {
        return Mono.justOrEmpty(rows.get(conversationId));
    }

    @Override
    public synchronized Mono<ConversationState> save(ConversationState state) {
        ConversationState current = rows.get(state.conversationId());
        long storedVersion = current == null ? 0 : current.version();
        if (storedVersion != state.version()) {
            return Mono.empty();
        }
        ConversationState saved = state.savedOnce();
        rows.put(state.conversationId(), saved);
        return Mono.just(saved);
    }

    @Override
    public Flux<ConversationState> waitingSince(Instant before, int limit) {
        return Flux.fromIterable(rows.values())
                .filter(state -> state.mode() == dev.supportsuite.agent.conversation.domain.Mode.WAITING_FOR_HUMAN
                        && state.pending() == null && state.waitingSince() != null
                        && state.waitingSince().isBefore(before))
                .take(limit);
    }

    @Override
    public Mono<ConversationState> latestActive(String userId, Instant since) {
        return Mono.justOrEmpty(rows.values().stream()
                .filter(state -> state.userId().equals(userId) && !state.updatedAt().isBefore(since))
                .max(Comparator.comparing(ConversationState::updatedAt)));
    }
}
