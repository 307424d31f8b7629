package dev.supportsuite.agent.config;

import dev.supportsuite.agent.intent.domain.ClassifierSettings;
import dev.supportsuite.agent.intent.domain.IntentSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Intent catalog and classifier, prefix {@code support.agent.intent}.
 *
 * @param minConfidence        out-of-scope threshold on the calibrated confidence when a catalog carries
 *                             none; default 0.5
 * @param maxExamples          largest catalog accepted; default 50,000
 * @param minExamplesPerIntent fewest examples an intent may have; default 2
 * @param maxUploadSize        largest catalog body; default 16 MB
 * @param alternatives         intents listed in a classification; default 3
 * @param readyTimeout         how long a classification waits for the first catalog at startup; default 2 min
 * @param threads              inference threads (embedding and training); default the number of cores
 * @param queueSize            inference tasks that may wait for a thread; default 1,000
 * @param encodeBatchSize      texts per embedding call when a catalog is encoded; default 256
 * @param defaultCatalog       the shipped catalog used until an operator stores one
 * @param defaultCatalogMinConfidence the shipped catalog's own out-of-scope threshold; default 0.4, lower
 *                             than for catalogs in general because the shipped one has an explicit
 *                             out-of-scope class and fine-grained neighbouring intents (a ticket status
 *                             question splits its probability between {@code ticket_status} and
 *                             {@code create_ticket}), and every question it lets through still has to pass
 *                             the knowledge base's own answerability check
 * @param plans                plan names recognised as entities
 * @param training             classifier training settings
 */
@Validated
@ConfigurationProperties("support.agent.intent")
public record IntentProperties(
        @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("0.999") double minConfidence,
        @DefaultValue("50000") @Min(2) int maxExamples,
        @DefaultValue("2") @Min(1) int minExamplesPerIntent,
        @DefaultValue("16MB") @NotNull DataSize maxUploadSize,
        @DefaultValue("3") @Min(1) int alternatives,
        @DefaultValue("2m") @NotNull Duration readyTimeout,
        @DefaultValue("0") @Min(0) int threads,
        @DefaultValue("1000") @Min(1) int queueSize,
        @DefaultValue("256") @Min(1) int encodeBatchSize,
        @DefaultValue("classpath:intents/default-catalog.csv") @NotNull Resource defaultCatalog,
        @DefaultValue("0.4") @DecimalMin("0") @DecimalMax("0.999") double defaultCatalogMinConfidence,
        @DefaultValue({"free", "team", "business", "enterprise"}) @NotNull List<String> plans,
        @DefaultValue @Valid @NotNull Training training) {

    /**
     * Classifier training; see {@link ClassifierSettings} for the meaning of each value.
     *
     * @param epochs              passes over the catalog; default 10
     * @param batchSize           examples per gradient step; default 64
     * @param learningRate        Adam step size; default 0.003
     * @param l2                  L2 penalty; default 1e-5
     * @param lexicalBuckets      hashed word-feature space, a power of two (0 = off); default 16384
     * @param lexicalWeight       weight of word features next to the embedding; default 1
     * @param calibrationFraction share held out per intent to fit the temperature; default 0.1
     * @param seed                training seed; default 42
     */
    public record Training(
            @DefaultValue("10") @Min(1) int epochs,
            @DefaultValue("64") @Min(1) int batchSize,
            @DefaultValue("0.003") @DecimalMin("0") double learningRate,
            @DefaultValue("0.00001") @DecimalMin("0") double l2,
            @DefaultValue("16384") @Min(0) int lexicalBuckets,
            @DefaultValue("1") @DecimalMin("0") float lexicalWeight,
            @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("0.5") double calibrationFraction,
            @DefaultValue("42") long seed) {
    }

    int inferenceThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    IntentSettings settings() {
        return new IntentSettings(minConfidence, maxExamples, minExamplesPerIntent, alternatives, readyTimeout,
                encodeBatchSize, new ClassifierSettings(training.epochs(), training.batchSize(),
                        training.learningRate(), training.l2(), training.lexicalBuckets(), training.lexicalWeight(),
                        training.calibrationFraction(), training.seed()));
    }
}
