package dev.supportsuite.sentiment.analysis.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Several messages to analyze independently, in one call.
 *
 * @param items the messages, each with its own optional history; at most the configured batch size
 */
record BatchAnalyzeRequest(@NotNull List<@NotNull @Valid AnalyzeRequest> items) {
}
