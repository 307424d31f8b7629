package dev.supportsuite.memory.context.domain;

import dev.supportsuite.memory.caller.Caller;
import dev.supportsuite.memory.profile.domain.UserProfile;
import dev.supportsuite.memory.summary.domain.Summary;
import dev.supportsuite.memory.transcript.domain.Conversation;
import dev.supportsuite.memory.transcript.domain.ConversationNotFoundException;
import dev.supportsuite.memory.transcript.domain.StoredMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Assembles a conversation's context for the agent from two parallel queries: the latest messages,
 * and the header with summary, profile and previous conversation.
 */
public final class ContextService {

    /** Fixed per-message overhead of the token estimate (role and framing). */
    private static final int TOKENS_PER_MESSAGE = 4;
    private static final int CHARS_PER_TOKEN = 4;

    private final ContextRepository repository;
    private final int window;
    private final int fetchLimit;
    private final int tokenBudget;
    private final Duration sessionTimeout;
    private final Pattern ticketIds;
    private final Clock clock;

    /**
     * @param window          recent messages kept verbatim
     * @param fetchLimit      messages read per context: enough for the window plus what the summary
     *                        may not cover yet
     * @param tokenBudget     tokens the included messages may take
     * @param ticketIdPattern a ticket id, to list ticket ids of recent messages too
     */
    public ContextService(ContextRepository repository, int window, int fetchLimit, int tokenBudget,
            Duration sessionTimeout, String ticketIdPattern, Clock clock) {
        this.repository = repository;
        this.window = window;
        this.fetchLimit = Math.max(fetchLimit, window);
        this.tokenBudget = tokenBudget;
        this.sessionTimeout = sessionTimeout;
        this.ticketIds = Pattern.compile("\\b(?:" + ticketIdPattern + ")\\b");
        this.clock = clock;
    }

    /**
     * The context of a conversation for {@code caller}. A non-agent caller gets a context only for
     * its own (or a not yet stored) conversation; an agent names the user of a new conversation
     * with {@code userId}.
     */
    public Mono<ConversationContext> context(Caller caller, String conversationId, String userId) {
        String hint = caller.isAgent() ? userId : caller.id();
        return Mono.zip(repository.head(conversationId, hint),
                        repository.latest(conversationId, fetchLimit).collectList())
                .map(loaded -> {
                    ContextHead head = loaded.getT1();
                    Conversation conversation = head.conversation();
                    if (conversation == null ? head.userId() == null : !caller.mayAccess(conversation.userId())) {
                        throw new ConversationNotFoundException(conversationId);
                    }
                    return assemble(conversationId, head, loaded.getT2());
                });
    }

    /** Whether the user's next message should start a new conversation. */
    public Mono<SessionStatus> session(String userId) {
        return repository.lastConversation(userId)
                .map(last -> new SessionStatus(userId, idle(last.lastActivityAt()), last, sessionTimeout))
                .defaultIfEmpty(new SessionStatus(userId, true, null, sessionTimeout));
    }

    private ConversationContext assemble(String conversationId, ContextHead head, List<StoredMessage> newestFirst) {
        List<StoredMessage> ordered = new ArrayList<>(newestFirst);
        ordered.sort(StoredMessage.ORDER);
        int split = Math.max(0, ordered.size() - window);
        List<StoredMessage> recent = new ArrayList<>(ordered.subList(split, ordered.size()));
        Summary summary = head.summary();
        List<StoredMessage> unsummarized = new ArrayList<>();
        for (StoredMessage message : ordered.subList(0, split)) {
            boolean covered = summary != null && summary.coveredUntil() != null
                    && summary.coveredUntil().covers(message);
            if (!covered) {
                unsummarized.add(message);
            }
        }
        int omitted = 0;
        int tokens = tokens(unsummarized) + tokens(recent);
        while (tokens > tokenBudget && !unsummarized.isEmpty()) {
            tokens -= tokens(unsummarized.remove(0));
            omitted++;
        }
        while (tokens > tokenBudget && recent.size() > 1) {
            tokens -= tokens(recent.remove(0));
            omitted++;
        }
        Set<String> tickets = new LinkedHashSet<>(summary == null ? List.of() : summary.ticketIds());
        for (StoredMessage message : ordered) {
            Matcher matcher = ticketIds.matcher(message.content());
            while (matcher.find()) {
                tickets.add(matcher.group());
            }
        }
        Conversation conversation = head.conversation();
        ConversationContext.Session session = new ConversationContext.Session(
                conversation != null && idle(conversation.lastActivityAt()), conversation == null, sessionTimeout,
                head.previous());
        Summary shown = summary == null || !summary.hasText() ? null : withEveryTicket(summary);
        return new ConversationContext(conversationId, head.userId(),
                conversation == null ? null : conversation.status(),
                conversation == null ? null : conversation.startedAt(),
                conversation == null ? null : conversation.lastActivityAt(), recent, unsummarized, omitted, shown,
                List.copyOf(tickets), UserProfile.of(head.userId(), head.facts()), session, tokens);
    }

    /** Ticket ids mentioned after the last refresh are listed too: a summary never drops one. */
    private static Summary withEveryTicket(Summary summary) {
        List<String> missing = summary.ticketIds().stream().filter(id -> !summary.text().contains(id)).toList();
        if (missing.isEmpty()) {
            return summary;
        }
        String text = summary.text() + "\nTickets mentioned since: " + String.join(", ", missing) + ".";
        return new Summary(summary.conversationId(), text, summary.ticketIds(), summary.openItems(),
                summary.resolvedItems(), summary.coveredMessages(), summary.coveredUntil(), summary.generatedBy(),
                summary.updatedAt());
    }

    private boolean idle(Instant lastActivity) {
        return lastActivity != null && lastActivity.plus(sessionTimeout).isBefore(clock.instant());
    }

    private static int tokens(List<StoredMessage> messages) {
        int total = 0;
        for (StoredMessage message : messages) {
            total += tokens(message);
        }
        return total;
    }

    static int tokens(StoredMessage message) {
        int chars = message.content() == null ? 0 : message.content().length();
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + TOKENS_PER_MESSAGE;
    }
}
