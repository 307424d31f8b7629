package dev.supportsuite.agent.chat.domain;

import java.util.List;
import reactor.core.publisher.Mono;

/** sentiment-service as the agent sees it. */
public interface SentimentAnalysis {

    /**
     * @param history the conversation's earlier customer messages, oldest first
     */
    Mono<Mood> analyze(String text, List<String> history);
}
