package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Pending;
import dev.supportsuite.agent.intent.domain.Entity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The ticket tools: open a ticket (asking for what is missing and reading it back before it is
 * opened), report a ticket's status or list the customer's tickets, and update a ticket (a comment,
 * closing or reopening it). Every call acts for the conversation's verified customer only; another
 * customer's ticket id simply is not found.
 */
public final class TicketTools {

    private static final Logger log = LoggerFactory.getLogger(TicketTools.class);

    private static final Pattern REQUEST_PHRASE = Pattern.compile(
            "^(?:(?:hi|hello|hey|ok|okay|alright|all right|right|fine|then|so|well|yes|yeah|in that case)[,!. ]+)*"
                    + "(?:(?:please|pls)[, ]+)?"
                    + "(?:(?:can|could|would|will) you(?: please)? |i(?:'d| would)? (?:like|want|need) (?:you )?to "
                    + "|i want |i need |let'?s |lets )?"
                    + "(?:please )?(?:open|create|file|raise|submit|log|make|start|put in|lodge|write|report)"
                    + "(?: me| us)? (?:(?:a|an|one|new|another|support|help|service)[ -])*"
                    + "(?:ticket|case|request|issue|complaint|problem)(?: for me| for us)?(?:,? please)?"
                    + "(?:[ ,:\\-]+(?:about|regarding|for|on|because|that|saying|re|concerning|as))?[ ,:\\-]*",
            Pattern.CASE_INSENSITIVE);
    /**
     * A request for a ticket after the problem ("I was charged twice, please open a ticket"): after a
     * punctuation mark, an "and" or "so", or as a polite request ("... could you open a ticket for this").
     */
    private static final Pattern TRAILING_REQUEST = Pattern.compile(
            "(?:\\s*[,.;:!?\\-–]+\\s*(?:(?:and|so)\\s+)?|\\s+(?:and|so)\\s+"
                    + "|\\s+(?=(?:please|pls|can you|could you|would you)\\b))"
                    + "(?:(?:please|pls)[, ]+)?(?:(?:can|could|would|will) you(?: please)? "
                    + "|i(?:'d| would)? (?:like|want|need) (?:you )?to |i want you to |let'?s )?"
                    + "(?:please )?(?:open|create|file|raise|submit|log|lodge|start)"
                    + "(?: me| us)? (?:(?:a|an|one|new|another|support|help|service)[ -])*(?:ticket|case)"
                    + "(?: for (?:me|us|this|it|that))?(?:,? please)?[\\s.!?]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE_PHRASE = Pattern.compile(
            "\\b(?:please |can you |could you |i(?:'d| would)? (?:like|want|need) to )?(?:(?:update|add to|add|change|"
                    + "edit|modify|append to)(?: my| the| this| that)?(?: support)? (?:ticket|case)\\b"
                    + "|(?:add|post|leave|put|write) (?:a |an |this |that )?(?:comment|note)"
                    + "(?: (?:to|on|in) (?:it|that|this|(?:(?:my|the|this|that) )?(?:support )?(?:ticket|case)))?"
                    + "\\b)[ ,:\\-]*"
                    + "(?:with|to say|saying|that)?",
            Pattern.CASE_INSENSITIVE);
    /** A request to add what came before to a ticket: "it also happens with JSON, add that to the ticket". */
    private static final Pattern TRAILING_UPDATE = Pattern.compile(
            "[\\s,.;:!\\-]+(?:(?:and|so)\\s+)?(?:(?:please|pls)[, ]+)?(?:can you |could you )?(?:add|put|append|note)"
                    + " (?:that|this|it) (?:to|on|in) (?:my|the|this|that|our) (?:support )?(?:ticket|case)"
                    + "(?:,? please)?[\\s.!]*$",
            Pattern.CASE_INSENSITIVE);
    /** What may stand between a command to change a ticket and the words to add: its id, "with", "that". */
    private static final Pattern COMMENT_LEAD = Pattern.compile(
            "^(?:TKT-[A-Z0-9]+\\b)?[ ,:;.\\-]*(?:(?:with|to say|saying|that)\\b)?[ ,:\\-]*", Pattern.CASE_INSENSITIVE);
    /** How far into a message a command to change a ticket may start ("hi, please add to my ticket ..."). */
    private static final int LEADING_COMMAND_CHARS = 12;
    private static final Pattern TICKET_ID = Pattern.compile("\\bTKT-[A-Z0-9]+\\b", Pattern.CASE_INSENSITIVE);
    /** The words for a place in a list, as a regular expression group. */
    private static final String PLACES = "(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|top|bottom)";
    /** What {@link #placeIn} returns for a message that points at no place, and for one that points at the last. */
    private static final int NO_PLACE = -2;
    private static final int LAST_PLACE = -1;
    /**
     * A ticket pointed at by its place in the list the conversation showed last: "the first one", "the 2nd ticket",
     * "the last one", "number 2", "#2".
     */
    private static final Pattern PLACE_IN_LIST = Pattern.compile("\\b" + PLACES + " (?:one|ticket|case)\\b"
            + "|\\bthe " + PLACES + "\\s*[.!?]*$|(?:\\bnumber |\\bno\\. ?|#)([1-9])\\b");
    /** Where a command may start: the message's start, after a punctuation mark or a word such as "so" or "please". */
    private static final String COMMAND_START =
            "(?:^|[,.;!]\\s*|\\b(?:so|and|then|ok|okay|please|pls|just|you can|can you|could you|go ahead and)\\s+)";
    /** A request for the customer's tickets: "list my tickets", "show me our open cases", "what tickets do I have". */
    private static final Pattern LIST_PHRASE = Pattern.compile(
            "^(?:(?:hi|hello|hey|ok|okay|so|and|also|then)[,!. ]+)*(?:please |pls |can you |could you |can i |could i "
                    + "|i'd like to |i want to |let me )?(?:list|show|see|view|check|get|give|pull up)(?: me)?(?: all)?"
                    + "(?: of)? (?:my|our)(?: (?:open|recent|current|support|existing|old|other))* (?:tickets|cases)\\b"
                    + "|^(?:what|which|how many) (?:open )?(?:tickets|cases) (?:do|have|did) (?:i|we)\\b"
                    + "|^(?:my|our|all my|all our) (?:open )?(?:tickets|cases)$");
    /**
     * Closing or reopening the ticket the conversation is about, without naming it: "ok close it, we fixed it
     * ourselves", "actually it broke again, reopen it pls". At the start, after a punctuation mark or a word
     * such as "so" or "please"; "how do I close it?" is a question.
     */
    private static final Pattern STATUS_OF_IT = Pattern.compile(
            COMMAND_START + "(close|resolve|cancel|reopen|re-open)\\s+(?:it|that|this|that one|this one|the "
                    + PLACES + "(?: one| ticket| case)?)\\b"
                    + "(?!\\s+(?:account|workspace|project|subscription|plan)\\b)");
    /**
     * A status change of a ticket named by its topic: "close my google calendar ticket", "can you cancel that
     * ticket". As a command, so "how do I close a ticket?" is a question.
     */
    private static final Pattern STATUS_OF_NAMED = Pattern.compile(
            COMMAND_START + "(close|resolve|cancel|reopen|re-open)\\s+(?:my |the |that |this |our |a )?"
                    + "(?:[\\p{L}\\p{N}-]+ ){0,3}(?:ticket|case)\\b");
    /** What happens with a ticket just opened: "what happens next?", "when will someone get back to me?". */
    private static final Pattern ASKS_WHAT_NEXT = Pattern.compile(
            "^(?:(?:ok|okay|so|alright|and|great|thanks|thank you)[,!. ]+)*(?:what happens (?:next|now)"
                    + "|what(?:'s| is) next|what are the next steps|when will (?:i|we) hear (?:back|from (?:you|someone|them))"
                    + "|when will (?:someone|somebody|your team|support|they|you) (?:reply|respond|answer"
                    + "|get back to (?:me|us)|contact (?:me|us)|look at it)"
                    + "|how long (?:until|till|before|will it take (?:until|before|for)) (?:someone|somebody|your team"
                    + "|support|they|you) (?:replies|reply|responds|respond|answers|answer|gets? back to (?:me|us)"
                    + "|looks? at it))$");
    /** A request to hurry a ticket: "can you make it high priority?", "please escalate it", "prioritise this". */
    private static final Pattern ASKS_PRIORITY = Pattern.compile(
            "\\b(?:make|mark|set|flag|bump) (?:it|this|that|the ticket|my ticket)(?: up)?(?: as| to)? (?:a )?"
                    + "(?:high|higher|top|urgent|priority)\\b|\\b(?:prioriti[sz]e|expedite|escalate|speed up|hurry up)"
                    + " (?:it|this|that|the ticket|my ticket)\\b");
    private static final Set<String> HIGH_PRIORITIES = Set.of("high", "urgent");
    /** The opening of a question about how something works, not a request. */
    private static final Pattern HOW_TO = Pattern.compile("(?:" + Phrases.HOW_TO_OPENINGS + "|can (?:i|we|one) "
            + "|is (?:there|it possible)|what happens (?:if|when)|do (?:i|we) need to)\\b");
    /** One of the customer's own tickets: "my ticket", "our case", "this ticket". */
    private static final Pattern OWN_TICKET = Pattern.compile(
            "\\b(?:my|our|this|that|the|the same) (?:[\\p{L}-]+ )?(?:ticket|case)\\b");
    /** A pointer back at the ticket being talked about: "it", "that one", "this ticket". */
    private static final Pattern POINTS_BACK = Pattern.compile(
            "\\b(?:it|that one|this one|(?:that|this|the same) (?:ticket|case))\\b");
    /** Words of a command to change a ticket, which say nothing about which ticket it is. */
    private static final Set<String> COMMAND_WORDS = Set.of("close", "closed", "resolve", "cancel", "reopen",
            "open", "ticket", "tickets", "case", "please", "update", "that", "this", "with", "again", "working",
            "works", "fixed", "about", "mine", "the", "one", "thanks", "okay", "now", "broke", "broken", "back",
            "add", "comment", "note", "can", "you", "could", "just", "it's", "its", "there");
    private static final Set<String> TICKET_INTENTS = Set.of("create_ticket", "ticket_status", "update_ticket");
    private static final Set<String> FINISHED = Set.of("resolved", "closed");
    private static final int MAX_SUBJECT = 80;
    private static final String NEXT_STEPS = " Our support team works through tickets by priority and will reply "
            + "here in this chat; you'll also see it here when the ticket changes. Ask me for its status any time, or "
            + "ask for a person if it can't wait.";
    /** A greeting a ticket's subject does not open with: "hi", "hello there,", "good morning!". */
    private static final Pattern GREETING_OPENING = Pattern.compile(
            "(?:hi|hello|hey|good (?:morning|afternoon|evening))(?: there| team| all)?[!.,;:]*\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final int MIN_SUBJECT_WORDS = 3;
    /** Words a message needs to serve as a ticket's description. */
    private static final int MIN_DESCRIPTION_WORDS = 4;
    private static final int LISTED = 5;
    /** The most messages a ticket's description is made of when the customer told the problem over several. */
    private static final int MAX_MESSAGES_TOLD = 3;

    private final SupportDesk desk;
    private final Clock clock;

    public TicketTools(SupportDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    // ---- create_ticket ----

    public Mono<Outcome> create(Turn turn) {
        if (!turn.verified()) {
            return Mono.just(signInFirst(turn, Route.CREATE_TICKET));
        }
        String description = describedIn(turn.text());
        if (description == null) {
            description = earlierProblem(turn);
        }
        Pending pending = Pending.of(Pending.TICKET_DESCRIBE);
        if (description == null) {
            return Mono.just(Outcome.say(Route.CREATE_TICKET.wire(), "I can open a ticket for you. What's the problem? "
                    + "Please describe it in a sentence or two.", turn.state().withPending(pending)));
        }
        return Mono.just(readBack(turn, pending.with("description", description)));
    }

    /** Opens a ticket for a question the agent could not answer or a complaint, after a read-back. */
    public Outcome offerFor(Turn turn, String description) {
        if (!turn.verified()) {
            return signInFirst(turn, Route.CREATE_TICKET);
        }
        return readBack(turn, Pending.of(Pending.TICKET_CONFIRM).with("description", description));
    }

    /**
     * Opens the ticket the customer just agreed to ("I can open a ticket so our team looks into it: just say
     * yes"), for what they asked or reported: the yes was the confirmation, so there is no second read-back.
     */
    public Mono<Outcome> openAgreed(Turn turn, String description) {
        if (!turn.verified()) {
            return Mono.just(signInFirst(turn, Route.CREATE_TICKET));
        }
        return open(turn, filledIn(turn, Pending.of(Pending.TICKET_CONFIRM).with("description", description)));
    }

    /**
     * What the customer said just before asking for a ticket without describing the problem ("my task reminders
     * stopped coming" then "ok open a ticket"), to read back; null when that was no description either.
     */
    private static String earlierProblem(Turn turn) {
        List<String> earlier = turn.state().recentMessages();
        if (earlier.isEmpty()) {
            return null;
        }
        String last = earlier.get(earlier.size() - 1).strip();
        boolean describes = Phrases.words(last) >= MIN_DESCRIPTION_WORDS && !Phrases.mentionsTicket(last)
                && !Phrases.asksForPerson(last) && !Phrases.unreadable(last);
        return describes ? capitalised(problemTold(turn.state())) : null;
    }

    /**
     * The problem as the customer told it over their last messages: the last one, with those before it that
     * reported the same problem ("our webhook stopped firing yesterday. we haven't changed anything on our side").
     */
    private static String problemTold(ConversationState state) {
        List<String> messages = state.recentMessages();
        List<String> intents = state.recentIntents();
        int last = messages.size() - 1;
        String told = messages.get(last).strip();
        if (intents.size() != messages.size()) {
            return told;
        }
        for (int i = last; i > 0 && last - i < MAX_MESSAGES_TOLD - 1
                && "technical_issue".equals(intents.get(i)) && "technical_issue".equals(intents.get(i - 1)); i--) {
            told = Turn.together(messages.get(i - 1), told);
        }
        return told;
    }

    /** The customer's description of the problem. */
    public Mono<Outcome> described(Turn turn, Pending pending) {
        if (Phrases.no(turn.text())) {
            return Mono.just(cancelled(turn));
        }
        if (Phrases.yes(turn.text()) || Phrases.bareReply(turn.text())) {
            // "yes" to "What's the problem?" describes nothing: it would become a ticket called "Yes"
            return Mono.just(Outcome.say(Route.CREATE_TICKET.wire(), "Please describe the problem in a sentence or "
                    + "two, and I'll read the ticket back to you before opening it.", turn.state().withPending(pending)));
        }
        return Mono.just(readBack(turn, pending.with("description", turn.text().strip())));
    }

    /** The customer's answer to the read-back; empty when the message is not an answer to it. */
    public Mono<Outcome> confirmed(Turn turn, Pending pending) {
        if (Phrases.yes(turn.text())) {
            return open(turn, pending);
        }
        if (Phrases.no(turn.text())) {
            return Mono.just(cancelled(turn));
        }
        return Mono.empty();
    }

    private Outcome readBack(Turn turn, Pending pending) {
        Pending confirm = filledIn(turn, pending);
        return Outcome.say(Route.CREATE_TICKET.wire(), "Here is the ticket I'll open:\n- Subject: "
                + confirm.slot("subject") + "\n- Category: " + confirm.slot("category") + "\n- Priority: "
                + confirm.slot("priority") + "\nShall I open it? (yes / no)", turn.state().withPending(confirm));
    }

    /** The ticket's subject, category and priority from its description, ready to confirm or open. */
    private static Pending filledIn(Turn turn, Pending pending) {
        String description = pending.slot("description");
        String category = pending.slot("category") != null ? pending.slot("category")
                : categoryOf(turn.understood().intent(), description);
        return pending.at(Pending.TICKET_CONFIRM).with("subject", subjectOf(description)).with("category", category)
                .with("priority", priorityOf(description, turn.understood().mood()));
    }

    private Mono<Outcome> open(Turn turn, Pending pending) {
        SupportDesk.NewTicket ticket = new SupportDesk.NewTicket(pending.slot("subject"), pending.slot("description"),
                pending.slot("category"), pending.slot("priority"), turn.state().conversationId(), List.of("chat"));
        Map<String, String> arguments = Map.of("subject", ticket.subject(), "category", ticket.category(), "priority",
                ticket.priority());
        ConversationState done = turn.state().withPending(null);
        return desk.open(turn.caller(), ticket, "chat-" + turn.key())
                .map(opened -> Outcome.say(Route.CREATE_TICKET.wire(), "Done: I've opened ticket " + opened.id()
                                + " (\"" + opened.subject() + "\", priority " + opened.priority() + "). You'll hear "
                                + "here when it changes, and you can ask me about its status any time.",
                                done.withLastTicket(opened.id()))
                        .tool("create_ticket", arguments, opened.id()))
                .onErrorResume(e -> Mono.just(toolFailed(turn, Route.CREATE_TICKET, "create_ticket", arguments, e,
                        "the ticket is not open yet. Say \"yes\" to try again.", turn.state())));
    }

    // ---- ticket_status / get_user_tickets ----

    public Mono<Outcome> status(Turn turn) {
        if (!turn.verified()) {
            return Mono.just(signInFirst(turn, Route.TICKET_STATUS));
        }
        boolean next = asksWhatHappensNext(turn.text()) && turn.state().lastTicketId() != null;
        String id = turn.understood().entity(Entity.TICKET_ID).or(() -> listedAt(turn))
                .orElse(next ? turn.state().lastTicketId() : null);
        if (id == null) {
            return list(turn);
        }
        Map<String, String> arguments = Map.of("ticketId", id);
        return desk.ticket(turn.caller(), id)
                .map(ticket -> Outcome.say(Route.TICKET_STATUS.wire(), next ? describe(ticket) + NEXT_STEPS
                                : describe(ticket), turn.state().withLastTicket(ticket.id()))
                        .tool("get_ticket_status", arguments, ticket.status()))
                .switchIfEmpty(Mono.defer(() -> Mono.just(Outcome.say(Route.TICKET_STATUS.wire(),
                                "I couldn't find a ticket " + id + " on your account. Please check the number; "
                                        + "you can also ask me to list your tickets.", turn.state())
                        .tool("get_ticket_status", arguments, "not_found"))))
                .onErrorResume(e -> Mono.just(toolFailed(turn, Route.TICKET_STATUS, "get_ticket_status", arguments, e,
                        "so I can't look up that ticket right now.", turn.state())));
    }

    private Mono<Outcome> list(Turn turn) {
        return desk.tickets(turn.caller(), LISTED)
                .map(tickets -> {
                    if (tickets.isEmpty()) {
                        return Outcome.say(Route.TICKET_STATUS.wire(), "You don't have any tickets with us. If "
                                        + "something needs a follow-up, I can open one: just describe the problem.",
                                turn.state())
                                .tool("get_user_tickets", Map.of(), "0 tickets");
                    }
                    ConversationState listed = turn.state().withListedTickets(
                            tickets.stream().map(SupportDesk.Ticket::id).toList());
                    if (tickets.size() == 1) {
                        return Outcome.say(Route.TICKET_STATUS.wire(), "You have one ticket with us. "
                                        + describe(tickets.get(0)), listed.withLastTicket(tickets.get(0).id()))
                                .tool("get_user_tickets", Map.of(), "1 ticket");
                    }
                    StringBuilder text = new StringBuilder("Here are your most recent tickets:");
                    for (int i = 0; i < tickets.size(); i++) {
                        SupportDesk.Ticket ticket = tickets.get(i);
                        text.append("\n").append(i + 1).append(". ").append(ticket.id()).append(" \"")
                                .append(ticket.subject()).append("\": ").append(words(ticket.status()));
                    }
                    text.append("\nAsk me about any of them by its number in this list or its ticket number (TKT-…) "
                            + "for the details.");
                    return Outcome.say(Route.TICKET_STATUS.wire(), text.toString(), listed)
                            .tool("get_user_tickets", Map.of(), tickets.size() + " tickets");
                })
                .onErrorResume(e -> Mono.just(toolFailed(turn, Route.TICKET_STATUS, "get_user_tickets", Map.of(), e,
                        "so I can't list your tickets right now.", turn.state())));
    }

    // ---- update_ticket ----

    public Mono<Outcome> update(Turn turn) {
        if (!turn.verified()) {
            return Mono.just(signInFirst(turn, Route.UPDATE_TICKET));
        }
        String id = turn.understood().entity(Entity.TICKET_ID).or(() -> listedAt(turn)).orElse(null);
        if (id != null) {
            return apply(turn, id, turn.text());
        }
        return desk.tickets(turn.caller(), 20)
                .flatMap(tickets -> {
                    boolean reopening = "open".equals(statusCommanded(turn.text())) || Phrases.asksToReopen(turn.text());
                    List<SupportDesk.Ticket> active = tickets.stream()
                            .filter(ticket -> !FINISHED.contains(ticket.status()) || reopening)
                            .toList();
                    if (active.size() == 1) {
                        return apply(turn, active.get(0).id(), turn.text())
                                .map(done -> done.toolBefore("get_user_tickets", Map.of(), "1 open"));
                    }
                    Optional<SupportDesk.Ticket> named = namedIn(turn.text(), active)
                            .or(() -> talkedAbout(turn, active));
                    if (named.isPresent()) {
                        return apply(turn, named.get().id(), turn.text())
                                .map(done -> done.toolBefore("get_user_tickets", Map.of(), active.size() + " open"));
                    }
                    if (active.isEmpty()) {
                        return Mono.just(Outcome.say(Route.UPDATE_TICKET.wire(), "I don't see an open ticket on your "
                                + "account to update. If you describe the problem, I can open a new one.",
                                turn.state()).tool("get_user_tickets", Map.of(), "0 open"));
                    }
                    StringBuilder text = new StringBuilder(reopening ? "Which ticket should I reopen? Your recent "
                            + "tickets:" : "Which ticket should I update? Your open tickets:");
                    List<SupportDesk.Ticket> shown = active.stream().limit(LISTED).toList();
                    for (int i = 0; i < shown.size(); i++) {
                        text.append("\n").append(i + 1).append(". ").append(shown.get(i).id()).append(" \"")
                                .append(shown.get(i).subject()).append('"');
                    }
                    Pending which = Pending.of(Pending.UPDATE_WHICH).with("text", turn.text());
                    return Mono.just(Outcome.say(Route.UPDATE_TICKET.wire(), text.toString(),
                            turn.state().withPending(which)
                                    .withListedTickets(shown.stream().map(SupportDesk.Ticket::id).toList()))
                            .tool("get_user_tickets", Map.of(), active.size() + " open"));
                })
                .onErrorResume(e -> Mono.just(toolFailed(turn, Route.UPDATE_TICKET, "get_user_tickets", Map.of(), e,
                        "so I can't update tickets right now.", turn.state())));
    }

    /** The customer named the ticket to update; empty when the message names none. */
    public Mono<Outcome> which(Turn turn, Pending pending) {
        String earlier = pending.slot("text") == null ? "" : pending.slot("text") + "\n";
        String id = turn.understood().entity(Entity.TICKET_ID).or(() -> listedAt(turn)).orElse(null);
        if (id == null) {
            if (Phrases.no(turn.text())) {
                return Mono.just(cancelled(turn));
            }
            // "the google calendar one": the ticket whose subject it names
            return desk.tickets(turn.caller(), 20)
                    .flatMap(tickets -> Mono.justOrEmpty(namedIn(turn.text(), tickets)))
                    .flatMap(ticket -> apply(turn.withState(turn.state().withPending(null)), ticket.id(),
                            earlier + turn.text()))
                    .onErrorResume(e -> Mono.empty());
        }
        return apply(turn.withState(turn.state().withPending(null)), id, earlier + turn.text());
    }

    /** What to add to the ticket the agent asked about. */
    public Mono<Outcome> what(Turn turn, Pending pending) {
        if (Phrases.no(turn.text())) {
            return Mono.just(cancelled(turn));
        }
        return comment(turn.withState(turn.state().withPending(null)), pending.slot("ticket"), turn.text().strip());
    }

    private Mono<Outcome> apply(Turn turn, String id, String request) {
        if (asksForPriority(request)) {
            return hurry(turn, id, request);
        }
        String commanded = statusCommanded(request);
        if (commanded != null) {
            return changeStatus(turn, id, commanded);
        }
        if (Phrases.asksToReopen(request)) {
            return changeStatus(turn, id, "open");
        }
        if (Phrases.asksToClose(request)) {
            return changeStatus(turn, id, "resolved");
        }
        if (hasDetails(request)) {
            return comment(turn, id, commentIn(request));
        }
        Pending what = Pending.of(Pending.UPDATE_WHAT).with("ticket", id);
        return Mono.just(Outcome.say(Route.UPDATE_TICKET.wire(), "What would you like to add to " + id + "?",
                turn.state().withPending(what)));
    }

    /**
     * A request to hurry a ticket. The support team sets priorities, so the agent does not: a ticket already high
     * priority is said to be so; otherwise the request goes on the ticket as a comment the team sees.
     */
    private Mono<Outcome> hurry(Turn turn, String id, String request) {
        Map<String, String> arguments = Map.of("ticketId", id);
        ConversationState next = turn.state().withPending(null);
        return desk.ticket(turn.caller(), id).flatMap(ticket -> {
            if (HIGH_PRIORITIES.contains(ticket.priority())) {
                return Mono.just(Outcome.say(Route.UPDATE_TICKET.wire(), "Ticket " + ticket.id() + " (\""
                                + ticket.subject() + "\") is already " + ticket.priority() + " priority, so our team "
                                + "takes it ahead of the others. If it can't wait, I can connect you with someone now.",
                                next.withLastTicket(ticket.id()))
                        .tool("get_ticket_status", arguments, ticket.status()));
            }
            String note = "The customer asks for this to be treated as urgent: " + request.strip();
            return desk.comment(turn.caller(), id, note)
                    .map(commented -> Outcome.say(Route.UPDATE_TICKET.wire(), "I've noted on " + commented.id()
                                    + " that it's urgent for you. Our team sets priorities and will see your note with "
                                    + "the ticket; if it can't wait, I can connect you with someone now.",
                                    next.withLastTicket(commented.id()))
                            .toolBefore("get_ticket_status", arguments, ticket.status())
                            .tool("update_ticket", Map.of("ticketId", id, "comment", note), "commented"));
        })
                .switchIfEmpty(Mono.defer(() -> Mono.just(notFound(turn, id, arguments))))
                .onErrorResume(e -> Mono.just(toolFailed(turn, Route.UPDATE_TICKET, "update_ticket", arguments, e,
                        "so nothing was added to " + id + ".", next)));
    }

    private Mono<Outcome> changeStatus(Turn turn, String id, String status) {
        Map<String, String> arguments = Map.of("ticketId", id, "status", status);
        return desk.changeStatus(turn.caller(), id, status)
                .map(ticket -> Outcome.say(Route.UPDATE_TICKET.wire(), "Done: " + ticket.id() + " is now "
                                + words(ticket.status()) + ".", turn.state().withPending(null).withLastTicket(ticket.id()))
                        .tool("update_ticket", arguments, ticket.status()))
                .switchIfEmpty(Mono.defer(() -> Mono.just(notFound(turn, id, arguments))))
                .onErrorResume(e -> Mono.just(toolFailed(turn, Route.UPDATE_TICKET, "update_ticket", arguments, e,
                        "so " + id + " is unchanged.", turn.state().withPending(null))));
    }

    private Mono<Outcome> comment(Turn turn, String id, String body) {
        Map<String, String> arguments = Map.of("ticketId", id, "comment", body);
        return desk.comment(turn.caller(), id, body)
                .map(ticket -> Outcome.say(Route.UPDATE_TICKET.wire(), "I've added that to " + ticket.id()
                                + " (\"" + ticket.subject() + "\"); the team will see it with the ticket.",
                        turn.state().withPending(null).withLastTicket(ticket.id()))
                        .tool("update_ticket", arguments, "commented"))
                .switchIfEmpty(Mono.defer(() -> Mono.just(notFound(turn, id, arguments))))
                .onErrorResume(e -> Mono.just(toolFailed(turn, Route.UPDATE_TICKET, "update_ticket", arguments, e,
                        "so nothing was added to " + id + ".", turn.state().withPending(null))));
    }

    private static Outcome notFound(Turn turn, String id, Map<String, String> arguments) {
        return Outcome.say(Route.UPDATE_TICKET.wire(), "I couldn't find a ticket " + id + " on your account, so "
                        + "nothing was changed. Please check the number.", turn.state().withPending(null))
                .tool("update_ticket", arguments, "not_found");
    }

    // ---- shared ----

    private Outcome toolFailed(Turn turn, Route route, String tool, Map<String, String> arguments, Throwable error,
            String consequence, ConversationState next) {
        if (error instanceof SupportDesk.Refusal refusal) {
            return Outcome.say(route.wire(), "I couldn't do that: " + refusal.getMessage(), next)
                    .tool(tool, arguments, "refused");
        }
        log.warn("{} failed conversationId={}: {}", tool, turn.state().conversationId(), error.toString());
        return Outcome.say(route.wire(), "I can't reach our ticket system right now, " + consequence, next)
                .tool(tool, arguments, "unavailable")
                .markedDegraded();
    }

    static Outcome signInFirst(Turn turn, Route route) {
        return Outcome.say(route.wire(), "To open or look up tickets and account details I need to know it's you: "
                + "please sign in on our site and open the chat again. Meanwhile I'm happy to answer general "
                + "questions here.", turn.state().withPending(null));
    }

    private static Outcome cancelled(Turn turn) {
        return Outcome.say(Route.CONTINUE.wire(), "Alright, I've left it. Is there anything else I can help with?",
                turn.state().withPending(null));
    }

    private String describe(SupportDesk.Ticket ticket) {
        return "Ticket " + ticket.id() + " (\"" + ticket.subject() + "\") is " + words(ticket.status())
                + ", priority " + ticket.priority() + ", last updated " + ago(ticket.updatedAt()) + ".";
    }

    private String ago(Instant when) {
        if (when == null) {
            return "recently";
        }
        Duration age = Duration.between(when, clock.instant());
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return plural(age.toMinutes(), "minute") + " ago";
        }
        if (age.toDays() < 1) {
            return plural(age.toHours(), "hour") + " ago";
        }
        return plural(age.toDays(), "day") + " ago";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    static String words(String status) {
        return status == null ? "unknown" : status.replace('_', ' ');
    }

    /**
     * Whether the message starts with an explicit request to open a ticket ("please open a ticket: ...") or
     * ends with one after describing the problem ("the export fails, please open a ticket").
     */
    public static boolean explicitRequest(String text) {
        return leadingRequest(text) || trailingRequestAt(text) > 0;
    }

    private static boolean leadingRequest(String text) {
        Matcher matcher = REQUEST_PHRASE.matcher(text.strip());
        return matcher.lookingAt() && matcher.end() > 0 && Phrases.mentionsTicket(matcher.group());
    }

    /** Where a request for a ticket after the problem starts; -1 without one. */
    private static int trailingRequestAt(String text) {
        Matcher matcher = TRAILING_REQUEST.matcher(text.strip());
        return matcher.find() ? matcher.start() : -1;
    }

    /**
     * Whether the message asks how tickets work rather than asking to act on one: "how do I close a ticket?",
     * "can I reopen a closed ticket?", "is there a way to cancel a ticket myself?". A request that points at one
     * of the customer's tickets ("can I reopen my ticket?", an id) is a request.
     */
    public static boolean asksHowTicketsWork(String text) {
        String normal = Phrases.normal(text);
        return HOW_TO.matcher(normal).lookingAt() && Phrases.mentionsTicket(normal)
                && !TICKET_ID.matcher(text).find() && !OWN_TICKET.matcher(normal).find();
    }

    /** Whether a turn of this intent was about a ticket (opening, checking or changing one). */
    public static boolean aboutATicket(String intent) {
        return TICKET_INTENTS.contains(intent);
    }

    /** Whether the message asks what happens with a ticket just opened ("what happens next?"). */
    public static boolean asksWhatHappensNext(String text) {
        // "now what?", "what do I do now?" ask for advice, which about a ticket just opened is the same question
        return ASKS_WHAT_NEXT.matcher(Phrases.normal(text)).matches() || Phrases.asksForAdvice(text);
    }

    /** Whether the message asks to hurry a ticket ("can you make it high priority?"). */
    public static boolean asksForPriority(String text) {
        return ASKS_PRIORITY.matcher(Phrases.normal(text)).find();
    }

    /** Whether the message asks for the customer's tickets in so many words ("list my tickets"). */
    public static boolean asksForList(String text) {
        return LIST_PHRASE.matcher(Phrases.normal(text)).find();
    }

    /**
     * Whether the message closes or reopens "it" while the conversation is about a ticket: one of the recent
     * intents was a ticket's.
     */
    public static boolean changesStatusOfIt(String text, List<String> recentIntents) {
        return recentIntents.stream().anyMatch(TicketTools::aboutATicket)
                && STATUS_OF_IT.matcher(Phrases.normal(text)).find();
    }

    /**
     * Whether the message is an explicit request to change a ticket: it starts with one ("add to my ticket that
     * ...") or ends with one ("..., add that to the ticket").
     */
    public static boolean explicitUpdate(String text) {
        return leadingUpdateEnd(text.strip()) >= 0 || TRAILING_UPDATE.matcher(text.strip()).find()
                || STATUS_OF_NAMED.matcher(Phrases.normal(text)).find();
    }

    /** The status a command sets ("close it", "cancel my calendar ticket", "reopen that one"); null without one. */
    static String statusCommanded(String text) {
        String normal = Phrases.normal(text);
        for (Pattern command : List.of(STATUS_OF_NAMED, STATUS_OF_IT)) {
            Matcher matcher = command.matcher(normal);
            if (matcher.find()) {
                return matcher.group(1).startsWith("re") && !matcher.group(1).equals("resolve") ? "open" : "resolved";
            }
        }
        return null;
    }

    /**
     * The ticket the conversation last opened, showed or changed, when the message points back at it ("close
     * that one", "add to it that ...") and it is among {@code candidates}.
     */
    private static Optional<SupportDesk.Ticket> talkedAbout(Turn turn, List<SupportDesk.Ticket> candidates) {
        String last = turn.state().lastTicketId();
        if (last == null || !POINTS_BACK.matcher(Phrases.normal(turn.text())).find()) {
            return Optional.empty();
        }
        return candidates.stream().filter(ticket -> ticket.id().equalsIgnoreCase(last)).findFirst();
    }

    /**
     * The ticket the message points at by its place in the list the conversation showed last ("close the first
     * one", "what about number 2?", "the last one"); empty when it points at none, or at a place the list did not
     * have.
     */
    static Optional<String> listedAt(Turn turn) {
        List<String> listed = turn.state().listedTicketIds();
        int place = placeIn(turn.text());
        if (listed.isEmpty() || place == NO_PLACE) {
            return Optional.empty();
        }
        int index = place == LAST_PLACE ? listed.size() - 1 : place;
        return index < listed.size() ? Optional.of(listed.get(index)) : Optional.empty();
    }

    /** The place in a list a message points at, from 0; {@code LAST_PLACE} for the last, {@code NO_PLACE} for none. */
    static int placeIn(String text) {
        Matcher matcher = PLACE_IN_LIST.matcher(Phrases.normal(text));
        if (!matcher.find()) {
            return NO_PLACE;
        }
        String word = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        if (word == null) {
            return Integer.parseInt(matcher.group(3)) - 1;
        }
        return switch (word) {
            case "first", "1st", "top" -> 0;
            case "second", "2nd" -> 1;
            case "third", "3rd" -> 2;
            case "fourth", "4th" -> 3;
            case "fifth", "5th" -> 4;
            default -> LAST_PLACE;
        };
    }

    /**
     * Whether the message points at a ticket by its place in a list ("what's the status of the second one?") right
     * after a turn about tickets, which may have listed them.
     */
    public static boolean pointsAtListed(String text, List<String> recentIntents) {
        return !recentIntents.isEmpty() && aboutATicket(recentIntents.get(recentIntents.size() - 1))
                && placeIn(text) != NO_PLACE;
    }

    /**
     * The one ticket whose subject shares the most topic words with the message ("close the calendar ticket" →
     * "Google Calendar events are missing"); empty when none or several tie.
     */
    static Optional<SupportDesk.Ticket> namedIn(String text, List<SupportDesk.Ticket> tickets) {
        List<String> topic = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (word.length() >= 4 && !COMMAND_WORDS.contains(word)) {
                topic.add(word);
            }
        }
        SupportDesk.Ticket best = null;
        int bestShared = 0;
        boolean tie = false;
        for (SupportDesk.Ticket ticket : tickets) {
            String subject = ticket.subject() == null ? "" : ticket.subject().toLowerCase(Locale.ROOT);
            int shared = (int) topic.stream().filter(subject::contains).count();
            if (shared > bestShared) {
                best = ticket;
                bestShared = shared;
                tie = false;
            } else if (shared == bestShared && shared > 0) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    /** Where a command to change a ticket at the start of the message ends ("add to my ticket that"); -1 without. */
    private static int leadingUpdateEnd(String text) {
        Matcher matcher = UPDATE_PHRASE.matcher(text);
        return matcher.find() && matcher.start() <= LEADING_COMMAND_CHARS ? matcher.end() : -1;
    }

    /** What the customer wrote about the problem in a request to open a ticket; null if nothing. */
    static String describedIn(String text) {
        int trailing = leadingRequest(text) ? -1 : trailingRequestAt(text);
        String rest = trailing > 0 ? text.strip().substring(0, trailing)
                : REQUEST_PHRASE.matcher(text.strip()).replaceFirst("").strip();
        if (rest.equals(text.strip()) && !Phrases.mentionsTicket(text)) {
            rest = text.strip();
        }
        rest = rest.replaceAll("^[,.:;!?\\- ]+", "").replaceAll("[ ]*(please|pls)[.!]*$", "");
        return Phrases.words(rest) >= 3 ? capitalised(rest) : null;
    }

    /**
     * What goes on the ticket from a request to update it: the words after the command ("add a comment to
     * TKT-1: it affects 12 people" adds "It affects 12 people"), or the whole message when it is no command.
     */
    static String commentIn(String request) {
        String text = request.strip();
        Matcher trailing = TRAILING_UPDATE.matcher(text);
        if (trailing.find() && Phrases.words(text.substring(0, trailing.start())) >= 2) {
            return capitalised(text.substring(0, trailing.start()).strip());
        }
        int command = leadingUpdateEnd(text);
        if (command < 0) {
            return text;
        }
        String rest = text.substring(command).strip();
        rest = COMMENT_LEAD.matcher(rest).replaceFirst("");
        return Phrases.words(rest) >= 2 ? capitalised(rest) : text;
    }

    private static boolean hasDetails(String request) {
        String rest = TICKET_ID.matcher(request).replaceAll(" ");
        rest = UPDATE_PHRASE.matcher(rest).replaceAll(" ").replaceAll("[^\\p{L}\\p{N} ]", " ").strip();
        return Phrases.words(rest) >= 3;
    }

    static String subjectOf(String description) {
        String first = description.strip().split("(?<=[.!?])\\s+|\\n", 2)[0].strip();
        Matcher greeting = GREETING_OPENING.matcher(first);
        if (greeting.lookingAt() && Phrases.words(first.substring(greeting.end())) >= MIN_SUBJECT_WORDS) {
            // "hi I was charged twice this month" is about the charge, not a greeting
            first = first.substring(greeting.end());
        }
        if (first.length() > MAX_SUBJECT) {
            int cut = first.lastIndexOf(' ', MAX_SUBJECT - 1);
            first = first.substring(0, cut > 20 ? cut : MAX_SUBJECT - 1) + "…";
        }
        return capitalised(first.replaceAll("[.!]+$", ""));
    }

    static String categoryOf(String intent, String description) {
        String text = description.toLowerCase(Locale.ROOT);
        String byIntent = switch (intent == null ? "" : intent) {
            case "billing_question", "refund_request", "cancel_subscription" -> "billing";
            case "technical_issue", "reset_password" -> "technical";
            case "account_info", "plan_upgrade" -> "account";
            default -> null;
        };
        if (byIntent != null) {
            return byIntent;
        }
        if (text.matches("(?s).*\\b(invoice|charge[ds]?|charged|refund|bill|billing|payment|paid|card|price|vat)\\b.*")) {
            return "billing";
        }
        if (text.matches("(?s).*\\b(password|log ?in|sign ?in|error|crash\\w*|bug|broken|sync\\w*|api|slow|outage"
                + "|down|fail\\w*|not working|doesn'?t work|times? ?out|timed out|timing out|freez\\w*|stuck|hangs?"
                + "|glitch\\w*|stopped|not (?:arriving|loading|showing|saving|sending|updating)|missing|disappeared"
                + "|export\\w*|import\\w*|upload\\w*|notifications?|integrations?|webhooks?)\\b.*")) {
            return "technical";
        }
        if (text.matches("(?s).*\\b(plan|seats?|upgrade|downgrade|account|subscription|user)\\b.*")) {
            return "account";
        }
        return "general";
    }

    static String priorityOf(String description, Mood mood) {
        double frustration = mood.measured() ? mood.frustration() : 0.0;
        boolean urgentWords = Phrases.urgent(description);
        if (frustration >= 0.7 || (urgentWords && frustration >= 0.4)) {
            return "urgent";
        }
        if (urgentWords || frustration >= 0.4) {
            return "high";
        }
        return "medium";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
