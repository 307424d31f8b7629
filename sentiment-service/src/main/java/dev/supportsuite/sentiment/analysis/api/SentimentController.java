package dev.supportsuite.sentiment.analysis.api;

import dev.supportsuite.sentiment.analysis.domain.HistoryItem;
import dev.supportsuite.sentiment.analysis.domain.SentimentAnalyzer;
import dev.supportsuite.sentiment.config.SentimentProperties;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Sentiment analysis over HTTP: one message, or a batch. */
@RestController
@RequestMapping("/api/v1/sentiment")
class SentimentController {

    private final SentimentAnalyzer analyzer;
    private final SentimentProperties properties;
    private final Scheduler scheduler;

    SentimentController(SentimentAnalyzer analyzer, SentimentProperties properties,
            @Qualifier("sentimentScheduler") Scheduler scheduler) {
        this.analyzer = analyzer;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    @PostMapping("/analyze")
    Mono<AnalyzeResponse> analyze(@Valid @RequestBody AnalyzeRequest request) {
        Mono<AnalyzeResponse> analysis = Mono.fromCallable(() -> {
            checkLimits(request);
            return analyzeOne(request);
        });
        // A chat-sized message takes about 10 us: cheaper to score where it is than to hop threads.
        return totalChars(request) <= properties.inlineMaxChars() ? analysis : analysis.subscribeOn(scheduler);
    }

    private static long totalChars(AnalyzeRequest request) {
        long chars = request.text().length();
        for (HistoryEntry h : request.historyOrEmpty()) {
            chars += h.text() == null ? 0 : h.text().length();
        }
        return chars;
    }

    @PostMapping("/analyze/batch")
    Mono<BatchAnalyzeResponse> analyzeBatch(@Valid @RequestBody BatchAnalyzeRequest request) {
        return Mono.fromCallable(() -> {
            if (request.items().size() > properties.maxBatchSize()) {
                throw new BatchTooLargeException("The batch holds " + request.items().size()
                        + " items; at most " + properties.maxBatchSize() + " are accepted.");
            }
            request.items().forEach(this::checkLimits);
            return new BatchAnalyzeResponse(request.items().stream().map(this::analyzeOne).toList());
        }).subscribeOn(scheduler);
    }

    private AnalyzeResponse analyzeOne(AnalyzeRequest request) {
        List<HistoryItem> history = request.historyOrEmpty().stream()
                .map(h -> new HistoryItem(h.text(), h.polarity())).toList();
        return AnalyzeResponse.of(analyzer.analyze(request.text(), history));
    }

    private void checkLimits(AnalyzeRequest request) {
        checkSize(request.text(), "text");
        List<HistoryEntry> history = request.historyOrEmpty();
        if (history.size() > properties.maxHistory()) {
            throw new HistoryTooLongException("The history holds " + history.size() + " entries; at most "
                    + properties.maxHistory() + " are accepted.");
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).text() != null) {
                checkSize(history.get(i).text(), "history[" + i + "].text");
            }
        }
    }

    private void checkSize(String text, String field) {
        long limit = properties.maxTextSize().toBytes();
        // A char never encodes to more than 3 UTF-8 bytes, so most texts need no encoding to be checked.
        if ((long) text.length() * 3 > limit && text.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw new TextTooLargeException("The " + field + " is larger than " + limit + " bytes.");
        }
    }
}
