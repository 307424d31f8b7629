package dev.supportsuite.knowledge.document.domain;

import reactor.core.publisher.Mono;

/** Port: tells the rest of the suite that a document was created, replaced or deleted. */
public interface DocumentEvents {

    Mono<Void> publish(Document document, DocumentChange change);
}
