package dev.supportsuite.agent.intent.domain;

/**
 * A value recognised in an utterance.
 *
 * @param type  {@code ticket_id}, {@code email}, {@code amount}, {@code date} or {@code plan}
 * @param value the normalised value: an upper-case ticket id, a lower-case e-mail address, an amount as
 *              {@code 12.50 USD}, an ISO-8601 date, a plan name as configured
 * @param text  the text as written
 * @param start offset of the first character in the utterance
 * @param end   offset after the last character
 */
public record Entity(String type, String value, String text, int start, int end) {

    public static final String TICKET_ID = "ticket_id";
    public static final String EMAIL = "email";
    public static final String AMOUNT = "amount";
    public static final String DATE = "date";
    public static final String PLAN = "plan";
}
