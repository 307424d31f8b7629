package dev.supportsuite.agent.chat.domain;

import java.util.List;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Port: what the suite remembers of a customer from earlier conversations (memory-service). Asked with
 * the conversation's verified user, so it can only ever return that user's memory.
 */
public interface CustomerMemory {

    /** What is known of {@code caller} when {@code conversationId} begins; {@link Recollection#NONE} for a stranger. */
    Mono<Recollection> recall(String conversationId, SupportDesk.Caller caller);

    /**
     * What is known of the turn's customer, for the places that use it: {@link Recollection#NONE} for an
     * anonymous visitor (not looked up), and also when memory fails or has nothing, logged, so memory never
     * holds up or breaks a turn.
     */
    default Mono<Recollection> recallFor(Turn turn) {
        if (!turn.verified()) {
            return Mono.just(Recollection.NONE);
        }
        return recall(turn.state().conversationId(), turn.caller())
                .onErrorResume(e -> {
                    LoggerFactory.getLogger(CustomerMemory.class).warn("Memory unavailable conversationId={}, "
                            + "answering without it: {}", turn.state().conversationId(), e.toString());
                    return Mono.just(Recollection.NONE);
                })
                .defaultIfEmpty(Recollection.NONE);
    }

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
