package dev.supportsuite.memory.profile.domain;

/** Categories of profile facts. */
public final class FactCategory {

    public static final String NAME = "name";
    public static final String LANGUAGE = "preferred_language";
    public static final String CHANNEL = "preferred_channel";
    public static final String PLAN = "plan";
    public static final String PRODUCT = "product";
    public static final String OPEN_ISSUE = "open_issue";
    public static final String RESOLVED_ISSUE = "resolved_issue";
    public static final String ESCALATION = "escalation";
    public static final String FEEDBACK = "feedback";

    private FactCategory() {
    }
}
