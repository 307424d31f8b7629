package dev.supportsuite.agent.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class GroundedResponderTests {

    private static final KnowledgeSearch.Passage REFUNDS = new KnowledgeSearch.Passage("faq-refunds",
            "Can I get a refund?", "Billing > Refunds", "Annual plans are refunded in full within 30 days.", 0.97);

    private static GroundedResponder responder(String intent, boolean outOfScope, Mono<KnowledgeSearch.Result> found) {
        return new GroundedResponder(text -> Mono.just(new GroundedResponder.Understanding(intent, outOfScope)),
                question -> found, new BasicResponder());
    }

    @Test
    void answersAQuestionFromTheBestPassageAndCitesIt() {
        StepVerifier.create(responder("billing_question", false,
                        Mono.just(new KnowledgeSearch.Result(true, List.of(REFUNDS))))
                        .reply("c1", "u1", "how do refunds work?"))
                .assertNext(reply -> {
                    assertThat(reply.content()).contains("refunded in full within 30 days");
                    assertThat(reply.citations()).singleElement().satisfies(citation -> {
                        assertThat(citation.documentId()).isEqualTo("faq-refunds");
                        assertThat(citation.sectionPath()).isEqualTo("Billing > Refunds");
                    });
                    assertThat(reply.degraded()).isFalse();
                })
                .verifyComplete();
    }

    @Test
    void saysItDoesNotKnowWhenTheKnowledgeBaseIsNotConfident() {
        StepVerifier.create(responder("question", false,
                        Mono.just(new KnowledgeSearch.Result(false, List.of(REFUNDS))))
                        .reply("c1", "u1", "what is the airspeed of a swallow?"))
                .assertNext(reply -> {
                    assertThat(reply.content()).contains("couldn't find a reliable answer");
                    assertThat(reply.content()).doesNotContain("refunded");
                    assertThat(reply.citations()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void aKnowledgeOutageIsAnHonestDegradedAnswer() {
        StepVerifier.create(responder("question", false, Mono.error(new TimeoutException("slow")))
                        .reply("c1", "u1", "how do I export data?"))
                .assertNext(reply -> {
                    assertThat(reply.degraded()).isTrue();
                    assertThat(reply.content()).contains("can't reach our help center");
                })
                .verifyComplete();
    }

    @Test
    void apologisesBeforeAnsweringAComplaint() {
        StepVerifier.create(responder("complaint", false,
                        Mono.just(new KnowledgeSearch.Result(true, List.of(REFUNDS))))
                        .reply("c1", "u1", "you charged me twice, I want my money back"))
                .assertNext(reply -> assertThat(reply.content()).startsWith("I'm sorry"))
                .verifyComplete();
    }

    @Test
    void declinesWhatIsOutOfScopeWithoutSearching() {
        GroundedResponder responder = new GroundedResponder(
                text -> Mono.just(new GroundedResponder.Understanding("out_of_scope", true)),
                question -> Mono.error(new AssertionError("must not search")), new BasicResponder());
        StepVerifier.create(responder.reply("c1", "u1", "what's the weather in Lisbon?"))
                .assertNext(reply -> {
                    assertThat(reply.intent()).isEqualTo("out_of_scope");
                    assertThat(reply.content()).contains("outside what I can help with");
                })
                .verifyComplete();
    }

    @Test
    void fallsBackVisiblyWhenTheClassifierIsUnavailable() {
        GroundedResponder responder = new GroundedResponder(text -> Mono.error(new IllegalStateException("loading")),
                question -> Mono.error(new AssertionError("must not search")), new BasicResponder());
        StepVerifier.create(responder.reply("c1", "u1", "hello"))
                .assertNext(reply -> {
                    assertThat(reply.degraded()).isTrue();
                    assertThat(reply.intent()).isEqualTo("greeting");
                })
                .verifyComplete();
    }
}
