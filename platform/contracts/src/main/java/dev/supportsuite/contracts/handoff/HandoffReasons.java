package dev.supportsuite.contracts.handoff;

/** Why a conversation went to a human. Values are stable strings on the wire. */
public final class HandoffReasons {

    public static final String HIGH_FRUSTRATION = "high_frustration";
    public static final String ASKED_FOR_HUMAN = "asked_for_human";
    public static final String DECLINING_TREND = "declining_trend";
    public static final String NO_ANSWER = "no_answer";
    public static final String POLICY = "policy";

    private HandoffReasons() {
    }
}
