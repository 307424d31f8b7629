package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.chat.Citation;
import java.util.List;

/**
 * What the agent answers to one customer message.
 *
 * @param degraded  a fallback produced the answer because a part of the agent was unavailable
 * @param citations knowledge entries the answer relies on
 */
public record Reply(String content, String intent, boolean escalated, boolean degraded, List<Citation> citations) {

    public Reply {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    public Reply(String content, String intent, boolean escalated) {
        this(content, intent, escalated, false, List.of());
    }
}
