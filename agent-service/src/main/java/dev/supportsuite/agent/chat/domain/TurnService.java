package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.ConversationStateRepository;
import dev.supportsuite.agent.conversation.domain.Mode;
import dev.supportsuite.agent.conversation.domain.Pending;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.SentimentSnapshot;
import dev.supportsuite.contracts.conversation.TurnMessage;
import dev.supportsuite.contracts.handoff.HandoffReasons;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import dev.supportsuite.contracts.identity.IdentityHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One turn, as explicit steps: understand (intent, entities, mood) → check escalation and route →
 * act (knowledge, a tool, a direct answer, a handoff) → adapt the tone → record (reply, transcript,
 * handoff, conversation state).
 *
 * <p>Turns of one conversation arrive in order (one Kafka partition per conversation). The state is
 * saved only if nobody changed it meanwhile (a handoff claimed by a human, say); otherwise the turn runs
 * again on the fresh state. Ids of everything a turn publishes derive from the inbound event id and tool
 * calls are idempotent per turn, so a turn that runs again (after a crash or a conflict) repeats the same
 * ids and downstream deduplication drops the copies.
 */
public final class TurnService {

    /** Words in a reply that answers an offer by itself, such as "connect me with someone". */
    private static final int SHORT_REPLY_WORDS = 4;
    /** The route a turn that takes the customer out of the queue is recorded under. */
    static final String WITHDRAW_ROUTE = "withdraw_handoff";
    private static final Pattern QUEUE = Pattern.compile("(?i)\\b(?:queue|line)\\b");
    private static final String PLAN_NOTE = "plan";
    static final String LEFT_QUEUE = "Alright, I've taken you out of the queue, so nobody from our team will join.";

    private static final Logger log = LoggerFactory.getLogger(TurnService.class);
    private static final int ATTEMPTS = 5;

    private final ConversationStateRepository states;
    private final Understander understander;
    private final RoutingPolicy policy;
    private final KnowledgeAnswers knowledge;
    private final TicketTools tickets;
    private final AccountLookup accounts;
    private final DirectAnswers direct;
    private final Handoffs handoffs;
    private final Tone tone;
    private final TurnPublisher publisher;
    private final Clock clock;
    private GenerativeAnswers generative;
    private CustomerMemory memory;
    private Duration modelTimeout = Duration.ofSeconds(20);

    public TurnService(ConversationStateRepository states, Understander understander, RoutingPolicy policy,
            KnowledgeAnswers knowledge, TicketTools tickets, AccountLookup accounts, DirectAnswers direct,
            Handoffs handoffs, TurnPublisher publisher, Clock clock) {
        this.states = states;
        this.understander = understander;
        this.policy = policy;
        this.knowledge = knowledge;
        this.tickets = tickets;
        this.accounts = accounts;
        this.direct = direct;
        this.handoffs = handoffs;
        this.tone = new Tone(policy.settings().negativePolarity());
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Lets a language model write the answers to questions, account and ticket status look-ups; the
     * composer remains the fallback (visibly degraded when the model fails or is slower than
     * {@code timeout}) and everything else (escalation, handoff, tickets that change data) stays as it is.
     */
    public TurnService withModel(GenerativeAnswers answers, Duration timeout) {
        this.generative = answers;
        this.modelTimeout = timeout;
        return this;
    }

    /**
     * Lets the greeting that opens a conversation recall the customer from earlier ones; without it (or
     * when memory-service fails or is slow) the greeting is the one for a newcomer.
     */
    public TurnService withMemory(CustomerMemory recall) {
        this.memory = recall;
        return this;
    }

    public Mono<Void> handle(ChatInboundMessage inbound) {
        if (IdentityHeaders.TYPE_AGENT.equals(inbound.identityType())) {
            return relayFromHuman(inbound);
        }
        return attempt(inbound, ATTEMPTS);
    }

    private Mono<Void> attempt(ChatInboundMessage inbound, int attemptsLeft) {
        Instant now = clock.instant();
        return states.find(inbound.conversationId())
                .defaultIfEmpty(ConversationState.start(inbound.conversationId(), inbound.userId(),
                        inbound.identityType(), now))
                .flatMap(state -> {
                    if (!state.userId().equals(inbound.userId())) {
                        log.warn("Message from {} on conversation {} of another user dropped", inbound.userId(),
                                inbound.conversationId());
                        return Mono.just(true);
                    }
                    return run(inbound, state, now);
                })
                .flatMap(saved -> {
                    if (saved) {
                        return Mono.<Void>empty();
                    }
                    if (attemptsLeft <= 1) {
                        return Mono.error(new IllegalStateException("Conversation " + inbound.conversationId()
                                + " kept changing during the turn"));
                    }
                    log.debug("Conversation {} changed during the turn; running it again", inbound.conversationId());
                    return attempt(inbound, attemptsLeft - 1);
                });
    }

    private Mono<Boolean> run(ChatInboundMessage inbound, ConversationState state, Instant now) {
        String text = inbound.content();
        return understander.understand(text, state.recentMessages())
                .map(heard -> policy.effective(heard, text, state.recentIntents()))
                .flatMap(understood -> {
                    Turn turn = new Turn(state, text, understood,
                            new SupportDesk.Caller(inbound.userId(), inbound.identityType()),
                            derived(inbound.eventId(), "turn-key").toString());
                    DraftStream drafts = new DraftStream(publisher, inbound, clock);
                    Mono<Outcome> decided = state.mode() == Mode.AI ? decide(turn, drafts)
                            : leavesTheQueue(turn) ? withdraw(turn, drafts)
                            : whileWithHuman(turn, inbound);
                    return decided.map(outcome -> tone.adapt(outcome, understood))
                            .flatMap(outcome -> record(inbound, understood, outcome, now));
                });
    }

    private Mono<Outcome> decide(Turn turn, DraftStream drafts) {
        // Without a language model, another language is said plainly first: the classifier's reading of
        // it (an ask for a person, say) is noise.
        if (generative == null && turn.state().pending() == null
                && policy.writtenInAnotherLanguage(turn.understood().mood(), turn.text())) {
            return Mono.just(direct.onlyEnglish(turn));
        }
        List<String> reasons = policy.handoffReasons(turn.understood(), turn.text());
        if (!reasons.isEmpty()) {
            return Mono.just(handoffs.handOff(turn, reasons));
        }
        if (turn.state().pending() == null && Phrases.withdrawsFromQueue(turn.text())
                && (Phrases.asksForPerson(turn.text()) || QUEUE.matcher(turn.text()).find())) {
            // "take me out of the queue" with nobody on the way: said so, not searched for
            return Mono.just(Outcome.say(Route.DIRECT.wire(), "You're not waiting for a person from our team, so "
                    + "there's nothing to cancel. Is there anything else I can help with?", turn.state()));
        }
        Pending pending = turn.state().pending();
        boolean offered = pending != null && Pending.OFFER_HELP.equals(pending.step());
        // "fine, cancel it" with nothing to confirm, or while a ticket is on offer (no yes or no to that offer)
        if ((pending == null || offered && !Phrases.yes(turn.text()) && !Phrases.no(turn.text()))
                && Phrases.tellsToGoAhead(turn.text()) && !turn.state().recentMessages().isEmpty()) {
            return Mono.just(direct.cannotDoIt(turn));
        }
        Route route = policy.route(turn.state(), turn.understood(), turn.text());
        if (route == Route.CONTINUE) {
            return continuePending(turn).switchIfEmpty(Mono.defer(() -> act(policy.byIntent(turn.understood(), turn.text()),
                    turn.passingOverPending(), drafts)));
        }
        return act(route, turn.passingOverPending(), drafts);
    }

    private Mono<Outcome> act(Route route, Turn turn, DraftStream drafts) {
        Mono<Outcome> composed = Mono.defer(() -> compose(route, turn));
        if (generative == null || !(route == Route.KNOWLEDGE || route == Route.ACCOUNT
                || route == Route.TICKET_STATUS)) {
            return composed;
        }
        return Mono.defer(() -> generative.answer(turn, route, drafts))
                .timeout(modelTimeout)
                .doOnNext(answer -> drafts.flush())
                .onErrorResume(GenerativeAnswers.Ungrounded.class, e -> {
                    log.info("Model answer cited nothing conversationId={}; the composer answers",
                            turn.state().conversationId());
                    return composed;
                })
                .onErrorResume(e -> {
                    log.warn("Model failed conversationId={}, composer answers instead: {}",
                            turn.state().conversationId(), e.toString());
                    return composed.map(Outcome::markedDegraded);
                });
    }

    private Mono<Outcome> compose(Route route, Turn turn) {
        return switch (route) {
            case OUT_OF_SCOPE -> policy.worthAskingTheKnowledgeBase(turn.understood(), turn.text())
                    ? knowledge.answerIfFound(turn)
                            .defaultIfEmpty(direct.outOfScope(turn)
                            .tool("search_faq", Map.of("query", turn.text()), "no_answer"))
                    : knowledge.answerIfMisspelled(turn).defaultIfEmpty(direct.outOfScope(turn));
            case DIRECT -> greet(turn);
            case CREATE_TICKET -> tickets.create(turn);
            case TICKET_STATUS -> tickets.status(turn);
            case UPDATE_TICKET -> tickets.update(turn);
            case ACCOUNT -> accounts.lookup(turn);
            case COMPLAINT -> Mono.just(direct.complaint(turn));
            case KNOWLEDGE -> knowledge.quotePrice(turn)
                    .switchIfEmpty(Mono.defer(() -> answerFromTheHelpCenter(turn)));
            case HANDOFF -> Mono.just(handoffs.handOff(turn, List.of(HandoffReasons.ASKED_FOR_HUMAN)));
            case CONTINUE -> Mono.error(new IllegalStateException("continue is not a route of its own"));
        };
    }

    /** A question for the help center, opened with the customer's own line when it asks what their plan allows. */
    private Mono<Outcome> answerFromTheHelpCenter(Turn turn) {
        return accounts.noteFor(turn).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(note -> knowledge.answer(turn, (turn.understood().is("complaint")
                        ? "I'm sorry about the trouble. " : "") + note.map(n -> n.text() + "\n\n").orElse(""))
                        .flatMap(answer -> {
                            if (note.isEmpty()) {
                                return Mono.just(answer);
                            }
                            // A plan question the help center has nothing on: the account itself is the answer
                            return PLAN_NOTE.equals(note.get().kind()) && answer.citations().isEmpty()
                                    ? accounts.lookup(turn).map(account -> account.toolBefore("search_faq",
                                            Map.of("query", turn.question()), "no_answer"))
                                    : Mono.just(answer.toolBefore("lookup_account", Map.of(), note.get().kind()));
                        }));
    }

    private Mono<Outcome> greet(Turn turn) {
        boolean recalls = turn.state().recentMessages().isEmpty() || Phrases.asksAboutAnEarlierConversation(turn.text());
        if (memory == null || !turn.understood().is("greeting") || !recalls) {
            return Mono.just(direct.direct(turn));
        }
        return memory.recallFor(turn).map(recollection -> direct.direct(turn, recollection));
    }

    /** The customer's answer to what the agent asked last turn; empty when it is no answer to that. */
    private Mono<Outcome> continuePending(Turn turn) {
        Pending pending = turn.state().pending();
        return switch (pending.step()) {
            case Pending.TICKET_DESCRIBE -> tickets.described(turn, pending);
            case Pending.TICKET_CONFIRM -> tickets.confirmed(turn, pending);
            case Pending.UPDATE_WHICH -> tickets.which(turn, pending);
            case Pending.UPDATE_WHAT -> tickets.what(turn, pending);
            case Pending.RATING -> Mono.justOrEmpty(direct.rating(turn));
            case Pending.OFFER_HELP -> offered(turn, pending);
            default -> Mono.empty();
        };
    }

    /**
     * The customer's answer to the offer of a ticket or a person. A short reply that names one ("a person",
     * "the ticket please") takes it; a longer message only when the classifier hears the same request, so a
     * new question that happens to say "people" or "case" ("how much would it cost for 12 people?") is
     * answered as the question it is.
     */
    private Mono<Outcome> offered(Turn turn, Pending pending) {
        String text = turn.text();
        boolean shortReply = Phrases.words(text) <= SHORT_REPLY_WORDS;
        if (Phrases.asksForPerson(text) && (shortReply || turn.understood().is("talk_to_human"))) {
            return Mono.just(handoffs.handOff(turn, List.of(HandoffReasons.ASKED_FOR_HUMAN)));
        }
        if (Phrases.yes(text)
                || (Phrases.mentionsTicket(text) && (shortReply || turn.understood().is("create_ticket")))) {
            String question = pending.slot("question");
            return question == null ? tickets.create(turn) : tickets.openAgreed(turn, question);
        }
        if (Phrases.no(text)) {
            return Mono.just(Outcome.say(Route.CONTINUE.wire(), "Alright. Is there anything else I can help with?",
                    turn.state().withPending(null)));
        }
        return Mono.empty();
    }

    /**
     * Whether a customer still waiting for a person says they no longer want one. While they answer the
     * offer of a ticket or its read-back, "never mind" is their answer to that instead.
     */
    private static boolean leavesTheQueue(Turn turn) {
        ConversationState state = turn.state();
        Pending pending = state.pending();
        return state.mode() == Mode.WAITING_FOR_HUMAN && state.handoffId() != null
                && (pending == null || Pending.NO_HUMAN_OFFER.equals(pending.step()))
                && Phrases.withdrawsFromQueue(turn.text());
    }

    /**
     * Takes the customer out of the queue at their word: the handoff is withdrawn and the AI answers again.
     * A question asked in the same breath ("never mind, how do I export my data?") is answered after the
     * acknowledgement; one that would hand over again gets the acknowledgement alone.
     */
    private Mono<Outcome> withdraw(Turn turn, DraftStream drafts) {
        String handoffId = turn.state().handoffId();
        ConversationState back = turn.state().withMode(Mode.AI, handoffId).withPending(null);
        Outcome plain = Outcome.say(WITHDRAW_ROUTE, LEFT_QUEUE + " I'm here if there's anything else, and you can "
                + "ask for a person again any time.", back);
        Mono<Outcome> answered = !turn.text().contains("?") ? Mono.just(plain)
                : decide(turn.withState(back), drafts)
                        .map(answer -> answer.handoff() != null || answer.content() == null ? plain
                                : answer.withContent(LEFT_QUEUE + "\n\n" + answer.content()))
                        .defaultIfEmpty(plain);
        return answered.map(outcome -> outcome.toolBefore("withdraw_handoff", Map.of("handoff_id", handoffId),
                "requested").withdrawing(handoffId));
    }

    /**
     * While a human is on the way or holds the conversation the AI stays silent; the message goes to the
     * transcript (the human reads it there). A REST caller, who has no socket to receive the human's
     * answer, gets a short notice instead of a timeout. A customer still waiting for the person is never met
     * with silence: one who calls out or asks ("hello??? anyone???") is told they are in the queue, and anything
     * else they write is acknowledged as added for the person.
     */
    private Mono<Outcome> whileWithHuman(Turn turn, ChatInboundMessage inbound) {
        Pending pending = turn.state().pending();
        if (turn.state().mode() == Mode.WAITING_FOR_HUMAN && pending != null) {
            // Nobody was free and the customer was offered a ticket: that offer, and a ticket read-back it
            // started, are answered; the conversation stays in the queue all the while.
            Mono<Outcome> answered;
            if (!Pending.NO_HUMAN_OFFER.equals(pending.step())) {
                answered = continuePending(turn);
            } else if (Phrases.mentionsTicket(turn.text()) || Phrases.yes(turn.text())) {
                String said = String.join("\n", turn.state().recentMessages()).strip();
                answered = Mono.just(tickets.offerFor(turn, said.isEmpty() ? turn.text() : said));
            } else {
                answered = Mono.empty();
            }
            return answered.switchIfEmpty(Mono.fromSupplier(() -> silentOrNotice(turn, inbound)));
        }
        return Mono.just(silentOrNotice(turn, inbound));
    }

    private Outcome silentOrNotice(Turn turn, ChatInboundMessage inbound) {
        boolean waiting = turn.state().mode() == Mode.WAITING_FOR_HUMAN;
        if (!"rest".equals(inbound.channel()) && !waiting) {
            return Outcome.silent("with_human", turn.state());
        }
        boolean callingOut = turn.text().contains("?") || Phrases.words(turn.text()) <= SHORT_REPLY_WORDS;
        String notice = !waiting
                ? "A person from our support team is handling this conversation; their answers appear in the chat."
                : callingOut ? "You're in the queue for a person from our support team. They'll join here shortly "
                        + "and see everything you've written, so feel free to add details while you wait. If you "
                        + "no longer need them, just say so."
                : "Thanks, I've added that to the conversation for the person who joins.";
        return new Outcome("with_human", notice, true, false, List.of(), List.of(), null, turn.state(), null);
    }

    /**
     * The intent a turn is reported under: what the classifier heard, unless the turn did something else.
     * A "yes" that opens the ticket read back to it is {@code create_ticket}, not the greeting the word
     * alone might be; an out-of-scope guess that the knowledge base answered after all was a question.
     */
    static String reportedIntent(Understanding understood, Outcome outcome) {
        String route = outcome.route();
        if (Route.CREATE_TICKET.wire().equals(route) || Route.UPDATE_TICKET.wire().equals(route)
                || Route.TICKET_STATUS.wire().equals(route)) {
            return route;
        }
        if (Route.ACCOUNT.wire().equals(route)) {
            return "account_info";
        }
        if (understood.outOfScope() && Route.KNOWLEDGE.wire().equals(route)) {
            return "question";
        }
        return understood.intent();
    }

    private Mono<Boolean> record(ChatInboundMessage inbound, Understanding understood, Outcome outcome, Instant now) {
        // The intent as reported is remembered: "what about SSO?" after an off-topic guess that the help center
        // answered follows up a question
        String intent = reportedIntent(understood, outcome);
        ConversationState next = outcome.state()
                .heard(inbound.content(), intent, understood.mood().measured()
                        ? understood.mood().polarity() : null, inbound.seq(), now);
        boolean escalated = outcome.escalated() || next.mode() != Mode.AI;
        boolean degraded = outcome.degraded() || understood.classifierFailed();
        ChatOutboundMessage reply = outcome.content() == null ? null
                : new ChatOutboundMessage(derived(inbound.eventId(), "reply"), now, ChatOutboundMessage.SCHEMA_VERSION,
                        inbound.conversationId(), "reply-" + inbound.messageId(), inbound.messageId(),
                        inbound.userId(), "with_human".equals(outcome.route()) ? "system" : "ai",
                        outcome.content(), intent, escalated, degraded, outcome.citations());
        SentimentSnapshot mood = understood.mood().snapshot();
        ConversationTurnRecordedEvent turn = new ConversationTurnRecordedEvent(derived(inbound.eventId(), "turn"), now,
                ConversationTurnRecordedEvent.SCHEMA_VERSION, inbound.conversationId(), inbound.userId(),
                new TurnMessage(inbound.messageId(), inbound.seq(), "user", inbound.content(), inbound.occurredAt()),
                reply == null ? null : new TurnMessage(reply.messageId(), inbound.seq(), reply.role(),
                        reply.content(), now),
                intent, mood, outcome.toolCalls(), outcome.citations(), escalated);
        Mono<Void> handoff = outcome.handoff() == null ? Mono.empty()
                : publisher.publishHandoff(new HandoffRequestedEvent(derived(inbound.eventId(), "handoff"), now,
                        HandoffRequestedEvent.SCHEMA_VERSION, outcome.handoff().handoffId(), inbound.conversationId(),
                        inbound.userId(), outcome.handoff().reasons(), outcome.handoff().summary(),
                        outcome.handoff().frustration(), outcome.handoff().topic()));
        Mono<Void> withdrawal = outcome.withdrawn() == null ? Mono.empty()
                : publisher.publishWithdrawal(new HandoffWithdrawnEvent(derived(inbound.eventId(), "withdrawal"), now,
                        HandoffWithdrawnEvent.SCHEMA_VERSION, outcome.withdrawn(), inbound.conversationId(),
                        inbound.userId(), inbound.content()));
        Mono<Void> answer = reply == null ? Mono.empty() : publisher.publishReply(reply);
        // They go to different topics, so they are sent together; the state is saved once all are out.
        return Mono.when(handoff, withdrawal, answer, publisher.publishTurn(turn))
                .then(states.save(next).hasElement());
    }

    /**
     * A human agent's message: delivered to the customer (role {@code human_agent}) and recorded, but
     * only while that agent's conversation is in human mode; otherwise it is dropped with a warning.
     */
    private Mono<Void> relayFromHuman(ChatInboundMessage inbound) {
        return states.find(inbound.conversationId())
                .filter(state -> state.mode() == Mode.HUMAN)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(held -> {
                    if (held.isEmpty()) {
                        log.warn("Message from agent {} dropped: conversation {} is not held by a human",
                                inbound.userId(), inbound.conversationId());
                        return Mono.<Void>empty();
                    }
                    ConversationState state = held.get();
                    Instant now = clock.instant();
                    ChatOutboundMessage reply = new ChatOutboundMessage(derived(inbound.eventId(), "relay"), now,
                            ChatOutboundMessage.SCHEMA_VERSION, inbound.conversationId(), inbound.messageId(), null,
                            state.userId(), "human_agent", inbound.content(), null, true, false, List.of());
                    ConversationTurnRecordedEvent turn = new ConversationTurnRecordedEvent(
                            derived(inbound.eventId(), "turn"), now, ConversationTurnRecordedEvent.SCHEMA_VERSION,
                            inbound.conversationId(), state.userId(), null,
                            new TurnMessage(inbound.messageId(), state.lastSeq(), "human_agent", inbound.content(),
                                    now),
                            null, SentimentSnapshot.unknown(), List.of(), List.of(), true);
                    return publisher.publishReply(reply).then(publisher.publishTurn(turn))
                            .then(states.save(state.touched(now))).then();
                });
    }

    static UUID derived(UUID source, String purpose) {
        return UUID.nameUUIDFromBytes((source + "/" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
