package dev.supportsuite.memory.summary.domain;

import dev.supportsuite.contracts.chat.Citation;
import dev.supportsuite.contracts.conversation.ToolCall;
import dev.supportsuite.memory.transcript.domain.StoredMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * The summarizer used when no LLM is configured: it picks, rather than writes. The customer's
 * issues are the first sentence of each substantive customer message; what was done comes from
 * tool calls, citations, human replies and escalations; a ticket is open until a message mentions
 * it together with a word like "resolved", and a customer issue until the customer later says it
 * worked or thanks the agent.
 */
public final class ExtractiveSummarizer implements Summarizer {

    /** Intents of messages that carry no issue: a greeting, thanks, a goodbye, something off-topic. */
    public static final Set<String> CHATTER_INTENTS = Set.of("greeting", "goodbye", "thanks", "small_talk",
            "smalltalk", "feedback", "out_of_scope");
    private static final Pattern SOLVED = Pattern.compile(
            "(?i)\\b(thanks|thank you|that worked|it works|works now|working now|resolved|fixed|solved|all good|sorted)\\b");
    private static final Pattern TICKET_SOLVED = Pattern.compile("(?i)\\b(resolved|closed|fixed|solved)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s");
    private static final int ISSUE_CHARS = 140;
    private static final int MIN_ISSUE_CHARS = 12;
    private static final int KEEP_EACH_END = 3;
    private static final int MAX_ACTIONS = 8;

    private final TicketIds ticketIds;

    public ExtractiveSummarizer(TicketIds ticketIds) {
        this.ticketIds = ticketIds;
    }

    @Override
    public String name() {
        return "extractive";
    }

    @Override
    public Mono<SummaryDraft> summarize(List<StoredMessage> older, List<String> tickets, Summary previous) {
        return Mono.fromSupplier(() -> draft(older, tickets));
    }

    private SummaryDraft draft(List<StoredMessage> older, List<String> tickets) {
        List<String> issues = new ArrayList<>();
        Set<String> openIssues = new LinkedHashSet<>();
        Set<String> solvedIssues = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        Set<String> solvedTickets = new LinkedHashSet<>();
        for (StoredMessage message : older) {
            String content = message.content() == null ? "" : message.content();
            if (TICKET_SOLVED.matcher(content).find()) {
                solvedTickets.addAll(ticketIds.in(content));
            }
            if (message.fromCustomer()) {
                if (SOLVED.matcher(content).find()) {
                    solvedIssues.addAll(openIssues);
                    openIssues.clear();
                }
                if (isIssue(message, content)) {
                    String issue = firstSentence(content);
                    if (!issues.contains(issue)) {
                        issues.add(issue);
                    }
                    openIssues.add(issue);
                    solvedIssues.remove(issue);
                }
            } else {
                actionsOf(message, actions);
            }
        }
        List<String> open = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (String ticket : tickets) {
            (solvedTickets.contains(ticket) ? resolved : open).add("ticket " + ticket);
        }
        open.addAll(openIssues);
        resolved.addAll(solvedIssues);
        return new SummaryDraft(text(issues, actions, tickets, open, resolved, older.size()), open, resolved);
    }

    private static boolean isIssue(StoredMessage message, String content) {
        String intent = message.intent() == null ? "" : message.intent().toLowerCase(Locale.ROOT);
        return !CHATTER_INTENTS.contains(intent) && content.strip().length() >= MIN_ISSUE_CHARS
                && !SOLVED.matcher(content).find();
    }

    private static void actionsOf(StoredMessage message, Set<String> actions) {
        for (ToolCall call : message.toolCalls()) {
            String outcome = call.outcome() == null || call.outcome().isBlank() ? "" : " -> " + clip(call.outcome());
            actions.add("ran " + call.name() + outcome);
        }
        for (Citation citation : message.citations()) {
            actions.add("answered from \"" + (citation.title() == null ? citation.documentId() : citation.title())
                    + "\"");
        }
        if ("human_agent".equals(message.role())) {
            actions.add("a human agent replied");
        }
    }

    private static String text(List<String> issues, Set<String> actions, List<String> tickets, List<String> open,
            List<String> resolved, int covered) {
        StringBuilder text = new StringBuilder();
        if (!issues.isEmpty()) {
            text.append("Customer issues: ").append(String.join("; ", bothEnds(issues))).append(".\n");
        }
        if (!actions.isEmpty()) {
            List<String> done = new ArrayList<>(actions);
            List<String> shown = done.size() <= MAX_ACTIONS ? done : done.subList(done.size() - MAX_ACTIONS, done.size());
            text.append("Done: ").append(String.join("; ", shown)).append(".\n");
        }
        if (!tickets.isEmpty()) {
            text.append("Tickets: ").append(String.join(", ", tickets)).append(".\n");
        }
        if (!open.isEmpty()) {
            text.append("Still open: ").append(String.join("; ", open)).append(".\n");
        }
        if (!resolved.isEmpty()) {
            text.append("Resolved: ").append(String.join("; ", resolved)).append(".\n");
        }
        text.append("(Summary of the first ").append(covered).append(" messages.)");
        return text.toString();
    }

    /** The first and last few issues, so a long conversation keeps how it started and where it is. */
    private static List<String> bothEnds(List<String> issues) {
        if (issues.size() <= 2 * KEEP_EACH_END) {
            return issues;
        }
        List<String> kept = new ArrayList<>(issues.subList(0, KEEP_EACH_END));
        kept.add("(" + (issues.size() - 2 * KEEP_EACH_END) + " more)");
        kept.addAll(issues.subList(issues.size() - KEEP_EACH_END, issues.size()));
        return kept;
    }

    private static String firstSentence(String content) {
        String flat = content.strip().replaceAll("\\s+", " ");
        String first = SENTENCE_END.split(flat, 2)[0];
        return clip(first);
    }

    private static String clip(String text) {
        String flat = text.strip();
        return flat.length() <= ISSUE_CHARS ? flat : flat.substring(0, ISSUE_CHARS - 1) + "…";
    }
}
