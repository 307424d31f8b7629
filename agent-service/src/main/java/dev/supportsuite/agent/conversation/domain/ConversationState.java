package dev.supportsuite.agent.conversation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent keeps about one conversation between turns. Immutable; each turn produces the next
 * state, saved only if nobody else changed the row meanwhile ({@code version}).
 *
 * @param userId          the verified customer the conversation belongs to
 * @param identityType    how the customer was verified ({@code user}, {@code visitor}, {@code partner})
 * @param handoffId       the current or last handoff, or null
 * @param pending         the multi-turn action waiting for the customer, or null
 * @param recentIntents   the intents of the last few customer messages, oldest first
 * @param recentMessages  the last few customer messages, oldest first (sentiment history, summaries)
 * @param polarities      the sentiment of the last few customer messages, oldest first
 * @param unanswered      knowledge questions in a row the agent could not answer
 * @param lastSeq         sequence number of the last customer message handled
 * @param version         0 for a conversation not stored yet
 * @param waitingSince    when the conversation started waiting for a human; null unless waiting
 * @param lastTicketId    the ticket the conversation last opened, showed or changed ("close that one" means it);
 *                        null before any
 * @param lastAnswerId    the knowledge-base document the last answer came from ("and on Business?" may be answered by
 *                        the same entry); null before any, or after a question the knowledge base had no answer for
 * @param listedTicketIds the tickets the conversation last listed, in the order shown ("close the first one" means
 *                        the first of them); empty before any list
 */
public record ConversationState(
        String conversationId,
        String userId,
        String identityType,
        Mode mode,
        String handoffId,
        Pending pending,
        List<String> recentIntents,
        List<String> recentMessages,
        List<Double> polarities,
        int unanswered,
        long lastSeq,
        long version,
        Instant updatedAt,
        Instant waitingSince,
        String lastTicketId,
        String lastAnswerId,
        List<String> listedTicketIds) {

    /** How many recent intents, messages and polarities a state keeps. */
    public static final int KEPT = 6;
    private static final int MAX_KEPT_CHARS = 500;

    public ConversationState {
        recentIntents = List.copyOf(recentIntents);
        recentMessages = List.copyOf(recentMessages);
        polarities = List.copyOf(polarities);
        listedTicketIds = listedTicketIds == null ? List.of() : List.copyOf(listedTicketIds);
    }

    public static ConversationState start(String conversationId, String userId, String identityType, Instant now) {
        return new ConversationState(conversationId, userId, identityType, Mode.AI, null, null, List.of(), List.of(),
                List.of(), 0, 0, 0, now, null, null, null, List.of());
    }

    public boolean stored() {
        return version > 0;
    }

    /** The state in another mode; entering {@code waiting_for_human} starts the wait at {@code updatedAt}. */
    public ConversationState withMode(Mode next, String handoff) {
        Instant waiting = next != Mode.WAITING_FOR_HUMAN ? null : mode == Mode.WAITING_FOR_HUMAN ? waitingSince
                : updatedAt;
        return new ConversationState(conversationId, userId, identityType, next, handoff, pending, recentIntents,
                recentMessages, polarities, unanswered, lastSeq, version, updatedAt, waiting, lastTicketId, lastAnswerId, listedTicketIds);
    }

    public ConversationState withPending(Pending next) {
        return new ConversationState(conversationId, userId, identityType, mode, handoffId, next, recentIntents,
                recentMessages, polarities, unanswered, lastSeq, version, updatedAt, waitingSince, lastTicketId, lastAnswerId, listedTicketIds);
    }

    public ConversationState withUnanswered(int count) {
        return new ConversationState(conversationId, userId, identityType, mode, handoffId, pending, recentIntents,
                recentMessages, polarities, count, lastSeq, version, updatedAt, waitingSince, lastTicketId, lastAnswerId, listedTicketIds);
    }

    /** The state after a customer message: remembered, with its intent and polarity (null when unknown). */
    public ConversationState heard(String message, String intent, Double polarity, long seq, Instant now) {
        List<String> intents = intent == null ? recentIntents : keepLast(recentIntents, intent);
        String kept = message.length() > MAX_KEPT_CHARS ? message.substring(0, MAX_KEPT_CHARS) : message;
        List<Double> moods = polarity == null ? polarities : keepLast(polarities, polarity);
        return new ConversationState(conversationId, userId, identityType, mode, handoffId, pending, intents,
                keepLast(recentMessages, kept), moods, unanswered, Math.max(lastSeq, seq), version, now, waitingSince,
                lastTicketId, lastAnswerId, listedTicketIds);
    }

    /** The state after the conversation opened, showed or changed {@code ticketId}. */
    public ConversationState withLastTicket(String ticketId) {
        return new ConversationState(conversationId, userId, identityType, mode, handoffId, pending, recentIntents,
                recentMessages, polarities, unanswered, lastSeq, version, updatedAt, waitingSince, ticketId, lastAnswerId, listedTicketIds);
    }

    /** The state after an answer from {@code documentId}, or after a question left unanswered (null). */
    public ConversationState withLastAnswer(String documentId) {
        return new ConversationState(conversationId, userId, identityType, mode, handoffId, pending, recentIntents,
                recentMessages, polarities, unanswered, lastSeq, version, updatedAt, waitingSince, lastTicketId,
                documentId, listedTicketIds);
    }

    /** The state after the conversation listed {@code ticketIds}, in the order shown. */
    public ConversationState withListedTickets(List<String> ticketIds) {
        return new ConversationState(conversationId, userId, identityType, mode, handoffId, pending, recentIntents,
                recentMessages, polarities, unanswered, lastSeq, version, updatedAt, waitingSince, lastTicketId,
                lastAnswerId, ticketIds);
    }

    /** The state as stored once more: {@code version} one higher. */
    public ConversationState savedOnce() {
        return new ConversationState(conversationId, userId, identityType, mode, handoffId, pending, recentIntents,
                recentMessages, polarities, unanswered, lastSeq, version + 1, updatedAt, waitingSince, lastTicketId, lastAnswerId, listedTicketIds);
    }

    public ConversationState touched(Instant now) {
        return new ConversationState(conversationId, userId, identityType, mode, handoffId, pending, recentIntents,
                recentMessages, polarities, unanswered, lastSeq, version, now, waitingSince, lastTicketId, lastAnswerId, listedTicketIds);
    }

    private static <T> List<T> keepLast(List<T> values, T added) {
        List<T> next = new ArrayList<>(values.size() + 1);
        next.addAll(values);
        next.add(added);
        return next.size() > KEPT ? next.subList(next.size() - KEPT, next.size()) : next;
    }
}
