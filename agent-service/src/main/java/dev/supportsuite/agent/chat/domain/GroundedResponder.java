package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.chat.Citation;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Answers without an LLM: the intent decides the route; every intent without a route of its own
 * (questions, billing, plans, problems, complaints) is answered only from the
 * knowledge base and cite what they use, and when the knowledge base is not confident the agent
 * says so instead of guessing. Any part that is down (classifier, knowledge base) makes the turn
 * fall back visibly ({@code degraded}), never silently.
 */
public final class GroundedResponder implements Responder {

    private static final Logger log = LoggerFactory.getLogger(GroundedResponder.class);

    /** Intents that need ticket tools, which this responder does not have yet. */
    private static final Set<String> TICKET_INTENTS = Set.of("create_ticket", "ticket_status", "update_ticket");

    /** What the classifier says about a message: an intent, or that it is outside what we support. */
    public record Understanding(String intent, boolean outOfScope) {
    }

    private final Function<String, Mono<Understanding>> classifier;
    private final KnowledgeSearch knowledge;
    private final Responder fallback;

    public GroundedResponder(Function<String, Mono<Understanding>> classifier, KnowledgeSearch knowledge,
            Responder fallback) {
        this.classifier = classifier;
        this.knowledge = knowledge;
        this.fallback = fallback;
    }

    @Override
    public Mono<Reply> reply(String conversationId, String userId, String content) {
        return classifier.apply(content)
                .flatMap(understanding -> route(understanding, content))
                .onErrorResume(e -> {
                    log.warn("Classifier unavailable conversationId={}: {}", conversationId, e.toString());
                    return fallback.reply(conversationId, userId, content)
                            .map(reply -> new Reply(reply.content(), reply.intent(), reply.escalated(), true,
                                    reply.citations()));
                });
    }

    private Mono<Reply> route(Understanding understanding, String content) {
        String intent = understanding.intent();
        if (understanding.outOfScope()) {
            return Mono.just(new Reply("That is outside what I can help with here. I can answer questions about "
                    + "billing, plans, your account, security, integrations and technical problems.", intent, false));
        }
        return switch (intent) {
            case "greeting" -> Mono.just(new Reply("Hello! I'm the support assistant. How can I help you today?",
                    intent, false));
            case "feedback" -> Mono.just(new Reply("Thank you, that's good to hear. Is there anything else I can "
                    + "help with?", intent, false));
            case "goodbye" -> Mono.just(new Reply("Goodbye, and thanks for getting in touch.", intent, false));
            case "talk_to_human" -> Mono.just(new Reply("I understand you would like to talk to a person. Handing a "
                    + "chat to a person is not available yet in this version; please use your usual support e-mail "
                    + "meanwhile.", intent, false));
            default -> TICKET_INTENTS.contains(intent)
                    ? Mono.just(new Reply("I can't open or look up tickets from this chat yet. Your support e-mail "
                            + "or the help center can do that for you.", intent, false))
                    : answerFromKnowledge(intent, content);
        };
    }

    private Mono<Reply> answerFromKnowledge(String intent, String question) {
        String opening = "complaint".equals(intent) ? "I'm sorry about the trouble. " : "";
        return knowledge.search(question)
                .map(result -> {
                    if (!result.answerable() || result.passages().isEmpty()) {
                        return new Reply(opening + "I couldn't find a reliable answer to that in our help center, "
                                + "and I'd rather not guess. I can note it for a person to follow up.", intent, false);
                    }
                    KnowledgeSearch.Passage best = result.passages().get(0);
                    String source = best.sectionPath() == null || best.sectionPath().isBlank() ? best.title()
                            : best.sectionPath();
                    return new Reply(opening + best.snippet().strip() + "\n\n(From our help center: " + source + ")",
                            intent, false, false, List.of(new Citation(best.documentId(), best.title(),
                                    best.sectionPath())));
                })
                .onErrorResume(e -> {
                    log.warn("Knowledge search failed: {}", e.toString());
                    return Mono.just(new Reply(opening + "I can't reach our help center right now, so I can't look "
                            + "that up. Please try again in a moment.", intent, false, true, List.of()));
                });
    }
}
