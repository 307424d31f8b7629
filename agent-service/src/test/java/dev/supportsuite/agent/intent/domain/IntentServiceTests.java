package dev.supportsuite.agent.intent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The service with the real embedding model and the shipped default catalog. */
class IntentServiceTests {

    private static final Scheduler INFERENCE = Schedulers.newBoundedElastic(2, 100, "test-intent");
    private static final ForkJoinPool TRAINING = new ForkJoinPool(2);
    private static final IntentSettings SETTINGS = new IntentSettings(0.5, 1000, 2, 3, Duration.ofSeconds(30), 64,
            ClassifierSettings.defaults());
    private static IntentService service;
    private static InMemoryIntentCatalogRepository repository;

    @BeforeAll
    static void startWithTheShippedCatalog() {
        repository = new InMemoryIntentCatalogRepository();
        service = newService(repository);
        StepVerifier.create(service.start(IntentServiceTests::shippedCatalog))
                .assertNext(status -> {
                    assertThat(status.version()).isZero();
                    assertThat(status.intents()).containsKeys("greeting", "question", "request", "complaint",
                            "feedback", "reset_password", "billing_question", "cancel_subscription", "ticket_status",
                            "create_ticket", "update_ticket", "account_info", "talk_to_human");
                    assertThat(status.temperature()).isPositive();
                })
                .verifyComplete();
    }

    @AfterAll
    static void shutdown() {
        INFERENCE.dispose();
        TRAINING.shutdown();
    }

    @Test
    void readsAnIssueWithAnInvoiceAsABillingQuestionNotAnEscalation() {
        StepVerifier.create(service.classify("Hi, I have a problem with my latest invoice"))
                .assertNext(result -> {
                    assertThat(result.intent()).isEqualTo("billing_question");
                    assertThat(result.outOfScope()).isFalse();
                    assertThat(result.confidence()).isBetween(0.5, 1.0);
                })
                .verifyComplete();
    }

    @Test
    void doesNotTakeThisDoesNotWorkForAGreeting() {
        StepVerifier.create(service.classify("this thing is not working at all"))
                .assertNext(result -> assertThat(result.intent()).isNotEqualTo("greeting"))
                .verifyComplete();
        StepVerifier.create(service.classify("hello there, good morning"))
                .assertNext(result -> assertThat(result.intent()).isEqualTo("greeting"))
                .verifyComplete();
    }

    @Test
    void recognisesFineGrainedIntentsWithTheirEntities() {
        StepVerifier.create(service.classify("could you tell me where ticket TKT-4711 stands?"))
                .assertNext(result -> {
                    assertThat(result.intent()).isEqualTo("ticket_status");
                    assertThat(result.entities()).extracting(Entity::value).containsExactly("TKT-4711");
                    assertThat(result.alternatives()).hasSize(3);
                    assertThat(result.alternatives().get(0).intent()).isEqualTo("ticket_status");
                })
                .verifyComplete();
        StepVerifier.create(service.classify("I can't remember my password and cannot sign in"))
                .assertNext(result -> assertThat(result.intent()).isEqualTo("reset_password"))
                .verifyComplete();
        StepVerifier.create(service.classify("please put me in touch with a real human being"))
                .assertNext(result -> assertThat(result.intent()).isEqualTo("talk_to_human"))
                .verifyComplete();
    }

    @Test
    void answersOutOfScopeForOffTopicRequests() {
        StepVerifier.create(service.classify("what's a good recipe for lasagna?"))
                .assertNext(result -> {
                    assertThat(result.outOfScope()).isTrue();
                    assertThat(result.intent()).isEqualTo(IntentCatalog.OUT_OF_SCOPE);
                    assertThat(result.alternatives()).extracting(IntentScore::intent).doesNotContain("out_of_scope");
                })
                .verifyComplete();
    }

    @Test
    void keepsTheCatalogInForceWhenAReplacementIsInvalid() {
        IntentCatalog oneExample = new IntentCatalog(List.of(new IntentExample("hi", "greeting"),
                new IntentExample("hello", "greeting"), new IntentExample("bye", "goodbye")), null);

        StepVerifier.create(service.replace(oneExample))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidIntentCatalogException.class)
                        .hasMessageContaining("'goodbye'"))
                .verify();
        StepVerifier.create(service.current())
                .assertNext(current -> assertThat(current.catalog().examples()).hasSizeGreaterThan(300))
                .verifyComplete();
    }

    @Test
    void replacesTheCatalogReusingEmbeddingsAndKeepsItsThreshold() {
        InMemoryIntentCatalogRepository store = new InMemoryIntentCatalogRepository();
        IntentService fresh = newService(store);
        IntentCatalog small = new IntentCatalog(List.of(
                new IntentExample("where is my parcel", "delivery"), new IntentExample("my package is late", "delivery"),
                new IntentExample("track my order", "delivery"), new IntentExample("I want my money back", "refund"),
                new IntentExample("refund my purchase", "refund"), new IntentExample("return the item for cash", "refund")),
                0.2);
        StepVerifier.create(fresh.start(IntentServiceTests::shippedCatalog).then(fresh.replace(small)))
                .assertNext(status -> {
                    assertThat(status.version()).isEqualTo(1);
                    assertThat(status.minConfidence()).isEqualTo(0.2);
                    assertThat(status.intents()).containsOnlyKeys("delivery", "refund");
                })
                .verifyComplete();
        StepVerifier.create(fresh.replace(small))
                .assertNext(status -> {
                    assertThat(status.version()).isEqualTo(2);
                    assertThat(status.reusedEmbeddings()).isEqualTo(6);
                })
                .verifyComplete();
        StepVerifier.create(fresh.classify("has my parcel shipped yet?"))
                .assertNext(result -> assertThat(result.intent()).isEqualTo("delivery"))
                .verifyComplete();
    }

    @Test
    void restartsFromTheStoredCatalog() {
        InMemoryIntentCatalogRepository store = new InMemoryIntentCatalogRepository();
        IntentCatalog small = new IntentCatalog(List.of(
                new IntentExample("where is my parcel", "delivery"), new IntentExample("my package is late", "delivery"),
                new IntentExample("I want my money back", "refund"), new IntentExample("refund my purchase", "refund")),
                null);
        StepVerifier.create(newService(store).replace(small)).expectNextCount(1).verifyComplete();

        StepVerifier.create(newService(store).start(IntentServiceTests::shippedCatalog))
                .assertNext(status -> {
                    assertThat(status.version()).isEqualTo(1);
                    assertThat(status.reusedEmbeddings()).isEqualTo(4);
                    assertThat(status.encodeMillis()).isLessThan(50);
                })
                .verifyComplete();
    }

    @Test
    void leavesTheCatalogInForceWhenItCannotBeStored() {
        InMemoryIntentCatalogRepository store = new InMemoryIntentCatalogRepository();
        IntentService fresh = newService(store);
        StepVerifier.create(fresh.start(IntentServiceTests::shippedCatalog)).expectNextCount(1).verifyComplete();
        store.failSaves();
        IntentCatalog small = new IntentCatalog(List.of(
                new IntentExample("where is my parcel", "delivery"), new IntentExample("my package is late", "delivery"),
                new IntentExample("I want my money back", "refund"), new IntentExample("refund my purchase", "refund")),
                null);

        StepVerifier.create(fresh.replace(small)).expectError(IllegalStateException.class).verify();
        StepVerifier.create(fresh.status())
                .assertNext(status -> assertThat(status.version()).isZero())
                .verifyComplete();
    }

    private static IntentService newService(IntentCatalogRepository store) {
        return new IntentService(TestEncoder.bge(), store, new EntityExtractor(Clock.systemUTC(),
                List.of("free", "starter", "pro", "enterprise")), INFERENCE, TRAINING, SETTINGS);
    }

    static IntentCatalog shippedCatalog() {
        try (InputStream in = IntentServiceTests.class.getResourceAsStream("/intents/default-catalog.csv")) {
            return CatalogCsv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
