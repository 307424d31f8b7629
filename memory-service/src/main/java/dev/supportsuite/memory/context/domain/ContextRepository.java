package dev.supportsuite.memory.context.domain;

import dev.supportsuite.memory.transcript.domain.StoredMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reads on the agent's hot path: at most two queries per context. */
public interface ContextRepository {

    /**
     * The conversation header, its summary, the owner's unexpired facts and their previous
     * conversation. {@code userHint} names the user when the conversation does not exist yet.
     */
    Mono<ContextHead> head(String conversationId, String userHint);

    /** The latest {@code limit} messages, newest first, without tool calls and citations. */
    Flux<StoredMessage> latest(String conversationId, int limit);

    /** The user's most recent conversation, or empty. */
    Mono<PreviousConversation> lastConversation(String userId);
}
