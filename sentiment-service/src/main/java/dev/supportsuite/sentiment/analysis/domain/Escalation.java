package dev.supportsuite.sentiment.analysis.domain;

import java.util.List;

/**
 * Advice on handing the conversation to a human.
 *
 * @param level   none, suggest (offer a human) or immediate (hand over now)
 * @param reasons reason codes in order of importance, for example {@code high_frustration}
 */
public record Escalation(Level level, List<String> reasons) {

    public Escalation {
        reasons = List.copyOf(reasons);
    }

    /** Escalation level. */
    public enum Level {
        NONE, SUGGEST, IMMEDIATE
    }
}
