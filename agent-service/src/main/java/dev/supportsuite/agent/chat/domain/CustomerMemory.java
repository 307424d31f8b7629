package dev.supportsuite.agent.chat.domain;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Port: what the suite remembers of a customer from earlier conversations (memory-service). Asked with
 * the conversation's verified user, so it can only ever return that user's memory.
 */
public interface CustomerMemory {

    /** What is known of {@code caller} when {@code conversationId} begins; {@link Recollection#NONE} for a stranger. */
    Mono<Recollection> recall(String conversationId, SupportDesk.Caller caller);

    /**
     * @param name       the name the customer gave, or null
     * @param openIssues their open tickets, each as {@code TKT-…: subject}
     * @param returning  whether they talked to us before this conversation
     * @param earlier    memory-service's note on their latest earlier conversation (its summary), or null
     */
    record Recollection(String name, List<String> openIssues, boolean returning, String earlier) {

        public static final Recollection NONE = new Recollection(null, List.of(), false, null);

        public Recollection(String name, List<String> openIssues, boolean returning) {
            this(name, openIssues, returning, null);
        }

        public Recollection {
            openIssues = openIssues == null ? List.of() : List.copyOf(openIssues);
        }
    }
}
