package dev.supportsuite.sentiment.analysis.domain;

/** The kinds of frustration signal the detector reports. */
public enum SignalType {
    /** A configured frustration keyword or phrase, matched as whole words, case-insensitively. */
    KEYWORD,
    /** Words written in capitals (shouting). */
    ALL_CAPS,
    /** Runs of '!' or '?' such as "!!!" or "?!?". */
    REPEATED_PUNCTUATION,
    /** Swearing. */
    PROFANITY,
    /** The customer says they have asked before, or repeats an earlier message. */
    REPEATED_ASK,
    /** Complaints about waiting or slowness ("been waiting for days", "still no reply"). */
    WAITING_TIME,
    /** Threats to leave, cancel or take action ("cancel my account", "switching to", "lawyer"). */
    THREAT_TO_LEAVE,
    /** Strongly negative wording overall (polarity below the negative threshold). */
    NEGATIVE_TONE
}
