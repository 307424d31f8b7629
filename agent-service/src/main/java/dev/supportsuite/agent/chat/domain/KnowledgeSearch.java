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
     * @param answerable     whether the knowledge base is confident it holds the answer
     * @param passages       best first
     * @param correctedQuery what was searched when the knowledge base read a word as a misspelling ("delte acount"
     *                       searched as "delete account"); null when the question was searched as written
     */
    record Result(boolean answerable, List<Passage> passages, String correctedQuery) {
        public Result {
            passages = List.copyOf(passages);
        }

        public Result(boolean answerable, List<Passage> passages) {
            this(answerable, passages, null);
        }
    }

    Mono<Result> search(String question);
}
