package dev.supportsuite.memory.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How memory-service keeps conversations and profiles.
 *
 * @param maxConversationHistory how many recent messages the agent's context carries verbatim
 *                               ({@code MAX_CONVERSATION_HISTORY}); default 20
 * @param contextTokenBudget     the most tokens (estimated at four characters a token) the recent
 *                               messages of a context may take; the oldest are left out first, the
 *                               newest message always stays; default 3000
 * @param sessionTimeout         inactivity after which a new message belongs in a new conversation
 *                               ({@code SESSION_TIMEOUT_HOURS}); default 24 h
 * @param summaryThreshold       a conversation longer than this many messages gets a rolling summary
 *                               of everything before the recent window; default 30
 * @param summaryRefreshInterval the summary is refreshed once this many messages have left the
 *                               recent window since the last refresh; default 6
 * @param factTtl                how long a profile fact is kept after it was last observed; default 365 days
 * @param ticketIdPattern        regular expression of a ticket id as ticket-service writes it;
 *                               default {@code TKT-[0-9A-Z]+}
 */
@Validated
@ConfigurationProperties("support.memory")
public record MemoryProperties(
        @Min(1) @DefaultValue("20") int maxConversationHistory,
        @Min(50) @DefaultValue("3000") int contextTokenBudget,
        @NotNull @DefaultValue("24h") Duration sessionTimeout,
        @Min(1) @DefaultValue("30") int summaryThreshold,
        @Min(1) @DefaultValue("6") int summaryRefreshInterval,
        @NotNull @DefaultValue("365d") Duration factTtl,
        @NotBlank @DefaultValue("TKT-[0-9A-Z]+") String ticketIdPattern) {
}
