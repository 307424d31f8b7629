package dev.supportsuite.memory.summary.domain;

import dev.supportsuite.contracts.conversation.ToolCall;
import dev.supportsuite.memory.transcript.domain.StoredMessage;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds ticket ids in text and in tool calls, in order of first mention. */
public final class TicketIds {

    private final Pattern pattern;

    /** @param regex a ticket id as ticket-service writes it, for example {@code TKT-[0-9A-Z]+} */
    public TicketIds(String regex) {
        this.pattern = Pattern.compile("\\b(?:" + regex + ")\\b");
    }

    public Set<String> in(String text) {
        Set<String> ids = new LinkedHashSet<>();
        addFrom(text, ids);
        return ids;
    }

    /** Ticket ids in the messages' text and in their tool calls' arguments and outcomes. */
    public Set<String> in(Collection<StoredMessage> messages) {
        Set<String> ids = new LinkedHashSet<>();
        for (StoredMessage message : messages) {
            addFrom(message.content(), ids);
            for (ToolCall call : message.toolCalls()) {
                addFrom(call.outcome(), ids);
                call.arguments().values().forEach(value -> addFrom(value, ids));
            }
        }
        return ids;
    }

    private void addFrom(String text, Set<String> ids) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
    }
}
