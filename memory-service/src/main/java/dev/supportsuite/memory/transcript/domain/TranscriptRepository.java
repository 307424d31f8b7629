package dev.supportsuite.memory.transcript.domain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Durable transcripts: conversations and their messages. */
public interface TranscriptRepository {

    /**
     * Stores a turn idempotently (each message once by id) in one atomic statement; when the
     * conversation belongs to another user nothing is stored and the outcome says so.
     */
    Mono<StoreOutcome> store(RecordedTurn turn);

    /** Every message of a conversation in transcript order. */
    Flux<StoredMessage> messages(String conversationId);

    Mono<Conversation> conversation(String conversationId);

    /** A user's conversations, most recent activity first. */
    Mono<Page<ConversationSummaryView>> conversationsOf(String userId, int page, int size);

    /** One page of a conversation's messages in transcript order. */
    Mono<Page<StoredMessage>> messages(String conversationId, int page, int size);
}
