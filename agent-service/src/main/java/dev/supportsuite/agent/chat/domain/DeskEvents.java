package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.ConversationStateRepository;
import dev.supportsuite.agent.conversation.domain.Mode;
import dev.supportsuite.agent.conversation.domain.Pending;
import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.handoff.HandoffReleasedEvent;
import dev.supportsuite.contracts.ticket.FieldChange;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What ticket-service's events mean for a conversation. A human claiming a handoff puts the
 * conversation in human mode and tells the customer who joined; a release hands it back to the AI
 * (and after a resolution asks for a rating); a change to one of the customer's tickets made by
 * someone else becomes a {@code system} message on the customer's most recent open conversation.
 */
public final class DeskEvents {

    private static final Logger log = LoggerFactory.getLogger(DeskEvents.class);
    /** The prefix of ticket-service's own actors, as opposed to {@code user:} and {@code agent:}. */
    private static final String SYSTEM_ACTOR = "system:";
    private static final int ATTEMPTS = 5;

    private final ConversationStateRepository states;
    private final TurnPublisher publisher;
    private final Clock clock;
    private final Duration openConversation;

    /**
     * @param openConversation how recent a conversation's last activity must be for ticket updates to be
     *                         posted there
     */
    public DeskEvents(ConversationStateRepository states, TurnPublisher publisher, Clock clock,
            Duration openConversation) {
        this.states = states;
        this.publisher = publisher;
        this.clock = clock;
        this.openConversation = openConversation;
    }

    public Mono<Void> on(Event event) {
        if (event instanceof HandoffClaimedEvent claimed) {
            return claimed(claimed);
        }
        if (event instanceof HandoffReleasedEvent released) {
            // A handoff the customer withdrew was answered in their own turn, and the conversation may have asked
            // for a person again since: nothing to change or say.
            return HandoffReleasedEvent.WITHDRAWN.equals(released.outcome()) ? Mono.empty() : released(released);
        }
        if (event instanceof TicketUpdatedEvent updated) {
            return ticketChanged(updated);
        }
        return Mono.empty();
    }

    private Mono<Void> claimed(HandoffClaimedEvent event) {
        String who = event.agentName() == null || event.agentName().isBlank() ? "A person" : event.agentName();
        return change(event, event.conversationId(), state -> state.withMode(Mode.HUMAN, event.handoffId())
                .withPending(null), who + " from our support team has joined the conversation.");
    }

    private Mono<Void> released(HandoffReleasedEvent event) {
        boolean resolved = HandoffReleasedEvent.RESOLVED.equals(event.outcome());
        String note = event.note() == null || event.note().isBlank() ? "" : " Note from the team: " + event.note().strip();
        String text = resolved
                ? "Our support team marked this as resolved." + note + " How would you rate the help you got, from 1 "
                        + "(poor) to 5 (excellent)?"
                : "You're back with the virtual assistant." + note + " How can I help?";
        return change(event, event.conversationId(), state -> state.withMode(Mode.AI, state.handoffId())
                .withPending(resolved ? Pending.of(Pending.RATING) : null), text);
    }

    private Mono<Void> change(Event event, String conversationId, UnaryOperator<ConversationState> update,
            String message) {
        return attempt(event, conversationId, update, message, ATTEMPTS);
    }

    private Mono<Void> attempt(Event event, String conversationId, UnaryOperator<ConversationState> update,
            String message, int attemptsLeft) {
        return states.find(conversationId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        log.info("{} for unknown conversation {} ignored", event.getClass().getSimpleName(),
                                conversationId);
                        return Mono.<Void>empty();
                    }
                    Instant now = clock.instant();
                    ConversationState next = update.apply(found.get()).touched(now);
                    // Saved before it is announced: a customer who answers "Sam has joined" at once must find the
                    // conversation held by Sam, not still waiting (which answers with the queue notice). A repeat
                    // after a failed announcement saves again and announces with the same ids, delivered once.
                    return states.save(next).hasElement()
                            .flatMap(saved -> saved ? announce(event, next, message, now)
                                    : attemptsLeft <= 1 ? Mono.<Void>empty()
                                    : attempt(event, conversationId, update, message, attemptsLeft - 1));
                });
    }

    private Mono<Void> ticketChanged(TicketUpdatedEvent event) {
        if (event.userId() == null || ("user:" + event.userId()).equals(event.actor())) {
            return Mono.empty();
        }
        String message = describe(event);
        if (message == null) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return states.latestActive(event.userId(), now.minus(openConversation))
                // An escalation ticket follows its handoff, which the customer already hears about (joined,
                // handed back, resolved): its own status changes would only repeat that.
                .filter(state -> !(state.handoffId() != null && state.conversationId().equals(event.conversationId())))
                .flatMap(state -> announce(event, state, message, now));
    }

    private static String describe(TicketUpdatedEvent event) {
        List<FieldChange> changes = event.changes();
        for (FieldChange change : changes) {
            if ("status".equals(change.field())) {
                return "Update on your ticket " + event.ticketId() + ": it is now "
                        + TicketTools.words(change.to()) + ".";
            }
        }
        if (event.actor() != null && event.actor().startsWith(SYSTEM_ACTOR)) {
            // ticket-service's own notes (a further handoff joining an open ticket) are no reply from the team
            return null;
        }
        for (FieldChange change : changes) {
            if ("comment".equals(change.field())) {
                return "Our support team added a reply to your ticket " + event.ticketId()
                        + ". Ask me about it, or check the ticket in your account.";
            }
        }
        for (FieldChange change : changes) {
            if ("priority".equals(change.field())) {
                return "Update on your ticket " + event.ticketId() + ": its priority is now " + change.to() + ".";
            }
        }
        return null;
    }

    private Mono<Void> announce(Event event, ConversationState state, String text, Instant now) {
        return SystemNotice.post(publisher, event.eventId(), state, text, now);
    }
}
