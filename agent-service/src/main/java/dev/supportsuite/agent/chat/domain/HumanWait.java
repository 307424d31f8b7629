package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.ConversationStateRepository;
import dev.supportsuite.agent.conversation.domain.Pending;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * When no human has taken a waiting conversation within {@code wait}, the customer is told so plainly
 * and offered a ticket with an e-mail follow-up; the conversation stays in the queue, and a human who
 * claims it later still takes over.
 */
public final class HumanWait {

    static final String MESSAGE = "Everyone on our support team is busy right now, so nobody has been able to "
            + "join yet. Your conversation stays in the queue and a person will answer here as soon as one is "
            + "free. If you'd rather not wait, I can open a ticket and the team will follow up by e-mail: just "
            + "say \"ticket\". If you no longer need a person, just say so and I'll take you out of the queue.";
    private static final int BATCH = 100;

    private final ConversationStateRepository states;
    private final TurnPublisher publisher;
    private final Clock clock;
    private final Duration wait;

    public HumanWait(ConversationStateRepository states, TurnPublisher publisher, Clock clock, Duration wait) {
        this.states = states;
        this.publisher = publisher;
        this.clock = clock;
        this.wait = wait;
    }

    /** Tells every customer who has waited longer than the wait; emits how many were told. */
    public Mono<Long> sweep() {
        Instant now = clock.instant();
        return states.waitingSince(now.minus(wait), BATCH)
                .concatMap(state -> tell(state, now))
                .count();
    }

    private Mono<ConversationState> tell(ConversationState state, Instant now) {
        ConversationState next = state.withPending(Pending.of(Pending.NO_HUMAN_OFFER)).touched(now);
        // Sent first, then remembered: if the save loses a race the next sweep sends the same ids again,
        // and the gateway delivers a message id once.
        UUID source = UUID.nameUUIDFromBytes((state.conversationId() + "/" + state.waitingSince())
                .getBytes(StandardCharsets.UTF_8));
        return SystemNotice.post(publisher, source, state, MESSAGE, now).then(states.save(next));
    }
}
