package dev.supportsuite.sentiment.config;

import dev.supportsuite.platform.problem.ProblemMapping;
import dev.supportsuite.platform.problem.ProblemMappings;
import dev.supportsuite.sentiment.analysis.api.BatchTooLargeException;
import dev.supportsuite.sentiment.analysis.api.HistoryTooLongException;
import dev.supportsuite.sentiment.analysis.api.TextTooLargeException;
import dev.supportsuite.sentiment.analysis.domain.AnalyzerSettings;
import dev.supportsuite.sentiment.analysis.domain.Lexicon;
import dev.supportsuite.sentiment.analysis.domain.SentimentAnalyzer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Wires the analyzer from {@link SentimentProperties}, its scheduler and the problem types of the API. */
@Configuration(proxyBeanMethods = false)
class SentimentConfiguration {

    @Bean
    SentimentAnalyzer sentimentAnalyzer(SentimentProperties properties) {
        if (properties.suggestFrustration() > properties.immediateFrustration()) {
            throw new IllegalStateException("support.sentiment.suggest-frustration ("
                    + properties.suggestFrustration() + ") must not exceed support.sentiment.immediate-frustration ("
                    + properties.immediateFrustration() + ")");
        }
        AnalyzerSettings settings = new AnalyzerSettings(properties.neutralBand(), properties.sentimentThreshold(),
                properties.handoffThreshold(), properties.suggestFrustration(), properties.immediateFrustration(),
                properties.frustrationKeywords(), properties.trendWindow(), properties.trendDeadBand());
        return new SentimentAnalyzer(Lexicon.bundled(), settings);
    }

    /** Analysis is CPU work: it runs on its own bounded scheduler, never on the event loop. */
    @Bean(destroyMethod = "dispose")
    Scheduler sentimentScheduler(SentimentProperties properties) {
        int threads = properties.workers() > 0 ? properties.workers() : Runtime.getRuntime().availableProcessors();
        return Schedulers.newParallel("sentiment", threads, true);
    }

    @Bean
    ProblemMappings sentimentProblems() {
        return ProblemMappings.of(
                ProblemMapping.of(TextTooLargeException.class, HttpStatus.CONTENT_TOO_LARGE, "text-too-large",
                        "Text too large"),
                ProblemMapping.of(BatchTooLargeException.class, HttpStatus.CONTENT_TOO_LARGE, "batch-too-large",
                        "Batch too large"),
                ProblemMapping.of(HistoryTooLongException.class, HttpStatus.BAD_REQUEST, "history-too-long",
                        "History too long"));
    }
}
