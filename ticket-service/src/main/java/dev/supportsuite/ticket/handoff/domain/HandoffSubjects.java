package dev.supportsuite.ticket.handoff.domain;

/**
 * The subject of a handoff's ticket. The customer sees it (for example when they ask the agent for
 * their ticket's status), so it is about their problem, in their words ({@code topic} of the
 * handoff request), and never about why the AI handed over: reason codes and sentiment stay in the
 * description, for agents. Without a topic the subject is a neutral {@link #NEUTRAL}.
 */
public final class HandoffSubjects {

    /** The subject of a handoff ticket whose request did not say what the customer's issue is. */
    public static final String NEUTRAL = "Conversation with our support team";
    /** Longest subject; a longer topic is cut at a word and ends with an ellipsis. */
    static final int MAX_SUBJECT = 200;
    private static final String ELLIPSIS = "…";

    private HandoffSubjects() {
    }

    /** The subject for a handoff request's {@code topic}, which may be null or blank. */
    public static String of(String topic) {
        String text = topic == null ? "" : topic.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return NEUTRAL;
        }
        if (text.length() <= MAX_SUBJECT) {
            return text;
        }
        int room = MAX_SUBJECT - ELLIPSIS.length();
        int cut = text.lastIndexOf(' ', room);
        if (cut <= 0) {
            // A first word longer than the subject is cut inside the word, not between a surrogate pair.
            cut = Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room;
        }
        String head = text.substring(0, cut);
        return head.replaceAll("[\\s\\p{Punct}]+$", "") + ELLIPSIS;
    }
}
