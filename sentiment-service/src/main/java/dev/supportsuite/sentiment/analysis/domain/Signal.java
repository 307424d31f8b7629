package dev.supportsuite.sentiment.analysis.domain;

/**
 * One thing in a message that raised its frustration score.
 *
 * @param type     what was found
 * @param evidence the matched word or phrase, or a short description (for example "4 words in capitals")
 * @param weight   how much this signal alone contributes, 0..1
 */
public record Signal(SignalType type, String evidence, double weight) {
}
