package dev.supportsuite.agent.chat.domain;

import java.util.List;
import reactor.core.publisher.Mono;

/** The knowledge base as the agent sees it: a question in, the best passages and a verdict out. */
public interface KnowledgeSearch {

    /**
     * One passage found for a question.
     *
     * @param snippet the start of the passage, for a list of sources
     * @param text    the whole passage, to answer from
     */
    record Passage(String documentId, String title, String sectionPath, String snippet, String text,
            double confidence) {
    }

    /**
     * @param answerable whether the knowledge base is confident it holds the answer
     * @param passages   best first
     */
    record Result(boolean answerable, List<Passage> passages) {
        public Result {
            passages = List.copyOf(passages);
        }
    }

    Mono<Result> search(String question);
}
