package dev.supportsuite.sentiment.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds, keyword list and request limits of the sentiment analysis.
 *
 * @param sentimentThreshold   {@code SENTIMENT_THRESHOLD}, default 0.3: a polarity at or below minus this is
 *                             clearly negative; it adds the {@code negative_tone} frustration signal and turns a
 *                             declining trend into a {@code declining_trend} escalation suggestion
 * @param handoffThreshold     {@code HANDOFF_THRESHOLD}, default -0.5: a polarity at or below this suggests a
 *                             human ({@code very_negative}); together with a declining trend it escalates immediately
 * @param frustrationKeywords  {@code FRUSTRATION_KEYWORDS}, comma-separated words or phrases matched as whole
 *                             words, case-insensitively; each found adds the {@code keyword} signal
 * @param suggestFrustration   frustration at or above this suggests a human ({@code elevated_frustration}); default 0.5
 * @param immediateFrustration frustration at or above this escalates immediately ({@code high_frustration}); default 0.8
 * @param neutralBand          |polarity| at or below this is labelled neutral; default 0.05
 * @param maxTextSize          largest text (and history text) accepted, in UTF-8 bytes; larger gets 413; default 128KB
 * @param maxBatchSize         most items in one batch request; more gets 413; default 1000
 * @param maxHistory           most history entries in one request; more gets 400; default 50
 * @param trendWindow          how many most recent polarities (history plus current) the trend uses; default 5
 * @param trendDeadBand        |slope| per message at or below this is a stable trend; default 0.1
 * @param workers              threads of the bounded scheduler the analysis runs on; 0 means one per CPU core
 * @param inlineMaxChars       a single request whose text and history texts add up to at most this many characters
 *                             (a chat message: about 10 us of work) is analyzed on the calling thread; larger ones
 *                             and every batch run on the bounded scheduler; default 4096
 */
@Validated
@ConfigurationProperties("support.sentiment")
public record SentimentProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.3") double sentimentThreshold,
        @DecimalMin("-1.0") @DecimalMax("0.0") @DefaultValue("-0.5") double handoffThreshold,
        @NotEmpty @DefaultValue({"angry", "frustrated", "terrible"}) List<String> frustrationKeywords,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double suggestFrustration,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.8") double immediateFrustration,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.05") double neutralBand,
        @NotNull @DefaultValue("128KB") DataSize maxTextSize,
        @Min(1) @DefaultValue("1000") int maxBatchSize,
        @Min(0) @DefaultValue("50") int maxHistory,
        @Min(2) @Max(100) @DefaultValue("5") int trendWindow,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.1") double trendDeadBand,
        @Min(0) @Max(64) @DefaultValue("0") int workers,
        @Min(0) @DefaultValue("4096") int inlineMaxChars) {
}
