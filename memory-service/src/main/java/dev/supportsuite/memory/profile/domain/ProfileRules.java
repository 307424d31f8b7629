package dev.supportsuite.memory.profile.domain;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.TurnMessage;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explicit rules that turn conversation and ticket events into profile facts. Every fact is
 * written for the user the event names, never another; the customer's own words are the only
 * source of personal facts (a reply never is).
 */
public final class ProfileRules {

    /** Key prefix of ticket-backed issues: {@code issue:<ticketId>}. */
    public static final String ISSUE_PREFIX = "issue:";

    private static final String LANGUAGES =
            "english|spanish|french|german|italian|portuguese|dutch|polish|swedish|turkish|japanese|chinese|korean|arabic|hindi";
    private static final Pattern NAME = Pattern.compile(
            "(?:(?i:my name is|my name's|call me)|^(?i:(?:hi|hello|hey)[,!. ]+(?:i'm|i am|this is)))"
                    + "\\s+(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?)");
    private static final Pattern LANGUAGE_EXPLICIT = Pattern.compile(
            "(?i)\\b(?:speak|write|reply|answer|respond|talk)(?: to me)? in\\s+(" + LANGUAGES + ")\\b"
                    + "|\\bprefer(?:s|red)?(?: to use)?\\s+(" + LANGUAGES + ")\\b");
    private static final Pattern CHANNEL = Pattern.compile(
            "(?i)\\b(?:contact|reach|call|email|e-mail|text|message|notify)\\s+me\\s+(?:by|via|on|through|over|at)\\s+"
                    + "(?:my\\s+)?(e-?mail|phone|sms|text|whatsapp|chat)\\b"
                    + "|\\bprefer(?:s|red)?\\s+(e-?mail|phone calls?|phone|sms|text messages?|whatsapp|chat)\\b");
    private static final Pattern PLAN = Pattern.compile(
            "(?i)\\b(?:on|have|using|bought|subscribed to|upgraded to|downgraded to|pay for)\\s+(?:the\\s+|a\\s+|an\\s+|my\\s+)?"
                    + "(free|basic|starter|standard|pro|professional|premium|business|enterprise|team|plus|family)"
                    + "\\s+(?:plan|tier|subscription|package)\\b");
    private static final Pattern PRODUCT = Pattern.compile(
            "(?:(?i:i use|i'm using|i am using|i bought|i purchased|i own|i have|we use|we bought|my))\\s+"
                    + "(?:(?i:the|a|an)\\s+)?(\\p{Lu}[\\w-]*\\d[\\w-]*|\\p{Lu}[\\w-]+\\s+(?:\\p{Lu}[\\w-]*|\\d[\\w.-]*))");
    private static final Pattern RATING = Pattern.compile("(?i)\\b(\\d{1,2})\\s*(?:/|out of)\\s*(5|10)\\b");
    private static final Set<String> FEEDBACK_INTENTS = Set.of("feedback", "satisfaction", "compliment");
    private static final Set<String> RESOLVED_STATUSES = Set.of("resolved", "closed", "done", "solved");
    private static final int SNIPPET = 160;

    private final Duration ttl;

    public ProfileRules(Duration ttl) {
        this.ttl = ttl;
    }

    /** Facts a turn reveals about its user. */
    public List<ProfileFact> fromTurn(ConversationTurnRecordedEvent event) {
        List<ProfileFact> facts = new ArrayList<>();
        if (event.userId() == null) {
            return facts;
        }
        TurnMessage said = event.userMessage();
        Instant at = observedAt(event, said);
        if (said != null && "user".equals(said.role()) && said.content() != null) {
            String text = said.content();
            Fact fact = new Fact(event, said, at, facts);
            match(NAME, text).ifPresent(name -> fact.add("name", FactCategory.NAME, name));
            match(LANGUAGE_EXPLICIT, text).map(ProfileRules::capitalise)
                    .ifPresent(language -> fact.add("preferred_language", FactCategory.LANGUAGE, language));
            match(CHANNEL, text).map(ProfileRules::channel)
                    .ifPresent(channel -> fact.add("preferred_channel", FactCategory.CHANNEL, channel));
            match(PLAN, text).map(ProfileRules::capitalise)
                    .ifPresent(plan -> fact.add("plan", FactCategory.PLAN, plan));
            Matcher products = PRODUCT.matcher(text);
            while (products.find()) {
                String product = products.group(1).strip();
                if (!PLAN.matcher(text.substring(products.start())).lookingAt()) {
                    fact.add("product:" + product.toLowerCase(Locale.ROOT), FactCategory.PRODUCT, product);
                }
            }
            boolean feedback = event.intent() != null
                    && FEEDBACK_INTENTS.contains(event.intent().toLowerCase(Locale.ROOT));
            if (feedback || RATING.matcher(text).find()) {
                String mood = event.sentiment() == null ? "unrated" : event.sentiment().label();
                fact.add("feedback:" + said.messageId(), FactCategory.FEEDBACK, mood + ": " + snippet(text));
            }
        }
        if (event.escalated()) {
            String reason = event.intent() == null ? "" : " (" + event.intent() + ")";
            facts.add(fact(event.userId(), "escalation:" + event.conversationId(), FactCategory.ESCALATION,
                    "conversation " + event.conversationId() + " handed to a human" + reason,
                    said == null ? null : said.messageId(), event.conversationId(), at));
        }
        return facts;
    }

    /** The issue fact a ticket event changes, if the ticket belongs to a known user. */
    public Optional<ProfileFact> fromTicket(Event event) {
        if (event instanceof TicketOpenedEvent opened && opened.userId() != null) {
            String subject = opened.subject() == null || opened.subject().isBlank() ? opened.ticketId()
                    : snippet(opened.subject());
            return Optional.of(fact(opened.userId(), ISSUE_PREFIX + opened.ticketId(), issueCategory(opened.status()),
                    subject, null, opened.conversationId(), at(opened)));
        }
        if (event instanceof TicketUpdatedEvent updated && updated.userId() != null) {
            // An update carries no subject: an empty value keeps the stored one.
            return Optional.of(fact(updated.userId(), ISSUE_PREFIX + updated.ticketId(),
                    issueCategory(updated.status()), "", null, updated.conversationId(), at(updated)));
        }
        return Optional.empty();
    }

    private static String issueCategory(String status) {
        return status != null && RESOLVED_STATUSES.contains(status.toLowerCase(Locale.ROOT))
                ? FactCategory.RESOLVED_ISSUE : FactCategory.OPEN_ISSUE;
    }

    private ProfileFact fact(String userId, String key, String category, String value, String messageId,
            String conversationId, Instant at) {
        return new ProfileFact(userId, key, category, value, messageId, conversationId, at, at.plus(ttl));
    }

    private static Instant at(Event event) {
        return event.occurredAt() == null ? Instant.now() : event.occurredAt();
    }

    private static Instant observedAt(ConversationTurnRecordedEvent event, TurnMessage said) {
        if (said != null && said.sentAt() != null) {
            return said.sentAt();
        }
        return at(event);
    }

    private static Optional<String> match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return Optional.of(matcher.group(group).strip());
            }
        }
        return Optional.empty();
    }

    private static String channel(String said) {
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.startsWith("e")) {
            return "email";
        }
        if (lower.startsWith("phone")) {
            return "phone";
        }
        if (lower.startsWith("sms") || lower.startsWith("text")) {
            return "sms";
        }
        return lower;
    }

    private static String capitalise(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static String snippet(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET - 1) + "…";
    }

    /** Collects facts learned from one customer message. */
    private final class Fact {
        private final ConversationTurnRecordedEvent event;
        private final TurnMessage said;
        private final Instant at;
        private final List<ProfileFact> facts;

        Fact(ConversationTurnRecordedEvent event, TurnMessage said, Instant at, List<ProfileFact> facts) {
            this.event = event;
            this.said = said;
            this.at = at;
            this.facts = facts;
        }

        void add(String key, String category, String value) {
            facts.add(fact(event.userId(), key, category, value, said.messageId(), event.conversationId(), at));
        }
    }
}
