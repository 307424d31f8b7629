package dev.supportsuite.agent.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The optional language model, prefix {@code support.llm}. With {@code provider} {@code none} (the
 * default) the agent answers with its grounded composer only; with {@code openai} it uses any
 * OpenAI-compatible chat completions endpoint.
 *
 * @param provider      {@code none} or {@code openai} ({@code SUPPORT_LLM_PROVIDER})
 * @param apiKey        the endpoint's key ({@code OPENAI_API_KEY})
 * @param baseUrl       the endpoint ({@code OPENAI_BASE_URL}), for example an Ollama or vLLM server
 * @param model         the model name ({@code OPENAI_MODEL}); default gpt-4o-mini
 * @param timeout       a whole answer slower than this falls back to the composer, marked degraded
 * @param maxToolRounds tool calls the model may make in a row before it must answer
 */
@Validated
@ConfigurationProperties("support.llm")
public record LlmProperties(
        @NotNull @DefaultValue("none") String provider,
        String apiKey,
        @NotNull @DefaultValue("https://api.openai.com/v1") String baseUrl,
        @NotNull @DefaultValue("gpt-4o-mini") String model,
        @NotNull @DefaultValue("20s") Duration timeout,
        @Min(0) @DefaultValue("3") int maxToolRounds) {

    public boolean openAi() {
        return "openai".equalsIgnoreCase(provider);
    }
}
