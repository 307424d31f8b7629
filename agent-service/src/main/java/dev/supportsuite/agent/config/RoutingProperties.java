package dev.supportsuite.agent.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the agent routes and when it hands over.
 *
 * @param handoffFrustration frustration at or above which a person takes over at once
 *                           ({@code HANDOFF_FRUSTRATION}, default 0.8)
 * @param negativePolarity   polarity at or below minus this counts as upset: a complaint is met with an
 *                           offer of a person, other answers with an apology ({@code SENTIMENT_THRESHOLD})
 * @param unansweredHandoff  questions in a row the knowledge base could not answer before a person takes
 *                           over; 0 never
 * @param sureAnswerConfidence knowledge-base confidence at or above which a passage is given as the answer;
 *                           an answerable one below it is offered as the closest entry, named first
 *                           ({@code SUPPORT_SURE_ANSWER_CONFIDENCE}, default 0.7)
 * @param openConversation   ticket updates are posted to the customer's conversation if it was active
 *                           within this time
 * @param classifierTimeout  the intent classifier's budget per message
 * @param humanWait          how long a conversation waits for a human before the customer is told that
 *                           nobody is free and offered a ticket ({@code SUPPORT_HUMAN_WAIT}, default 3 min)
 */
@Validated
@ConfigurationProperties("support.agent.routing")
public record RoutingProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.8") double handoffFrustration,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.3") double negativePolarity,
        @Min(0) @DefaultValue("3") int unansweredHandoff,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.7") double sureAnswerConfidence,
        @NotNull @DefaultValue("24h") Duration openConversation,
        @NotNull @DefaultValue("2s") Duration classifierTimeout,
        @NotNull @DefaultValue("3m") Duration humanWait) {
}
