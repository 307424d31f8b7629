package dev.supportsuite.sentiment.analysis.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * An earlier user message: exactly one of its text (scored again) or its polarity (as this service
 * returned it earlier).
 *
 * @param text     the earlier message
 * @param polarity its polarity in [-1, 1]
 */
record HistoryEntry(String text, @DecimalMin("-1.0") @DecimalMax("1.0") Double polarity) {

    @JsonIgnore
    @AssertTrue(message = "give exactly one of text or polarity")
    boolean isExactlyOneGiven() {
        return (text == null) != (polarity == null);
    }
}
