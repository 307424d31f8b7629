package dev.supportsuite.agent.config;

import jakarta.validation.constraints.NotBlank;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The product the agent supports, prefix {@code support.agent.product}: a company running the suite sets its
 * own.
 *
 * @param name        the product's name ({@code SUPPORT_PRODUCT_NAME}, default Pennant, the shipped knowledge
 *                    base's product)
 * @param description what it is, after its name in the model's instructions
 *                    ({@code SUPPORT_PRODUCT_DESCRIPTION}, default "a project management product")
 */
@Validated
@ConfigurationProperties("support.agent.product")
public record ProductProperties(
        @NotBlank @DefaultValue("Pennant") String name,
        @NotBlank @DefaultValue("a project management product") String description) {

    /** "Pennant, a project management product". */
    public String introduction() {
        return name.strip() + ", " + description.strip();
    }

    /** The words of the name, lower case: a question may use them without a help-center passage repeating them. */
    public Set<String> nameWords() {
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+]+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet());
    }
}
