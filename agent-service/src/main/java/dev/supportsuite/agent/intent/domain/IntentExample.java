package dev.supportsuite.agent.intent.domain;

/**
 * One labelled example utterance of an intent catalog.
 *
 * @param text   what a customer might write
 * @param intent the intent it expresses, for example {@code reset_password}
 */
public record IntentExample(String text, String intent) {
}
