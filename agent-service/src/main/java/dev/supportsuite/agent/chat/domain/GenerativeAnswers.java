package dev.supportsuite.agent.chat.domain;

import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * Answers written by a language model (when one is configured), with the same tools as the composer,
 * bound to the conversation's verified customer.
 */
public interface GenerativeAnswers {

    /**
     * The model's answer to the turn's message, its drafts streamed to {@code drafts} as they are written.
     * Fails with {@link Ungrounded} when the model answered a knowledge question without citing any of the
     * passages it was given (the answer is then not presented as fact), and with any other error when the
     * model could not answer.
     */
    Mono<Outcome> answer(Turn turn, Route route, Consumer<String> drafts);

    /** The model answered from nothing it was given. */
    final class Ungrounded extends RuntimeException {

        public Ungrounded() {
            super("The model's answer cites none of the knowledge passages");
        }
    }
}
