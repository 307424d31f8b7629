package dev.supportsuite.agent.intent.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/intents/classify}.
 *
 * @param text the utterance to classify
 */
record ClassifyRequest(@NotBlank @Size(max = 4000) String text) {
}
