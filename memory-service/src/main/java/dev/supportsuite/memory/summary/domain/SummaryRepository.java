package dev.supportsuite.memory.summary.domain;

import reactor.core.publisher.Mono;

/** One summary row per conversation. */
public interface SummaryRepository {

    Mono<Summary> find(String conversationId);

    Mono<Void> save(Summary summary);
}
