package dev.supportsuite.agent.conversation.domain;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where conversation states live (PostgreSQL schema {@code agent}). */
public interface ConversationStateRepository {

    Mono<ConversationState> find(String conversationId);

    /**
     * Stores {@code state} if the stored row still has {@code state.version()} (or, for version 0, if there
     * is no row yet). Emits the saved state with its new version, or completes empty when another writer
     * got there first: the caller reloads and tries again.
     */
    Mono<ConversationState> save(ConversationState state);

    /**
     * Conversations waiting for a human since before {@code before} whose customer has not been told
     * yet that nobody is free (no pending step), longest waiting first.
     */
    Flux<ConversationState> waitingSince(Instant before, int limit);

    /** The user's conversation with the latest activity at or after {@code since}, if any. */
    Mono<ConversationState> latestActive(String userId, Instant since);
}
