package dev.supportsuite.agent.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Mode;
import dev.supportsuite.agent.intent.domain.Classification;
import dev.supportsuite.agent.intent.domain.EntityExtractor;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.ToolCall;
import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.handoff.HandoffReasons;
import dev.supportsuite.contracts.handoff.HandoffReleasedEvent;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import dev.supportsuite.contracts.ticket.FieldChange;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The turn's steps together, with the classifier and sentiment scripted per message and the
 * services in memory: routing, slot filling, handoff and the silence while a human holds the
 * conversation, fallbacks when a service is down, and idempotent re-runs.
 */
class TurnServiceTests {

    private static final String EXPORT_FAILS = "my export keeps failing with an error";
    private static final String TIMES_OUT = "it says timeout after 30 minutes";

    private final Map<String, String> intents = new HashMap<>();
    private final Map<String, Double> confidences = new HashMap<>();
    private final Map<String, Mood> moods = new HashMap<>();
    private final InMemoryConversationStates states = new InMemoryConversationStates();
    private final InMemoryDesk desk = new InMemoryDesk();
    private final RecordingPublisher published = new RecordingPublisher();
    private final AtomicBoolean sentimentDown = new AtomicBoolean();
    private final AtomicBoolean knowledgeDown = new AtomicBoolean();
    private final AtomicInteger knowledgeCalls = new AtomicInteger();
    private final Map<String, KnowledgeSearch.Result> knowledge = new HashMap<>();
    private final Map<String, CustomerMemory.Recollection> memories = new HashMap<>();
    private final AtomicBoolean memoryDown = new AtomicBoolean();
    private final List<String> recalled = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final EntityExtractor entities = new EntityExtractor(clock, List.of("free", "starter", "pro"));
    private long seq;

    private TurnService service(ConversationStatesOverride override) {
        SentimentAnalysis sentiment = (text, history) -> sentimentDown.get()
                ? Mono.error(new IllegalStateException("sentiment down"))
                : Mono.just(moods.getOrDefault(text, mood(0.0, 0.0, "stable", "none")));
        Understander understander = new Understander(text -> {
            String intent = intents.getOrDefault(text, "question");
            boolean outOfScope = "out_of_scope".equals(intent);
            return Mono.just(new Classification(intent, confidences.getOrDefault(text, 0.9), outOfScope, List.of(),
                    entities.extract(text), 1));
        }, entities::extract, sentiment, Duration.ofSeconds(1));
        KnowledgeSearch search = question -> {
            knowledgeCalls.incrementAndGet();
            return knowledgeDown.get() ? Mono.error(new IllegalStateException("knowledge down"))
                    : Mono.just(knowledge.getOrDefault(question, new KnowledgeSearch.Result(false, List.of())));
        };
        RoutingPolicy policy = new RoutingPolicy(new RoutingPolicy.Settings(0.8, 0.3, 3));
        Handoffs handoffs = new Handoffs();
        return new TurnService(override == null ? states : override.wrap(states), understander, policy,
                new KnowledgeAnswers(search, handoffs, 3, 0.7, java.util.Set.of("team", "business"),
                        java.util.Set.of("free", "team", "business", "enterprise")),
                new TicketTools(desk, clock), new AccountLookup(desk),
                new DirectAnswers(), handoffs, published, clock)
                .withMemory((conversationId, caller) -> {
                    recalled.add(caller.userId());
                    return memoryDown.get() ? Mono.error(new IllegalStateException("memory down"))
                            : Mono.justOrEmpty(memories.get(caller.userId()));
                });
    }

    interface ConversationStatesOverride {
        dev.supportsuite.agent.conversation.domain.ConversationStateRepository wrap(InMemoryConversationStates states);
    }

    private final TurnService turns = service(null);

    private static Mood mood(double polarity, double frustration, String trend, String escalation,
            String... reasons) {
        return new Mood(polarity, polarity > 0.05 ? "positive" : polarity < -0.05 ? "negative" : "neutral",
                frustration, trend, 0.0, escalation, List.of(reasons), true);
    }

    /** The knowledge base answers {@code question} with one passage, as sure of it as {@code confidence}. */
    /** The classifier puts these messages out of scope, with this confidence. */
    private void rejects(double confidence, String... texts) {
        for (String text : texts) {
            intents.put(text, "out_of_scope");
            confidences.put(text, confidence);
        }
    }

    /** Two open tickets of the customer u1, a calendar one and an export one; their ids in that order. */
    private List<String> openCalendarAndExportTickets() {
        SupportDesk.Caller caller = new SupportDesk.Caller("u1", "user");
        String calendar = desk.open(caller, new SupportDesk.NewTicket("Google Calendar events are missing", "d",
                "technical", "medium", "c-x", List.of()), "k1").block().id();
        String export = desk.open(caller, new SupportDesk.NewTicket("CSV export times out", "d", "technical",
                "medium", "c-x", List.of()), "k2").block().id();
        return List.of(calendar, export);
    }

    private void knows(String question, String documentId, String title, String sectionPath, String text,
            double confidence) {
        String snippet = text.length() <= 20 ? text : text.substring(0, 20) + "…";
        knowledge.put(question, new KnowledgeSearch.Result(true, List.of(
                new KnowledgeSearch.Passage(documentId, title, sectionPath, snippet, text, confidence))));
    }

    private ChatOutboundMessage say(String conversation, String user, String type, String text) {
        int before = published.replies.size();
        ChatInboundMessage inbound = ChatInboundMessage.create(conversation, "m-" + (++seq), seq, user, type, text,
                null, "websocket");
        turns.handle(inbound).block(Duration.ofSeconds(5));
        return published.replies.size() > before ? published.lastReply() : null;
    }

    private ChatOutboundMessage say(String conversation, String text) {
        return say(conversation, "u1", "user", text);
    }

    private List<ToolCall> lastTools() {
        return published.turns.get(published.turns.size() - 1).toolCalls();
    }

    @Test
    void opensATicketAfterAskingForTheProblemAndReadingItBack() {
        intents.put("I want to open a ticket", "create_ticket");
        intents.put("My invoice shows the wrong VAT number", "billing_question");

        assertThat(say("c1", "I want to open a ticket").content()).contains("What's the problem");
        ChatOutboundMessage readBack = say("c1", "My invoice shows the wrong VAT number");
        assertThat(readBack.content()).contains("Subject: My invoice shows the wrong VAT number")
                .contains("Category: billing").contains("Shall I open it?");
        assertThat(desk.tickets).isEmpty();

        ChatOutboundMessage done = say("c1", "yes");

        assertThat(desk.tickets).hasSize(1);
        String id = desk.tickets.keySet().iterator().next();
        assertThat(done.content()).contains("opened ticket " + id);
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("create_ticket");
        assertThat(states.rows.get("c1").pending()).isNull();
    }

    @Test
    void aRequestForATicketRightAfterDescribingTheProblemReadsThatBackAndYesIsNoDescription() {
        intents.put("ok open a ticket", "create_ticket");
        intents.put("open a ticket", "create_ticket");
        knows("my task reminders stopped coming on android", "doc-notify", "Notifications", "",
                "Allow notifications for Pennant in Android settings.", 0.9);
        say("c-prev", "my task reminders stopped coming on android");

        assertThat(say("c-prev", "ok open a ticket").content())
                .contains("Subject: My task reminders stopped coming on android").contains("Shall I open it?");

        assertThat(say("c-yes-desc", "open a ticket").content()).contains("What's the problem");
        assertThat(say("c-yes-desc", "yes").content()).startsWith("Please describe the problem");
        assertThat(say("c-yes-desc", "the invoice PDF is blank").content())
                .contains("Subject: The invoice PDF is blank");
    }

    @Test
    void aRequestThatAlreadyDescribesTheProblemGoesStraightToTheReadBack() {
        intents.put("Please open a ticket about the app crashing when I export a report", "create_ticket");

        ChatOutboundMessage readBack = say("c2", "Please open a ticket about the app crashing when I export a report");

        assertThat(readBack.content()).contains("Subject: The app crashing when I export a report")
                .contains("Category: technical");
        assertThat(say("c2", "no").content()).contains("I've left it");
        assertThat(desk.tickets).isEmpty();
    }

    @Test
    void aProblemFollowedByARequestForATicketOpensOneWhateverTheClassifierSays() {
        String text = "I was charged twice on my last invoice, please open a ticket";
        intents.put(text, "billing_question");

        ChatOutboundMessage readBack = say("c2b", text);

        assertThat(readBack.content()).contains("Subject: I was charged twice on my last invoice")
                .contains("Category: billing").contains("Shall I open it?");
        assertThat(readBack.citations()).isEmpty();
        intents.put("yes", "greeting");
        ChatOutboundMessage opened = say("c2b", "yes");
        assertThat(opened.content()).startsWith("Done: I've opened ticket");
        assertThat(opened.intent()).as("reported as what the turn did").isEqualTo("create_ticket");
    }

    @Test
    void aQuestionRejectedUnsurelyIsAnsweredWhenTheKnowledgeBaseIsConfidentAndOutOfScopeOtherwise() {
        String known = "how fast do you answer support requests?";
        String unknown = "can you book me a flight to London?";
        String sure = "what is the capital of Australia?";
        rejects(0.9, sure);
        rejects(0.29, known);
        rejects(0.48, unknown);
        knows(known, "doc-sla", "SLA", "SLA > Support response times",
                "Critical requests are answered within 1 hour on Enterprise.", 0.78);
        knowledge.put(unknown, new KnowledgeSearch.Result(false, List.of(new KnowledgeSearch.Passage("doc-cur",
                "Currency", "Currency", "Pennant bills…", "Pennant bills in US dollars.", 0.29))));

        ChatOutboundMessage answered = say("c-oos1", known);
        ChatOutboundMessage refused = say("c-oos2", unknown);
        int searches = knowledgeCalls.get();
        ChatOutboundMessage notAsked = say("c-oos3", sure);

        assertThat(answered.content()).startsWith("Critical requests are answered within 1 hour on Enterprise.");
        assertThat(answered.intent()).isEqualTo("question");
        assertThat(answered.citations()).singleElement().satisfies(c -> assertThat(c.documentId()).isEqualTo("doc-sla"));
        assertThat(refused.content()).contains("outside what I can help with");
        assertThat(refused.intent()).isEqualTo("out_of_scope");
        assertThat(refused.citations()).isEmpty();
        assertThat(published.turns).filteredOn(t -> t.conversationId().equals("c-oos2")).singleElement()
                .satisfies(t -> assertThat(t.toolCalls()).extracting("name").containsExactly("search_faq"));
        assertThat(notAsked.content()).contains("outside what I can help with");
        assertThat(notAsked.citations()).isEmpty();
        assertThat(knowledgeCalls.get()).as("a sure 'out of scope' is searched only for a misspelling")
                .isEqualTo(searches + 1);
    }

    @Test
    void aPriceForANumberOfPeopleIsWorkedOutFromTheHelpCentersPriceList() {
        String asked = "how much would it cost for 12 people?";
        intents.put(asked, "billing_question");
        intents.put("what would Business cost for 20 seats?", "billing_question");
        knows(PriceQuotes.PRICE_LIST_QUERY, "doc-plans", "What plans does Pennant offer and what do they cost?", "",
                "Free: up to 5 members. Team: $8 per member per month billed annually ($10 monthly), unlimited "
                        + "projects. Business: $15 per member per month billed annually ($18 monthly). Enterprise: "
                        + "custom pricing.", 0.8);

        ChatOutboundMessage quoted = say("c-price1", asked);
        ChatOutboundMessage business = say("c-price2", "what would Business cost for 20 seats?");

        assertThat(quoted.content()).startsWith("For 12 people, by the prices in our help center:")
                .contains("Team: $96 a month billed annually ($1,152 a year), or $120 billed monthly")
                .contains("Business: $180 a month billed annually ($2,160 a year), or $216 billed monthly")
                .contains("Free: only up to 5 members, so not for 12").contains("Enterprise: priced on request")
                .endsWith("(From our help center: What plans does Pennant offer and what do they cost?)");
        assertThat(quoted.citations()).extracting("documentId").containsExactly("doc-plans");
        assertThat(business.content()).contains("Business: $300 a month billed annually").doesNotContain("Team:");
        intents.put("what about 30?", "out_of_scope");
        confidences.put("what about 30?", 0.3);
        intents.put("and for Team?", "billing_question");
        assertThat(say("c-price1", "what about 30?").content()).as("the same question for 30")
                .startsWith("For 30 people").contains("Team: $240 a month billed annually");
        assertThat(say("c-price2", "and for Team?").content()).as("the same 20 seats on another plan")
                .startsWith("For 20 people").contains("Team: $160 a month billed annually");
        assertThat(say("c-price2", "what about 30?").content()).as("Team again, for 30")
                .startsWith("For 30 people").contains("Team: $240 a month billed annually").doesNotContain("Business:");
        assertThat(published.turns).filteredOn(t -> t.conversationId().equals("c-price1")).first()
                .satisfies(t -> assertThat(t.toolCalls()).extracting("name")
                        .containsExactly("search_faq", "quote_price"));
    }

    @Test
    void withoutAPriceListToReadAPriceQuestionIsAnsweredAsAnyOther() {
        String asked = "how much would it cost for 12 people?";
        intents.put(asked, "billing_question");
        knows(PriceQuotes.PRICE_LIST_QUERY, "doc-plans", "What plans does Pennant offer?", "",
                "Plans are priced per member; see the pricing page.", 0.8);

        ChatOutboundMessage reply = say("c-price3", asked);

        assertThat(reply.content()).doesNotContain("For 12 people").contains("couldn't find a reliable answer");
    }

    @Test
    void aMisspelledQuestionTheClassifierIsSureIsOffTopicIsAnsweredWhenTheHelpCenterIsSureOfItsCorrection() {
        String corrected = "delte acount";
        String unsure = "reconect my calender";
        String asWritten = "tell me how to change my insurance policy";
        rejects(0.9, corrected, unsure, asWritten);
        knowledge.put(corrected, new KnowledgeSearch.Result(true, List.of(new KnowledgeSearch.Passage("doc-delete",
                "How do I delete my Pennant account?", "", "Open Profile…",
                "Open Profile > Account and choose Delete account.", 0.72)), "delete account"));
        knowledge.put(unsure, new KnowledgeSearch.Result(true, List.of(new KnowledgeSearch.Passage("doc-cal",
                "Can I see my due dates in Google Calendar?", "", "Subscribe…", "Subscribe to the iCal feed.", 0.61)),
                "reconnect my calendar"));
        knows(asWritten, "doc-plan", "How do I upgrade or change my plan?", "", "Choose Change plan in Billing.", 0.8);

        ChatOutboundMessage answered = say("c-typo1", corrected);
        ChatOutboundMessage notSure = say("c-typo2", unsure);
        ChatOutboundMessage refused = say("c-typo3", asWritten);

        assertThat(answered.content()).startsWith("Open Profile > Account and choose Delete account.");
        assertThat(answered.citations()).extracting("documentId").containsExactly("doc-delete");
        assertThat(notSure.content()).as("a correction the help center is unsure of is no answer")
                .contains("outside what I can help with");
        assertThat(refused.content()).as("no correction: the passage does not overrule the classifier")
                .contains("outside what I can help with");
        assertThat(refused.citations()).isEmpty();
    }

    @Test
    void aProblemStatedWithoutAQuestionAndRejectedUnsurelyIsLookedUp() {
        String report = "notifications arent arriving on my phone since the update";
        String offTopic = "tell me how to change my insurance policy";
        intents.put(report, "out_of_scope");
        intents.put(offTopic, "out_of_scope");
        confidences.put(report, 0.38);
        confidences.put(offTopic, 0.93);
        knows(report, "doc-notify", "Why am I not receiving notifications?", "",
                "Check Settings > Notifications and allow notifications for Pennant on your phone.", 0.91);
        knows(offTopic, "doc-plan", "How do I upgrade or change my plan?", "", "Choose Change plan in Billing.", 0.8);

        ChatOutboundMessage answered = say("c-oos4", report);
        ChatOutboundMessage refused = say("c-oos5", offTopic);

        assertThat(answered.content()).startsWith("Check Settings > Notifications");
        assertThat(answered.citations()).extracting("documentId").containsExactly("doc-notify");
        assertThat(refused.content()).as("a sure 'out of scope' is not overruled by a passage about plans")
                .contains("outside what I can help with");
    }

    @Test
    void aMessageInAnotherLanguageIsToldPlainlyAndCanBecomeAHandoff() {
        String spanish = "No puedo iniciar sesión en mi cuenta";
        moods.put(spanish, new Mood(0, "neutral", 0, "stable", 0, "none", List.of(), true, "es"));
        intents.put(spanish, "talk_to_human");
        int searches = knowledgeCalls.get();

        ChatOutboundMessage notice = say("c-es", spanish);

        assertThat(notice.content()).startsWith("Lo siento, por ahora solo puedo responder en inglés.")
                .contains("\n\nSorry, I can only answer in English for now.");
        assertThat(knowledgeCalls.get()).as("nothing is looked up in English for it").isEqualTo(searches);
        assertThat(say("c-es", "persona").escalated()).as("the word the notice asked for, in Spanish").isTrue();
        assertThat(published.handoffs).hasSize(1);
    }

    @Test
    void wantingToLeaveSaidCalmlyGetsNoApologyButAnUpsetCustomerDoes() {
        String calm = "I want to delete my account";
        String cancel = "I want to cancel my subscription";
        String angry = "this is terrible, I want to cancel my subscription";
        String upset = "your export is broken again and I am fed up";
        moods.put(calm, mood(-0.09, 0.5, "stable", "suggest", "elevated_frustration", "threat_to_leave"));
        // as sentiment-service reads them: "cancel" alone pulls the polarity down
        moods.put(cancel, mood(-0.36, 0.61, "stable", "suggest", "elevated_frustration", "threat_to_leave"));
        moods.put(angry, mood(-0.64, 0.75, "stable", "suggest", "elevated_frustration", "threat_to_leave"));
        moods.put(upset, mood(-0.2, 0.55, "stable", "suggest", "elevated_frustration"));
        knows(calm, "doc-del", "Delete account", "Delete account", "Open Profile > Account.", 0.8);
        for (String text : List.of(cancel, angry)) {
            knows(text, "doc-cancel", "Cancel", "Cancel", "Choose Cancel subscription.", 0.8);
        }
        knows(upset, "doc-exp", "Export", "Export", "Exports run nightly.", 0.8);

        String calmReply = say("c-calm", calm).content();
        String cancelReply = say("c-cancel", cancel).content();
        String angryReply = say("c-angry", angry).content();
        String upsetReply = say("c-upset", upset).content();

        assertThat(calmReply).startsWith("Open Profile > Account.").endsWith("If you'd rather talk to a person, just say so.");
        assertThat(cancelReply).startsWith("Choose Cancel subscription.");
        assertThat(angryReply).startsWith("I'm sorry for the trouble. Choose Cancel subscription.");
        assertThat(upsetReply).startsWith("I'm sorry for the trouble. Exports run nightly.");
    }

    @Test
    void aTurnRunAgainAfterAConflictingChangeOpensTheTicketOnce() {
        intents.put("open a ticket about my data export failing every night", "create_ticket");
        say("c3", "open a ticket about my data export failing every night");
        AtomicBoolean interfered = new AtomicBoolean();
        TurnService racing = service(inner -> new dev.supportsuite.agent.conversation.domain
                .ConversationStateRepository() {
            public Mono<ConversationState> find(String id) {
                return inner.find(id);
            }

            public Mono<ConversationState> save(ConversationState state) {
                if (interfered.compareAndSet(false, true)) {
                    // Someone else (a handoff event, say) changes the row between our read and our write.
                    ConversationState current = inner.rows.get(state.conversationId());
                    inner.save(current.touched(Instant.now())).block();
                }
                return inner.save(state);
            }

            public Mono<ConversationState> latestActive(String userId, Instant since) {
                return inner.latestActive(userId, since);
            }

            public reactor.core.publisher.Flux<ConversationState> waitingSince(Instant before, int limit) {
                return inner.waitingSince(before, limit);
            }
        });

        racing.handle(ChatInboundMessage.create("c3", "m-yes", 99, "u1", "user", "yes", null, "websocket"))
                .block(Duration.ofSeconds(5));

        assertThat(desk.opened).hasValue(1);
        assertThat(published.replies.stream().filter(reply -> "m-yes".equals(reply.replyTo()))
                .map(ChatOutboundMessage::messageId).distinct()).hasSize(1);
    }

    @Test
    void anExplicitAskForAPersonHandsOverAndTheAiThenStaysSilent() {
        intents.put("I want to talk to a human", "talk_to_human");

        ChatOutboundMessage reply = say("c4", "I want to talk to a human");

        assertThat(reply.escalated()).isTrue();
        assertThat(published.handoffs).singleElement().satisfies(handoff -> {
            assertThat(handoff.reasons()).containsExactly(HandoffReasons.ASKED_FOR_HUMAN);
            assertThat(handoff.summary()).contains("I want to talk to a human");
            assertThat(handoff.conversationId()).isEqualTo("c4");
            assertThat(handoff.topic()).as("nothing said but the wish for a person").isNull();
        });
        assertThat(states.rows.get("c4").mode()).isEqualTo(Mode.WAITING_FOR_HUMAN);

        moods.put("hello? anyone?", mood(0.0, 0.3, "stable", "suggest"));
        ChatOutboundMessage waiting = say("c4", "hello? anyone?");
        assertThat(waiting.role()).isEqualTo("system");
        assertThat(waiting.content()).startsWith("You're in the queue for a person")
                .as("a person is on the way: no offer of one").doesNotContain("rather talk to a person");
        assertThat(say("c4", "The export has failed since Monday with a timeout after about two minutes")
                .content()).isEqualTo("Thanks, I've added that to the conversation for the person who joins.");
        assertThat(published.turns.get(published.turns.size() - 1).userMessage().content()).startsWith("The export");
        assertThat(published.handoffs).hasSize(1);
    }

    @Test
    void aHandoffCarriesTheCustomersIssueInTheirWordsForTheTicket() {
        intents.put("ok can you get me a human", "talk_to_human");
        say("c-topic", "I was charged twice for November and want a refund");
        say("c-topic", "ok can you get me a human");

        assertThat(published.handoffs).singleElement().satisfies(handoff -> assertThat(handoff.topic())
                .isEqualTo("I was charged twice for November and want a refund"));
    }

    @Test
    void highFrustrationHandsOverWithoutBeingAsked() {
        moods.put("this is ridiculous, third time I ask!!!", mood(-0.6, 0.87, "declining", "immediate",
                "high_frustration"));

        ChatOutboundMessage reply = say("c5", "this is ridiculous, third time I ask!!!");

        assertThat(reply.content()).startsWith("I'm sorry this has been so frustrating");
        assertThat(published.handoffs.get(0).reasons()).contains(HandoffReasons.HIGH_FRUSTRATION,
                HandoffReasons.DECLINING_TREND);
        assertThat(published.handoffs.get(0).frustration()).isEqualTo(0.87);
        assertThat(published.handoffs.get(0).summary()).as("in words: the customer can read the ticket")
                .contains("The customer seemed very frustrated, and more so as the conversation went on.")
                .doesNotContain("0.87");
    }

    @Test
    void aCalmReportOfAnIssueIsAnsweredNotEscalated() {
        intents.put("I have an issue with my invoice", "billing_question");
        moods.put("I have an issue with my invoice", mood(0.0, 0.1, "stable", "none"));
        knows("I have an issue with my invoice", "doc-inv", "Invoices", "Billing > Invoices",
                "Invoices are in Settings.", 0.9);

        ChatOutboundMessage reply = say("c6", "I have an issue with my invoice");

        assertThat(reply.escalated()).isFalse();
        assertThat(reply.content()).startsWith("Invoices are in Settings.");
        assertThat(reply.citations()).singleElement().satisfies(c -> assertThat(c.documentId()).isEqualTo("doc-inv"));
        assertThat(published.handoffs).isEmpty();
    }

    @Test
    void anAnswerQuotesTheWholePassageNotItsSnippetAndALongOneUpToASentenceEnd() {
        String whole = "Refunds reach your card within 5 to 10 business days. ".repeat(30).strip();
        intents.put("when will my refund arrive", "refund_request");
        knows("when will my refund arrive", "doc-ref", "Refunds", "Billing > Refunds",
                "Refunds reach your card within 5 to 10 business days. Ask from Settings > Billing.", 0.9);
        intents.put("and a long one", "refund_request");
        knows("and a long one", "doc-long", "Refunds", "Refunds", whole, 0.9);

        String reply = say("c6b", "when will my refund arrive").content();
        String longReply = say("c6c", "and a long one").content();

        assertThat(reply).startsWith("Refunds reach your card within 5 to 10 business days. Ask from Settings > Billing.");
        assertThat(longReply).startsWith("Refunds reach your card").contains("business days. …\n\n(From our help center");
        assertThat(longReply.substring(0, longReply.indexOf(" …"))).hasSizeLessThanOrEqualTo(
                KnowledgeAnswers.MAX_QUOTE_CHARS).endsWith("business days.");
    }

    @Test
    void aPassageTheKnowledgeBaseIsLessSureOfIsOfferedAsTheClosestEntryNamedFirst() {
        String question = "can I see my tasks on a timeline?";
        knows(question, "doc-req", "Which browsers does Pennant support?", "",
                "Pennant runs in the two latest versions of Chrome, Firefox, Safari and Edge.", 0.61);
        moods.put(question, mood(0.0, 0.35, "stable", "suggest"));

        ChatOutboundMessage reply = say("c-near", question);

        assertThat(reply.content()).startsWith("I'm not sure this is what you're asking, but the closest I found in "
                        + "our help center is \"Which browsers does Pennant support?\":\n\nPennant runs in")
                .endsWith("If that isn't it, tell me a little more, or ask for a person.")
                .doesNotContain("just say so");
        assertThat(reply.citations()).singleElement().satisfies(c -> assertThat(c.documentId()).isEqualTo("doc-req"));
        assertThat(states.rows.get("c-near").unanswered()).isZero();
    }

    @Test
    void aPassageThatNeverNamesWhatTheQuestionAsksAboutIsOnlyTheClosestEntry() {
        String question = "does Pennant integrate with Salesforce?";
        knows(question, "doc-gh", "Does Pennant integrate with GitHub?", "",
                "The GitHub integration links pull requests to tasks.", 0.86);

        assertThat(say("c-sf", question).content()).as("however sure of the passage, it does not name Salesforce")
                .startsWith("The closest entry I found in our help center, \"Does Pennant integrate with GitHub?\", "
                        + "doesn't mention Salesforce:");
        knows("does pennant have time tracking?", "doc-gh", "Does Pennant integrate with GitHub?", "",
                "The GitHub integration links pull requests to tasks.", 0.81);
        assertThat(say("c-tt", "does pennant have time tracking?").content())
                .as("a feature asked about in lower case").contains("doesn't mention time tracking:")
                .doesNotContain("(From our help center");
        knows("does Pennant integrate with Pipedrive?", "doc-gh", "Does Pennant integrate with GitHub?", "",
                "The GitHub integration links pull requests to tasks.", 0.64);
        assertThat(say("c-pd", "does Pennant integrate with Pipedrive?").content())
                .startsWith("The closest entry I found in our help center, \"Does Pennant integrate with GitHub?\", "
                        + "doesn't mention Pipedrive:");
    }

    @Test
    void aProblemReportWithOnlyALooseMatchIsOfferedATicketThatAYesOpens() {
        String problem = "my invoices page shows an error 500 since this morning";
        intents.put(problem, "technical_issue");
        knows(problem, "doc-vat", "VAT on invoices", "", "Enter your VAT number in Settings > Billing.", 0.63);

        ChatOutboundMessage offer = say("c-bug", problem);
        ChatOutboundMessage opened = say("c-bug", "yes");

        assertThat(offer.content()).startsWith("This is the closest I found in our help center, \"VAT on invoices\"")
                .contains("I can open a ticket so our team looks into it");
        assertThat(opened.content()).as("the yes was the confirmation: no second read-back")
                .startsWith("Done: I've opened ticket")
                .contains("(\"My invoices page shows an error 500 since this morning\"");
        assertThat(desk.tickets).hasSize(1);
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("create_ticket");
    }

    @Test
    void aProblemReportAnsweredFromTheHelpCenterKeepsATicketOneWordAway() {
        String problem = "the CSV export of our projects has been failing since yesterday";
        intents.put(problem, "technical_issue");
        knows(problem, "doc-exp", "Export", "Guide > Data > Export", "Admins can export CSV from Settings.", 0.82);

        String answer = say("c-fault", problem).content();
        String opened = say("c-fault", "yes").content();

        assertThat(answer)
                .startsWith("Admins can export CSV from Settings.\n\n(From our help center: Guide > Data > Export)")
                .endsWith("If that doesn't solve it, I can open a ticket so our team looks into it: just say yes.");
        assertThat(opened).startsWith("Done: I've opened ticket")
                .contains("(\"The CSV export of our projects has been failing since yesterday\"");
    }

    /**
     * An export problem the help center answers loosely, then more about it, whose search together with it finds
     * {@code laterTitle}'s entry.
     */
    private void exportFailsThenTimesOut(String laterDocument, String laterTitle, String laterText) {
        intents.put(EXPORT_FAILS, "technical_issue");
        intents.put(TIMES_OUT, "technical_issue");
        knows(EXPORT_FAILS, "doc-exp", "Export", "", "Admins can export CSV from Settings.", 0.62);
        knows(EXPORT_FAILS + ". " + TIMES_OUT, laterDocument, laterTitle, "", laterText, 0.58);
    }

    @Test
    void moreAboutAProblemIsLookedUpWithItAndATicketForItDescribesBoth() {
        exportFailsThenTimesOut("doc-big", "Large exports", "Large exports run in the background.");

        say("c-more", EXPORT_FAILS);
        String answer = say("c-more", TIMES_OUT).content();
        String opened = say("c-more", "yes").content();

        assertThat(answer).contains("Large exports run in the background.");
        assertThat(opened).startsWith("Done: I've opened ticket")
                .contains("(\"My export keeps failing with an error\"");
    }

    @Test
    void aStatementRightAfterAProblemIsMoreAboutItAndTheTicketForItHasBoth() {
        String problem = "our webhook stopped firing yesterday";
        String more = "we haven't changed anything on our side";
        intents.put(problem, "technical_issue");
        rejects(0.7, more);
        intents.put("ok open a ticket", "create_ticket");
        knows(problem, "doc-hooks", "Webhooks", "", "Create a webhook in Settings.", 0.62);
        knows(problem + ". " + more, "doc-hooks", "Webhooks", "", "Create a webhook in Settings.", 0.6);

        say("c-hook", problem);
        ChatOutboundMessage added = say("c-hook", more);
        String opened = say("c-hook", "ok open a ticket").content();

        assertThat(added.intent()).isEqualTo("technical_issue");
        assertThat(added.content()).doesNotContain("outside what I can help with");
        assertThat(opened).as("the offer of a ticket taken up, for the problem as told")
                .startsWith("Done: I've opened ticket").contains("(\"Our webhook stopped firing yesterday\"");
        assertThat(desk.tickets.values()).singleElement()
                .satisfies(stored -> assertThat(stored.ticket().category()).isEqualTo("technical"));
    }

    @Test
    void anEntryOfferedAsTheClosestIsNotOfferedAgainRightAfter() {
        String first = "my invoices show the wrong company name";
        String again = "I already changed it in settings but the old invoice still shows the old name";
        intents.put(first, "billing_question");
        intents.put(again, "billing_question");
        knows(first, "doc-vat", "Company details on invoices", "", "Enter your company name in Settings.", 0.62);
        knows(again, "doc-vat", "Company details on invoices", "", "Enter your company name in Settings.", 0.6);

        String offered = say("c-still", first).content();
        String still = say("c-still", again).content();
        String opened = say("c-still", "yes").content();

        assertThat(offered).contains("Enter your company name in Settings.");
        assertThat(still).startsWith("The closest entry I have is still \"Company details on invoices\", which I "
                + "showed you just now").doesNotContain("Enter your company name");
        assertThat(opened).startsWith("Done: I've opened ticket")
                .contains("(\"My invoices show the wrong company name\"");
    }

    @Test
    void moreAboutAProblemThatFindsTheEntryJustShownIsNotShownItAgain() {
        exportFailsThenTimesOut("doc-exp", "Export", "Admins can export CSV from Settings.");

        say("c-again", EXPORT_FAILS);
        ChatOutboundMessage again = say("c-again", TIMES_OUT);
        String opened = say("c-again", "yes").content();

        assertThat(again.content()).startsWith("The entry I showed you, \"Export\", is all our help center has on "
                + "this").doesNotContain("Admins can export");
        assertThat(again.citations()).extracting("documentId").containsExactly("doc-exp");
        assertThat(opened).startsWith("Done: I've opened ticket")
                .contains("(\"My export keeps failing with an error\"");
    }

    @Test
    void aThirdMessageAboutTheSameProblemIsAddedToTheTicketOnOfferNotAnsweredWordForWord() {
        String tried = "I already changed the format but it still fails";
        exportFailsThenTimesOut("doc-exp", "Export", "Admins can export CSV from Settings.");
        intents.put(tried, "technical_issue");
        knows(EXPORT_FAILS + ". " + tried, "doc-exp", "Export", "", "Admins can export CSV from Settings.", 0.6);

        say("c-third", EXPORT_FAILS);
        String second = say("c-third", TIMES_OUT).content();
        String third = say("c-third", tried).content();
        String opened = say("c-third", "yes").content();

        assertThat(second).startsWith("The entry I showed you, \"Export\"");
        assertThat(third).startsWith("Thanks, I've noted that. Our help center has nothing more on this")
                .contains("a ticket with everything you've told me").doesNotContain("Admins can export");
        assertThat(opened).startsWith("Done: I've opened ticket");
        assertThat(desk.tickets.values()).singleElement().satisfies(stored -> assertThat(
                stored.description()).isEqualTo(EXPORT_FAILS + ". " + TIMES_OUT + ". " + tried));
    }

    @Test
    void aNewQuestionAfterTheOfferOfAPersonIsAnsweredEvenIfItSaysPeople() {
        String unknown = "do you have a printed manual?";
        String followUp = "how much would it cost for 12 people?";
        intents.put(followUp, "billing_question");
        knows(followUp, "doc-plans", "Plans", "", "Team costs 10 USD per member a month.", 0.8);

        assertThat(say("c-offer", unknown).content()).contains("connect you with someone now");
        ChatOutboundMessage answer = say("c-offer", followUp);
        assertThat(say("c-offer2", unknown).content()).contains("connect you with someone now");
        ChatOutboundMessage handedOver = say("c-offer2", "a person please");

        assertThat(answer.escalated()).isFalse();
        assertThat(answer.content()).startsWith("Team costs 10 USD per member a month.");
        assertThat(handedOver.escalated()).isTrue();
        assertThat(published.handoffs).singleElement();
    }

    @Test
    void aQuestionAboutTheRenewalIsAnsweredWithTheRenewalAlone() {
        intents.put("is my plan going to renew automatically?", "account_info");

        intents.put("when is my next payment?", "account_info");
        intents.put("how much is my next payment?", "account_info");
        String active = say("c-renew", "is my plan going to renew automatically?").content();
        String when = say("c-renew", "when is my next payment?").content();
        String amount = say("c-renew", "how much is my next payment?").content();
        desk.subscriptionStatus = "trialing";
        String trial = say("c-renew-2", "is my plan going to renew automatically?").content();

        assertThat(active).isEqualTo("Yes: your Pro subscription renews automatically on 1 December 2026, at "
                + "49.00 USD a month.");
        assertThat(when).isEqualTo("Your Pro subscription renews automatically on 1 December 2026, at 49.00 USD a "
                + "month.");
        assertThat(amount).as("an amount is the whole account's, with the latest invoice").startsWith("Here is your "
                + "account");
        assertThat(trial).startsWith("Your free trial of Pro ends on 1 December 2026. Nothing renews by itself");
        assertThat(lastTools()).extracting("name").containsExactly("lookup_account");
    }

    @Test
    void aChargeAfterCancellingIsADisputedChargeShownWithTheInvoiceAndTheOfferOfATicket() {
        intents.put("I was charged after I cancelled", "refund_request");

        ChatOutboundMessage reply = say("c-after", "I was charged after I cancelled");

        assertThat(reply.intent()).isEqualTo("account_info");
        assertThat(reply.content()).contains("- Latest invoice: INV-1")
                .endsWith("If a charge looks wrong, I can open a ticket for our billing team: just say yes.");
    }

    @Test
    void aQuestionAboutAChargeIsAnsweredFromTheAccountWithTheOfferOfATicket() {
        String question = "why was I charged $540 this month??";
        intents.put(question, "billing_question");

        ChatOutboundMessage reply = say("c-charge", question);

        assertThat(reply.intent()).isEqualTo("account_info");
        assertThat(reply.content()).contains("- Latest invoice: INV-1, 49.00 USD, paid\n"
                        + "  - Pro plan, monthly subscription: 34.00 USD\n"
                        + "  - Additional seats: 2 × 7.50 USD = 15.00 USD\n")
                .endsWith("If a charge looks wrong, I can open a ticket for our billing team: just say yes.");
        assertThat(lastTools()).extracting("name").containsExactly("lookup_account");
        assertThat(say("c-charge", "yes").content()).startsWith("Done: I've opened ticket")
                .contains("(\"Why was I charged $540 this month??\"");
        assertThat(lastTools()).singleElement().satisfies(call -> assertThat(call.arguments())
                .containsEntry("category", "billing"));
    }

    @Test
    void aChargeNamedByItsAmountShowsThatInvoiceLineByLine() {
        intents.put("why was I charged $38.80 in October?", "billing_question");

        String reply = say("c-october", "why was I charged $38.80 in October?").content();

        assertThat(reply).contains("- Latest invoice: INV-1, 49.00 USD, paid\n- The invoice you asked about: INV-0, "
                + "38.80 USD, paid, issued on 1 October 2026\n  - Pro plan, monthly subscription: 34.00 USD\n"
                + "  - API overage: 12 × 0.40 USD = 4.80 USD").doesNotContain("Additional seats");
    }

    @Test
    void aYesOrNoPassageIsIntroducedByTheEntryItAnswers() {
        String question = "can I pay with bitcoin?";
        knows(question, "doc-cur", "Can I pay in a currency other than US dollars?", "",
                "Yes. You can pay in euros or pounds.", 0.78);
        String sure = "how do I export my data?";
        knows(sure, "doc-exp", "Export", "Guide > Data > Export", "Admins can export from Settings.", 0.78);

        assertThat(say("c-yes", question).content()).isEqualTo("On \"Can I pay in a currency other than US "
                + "dollars?\", our help center says:\n\nYes. You can pay in euros or pounds.");
        assertThat(say("c-sure", sure).content())
                .isEqualTo("Admins can export from Settings.\n\n(From our help center: Guide > Data > Export)");
    }

    @Test
    void aHumanJoinsRepliesThroughTheAgentAndHandsBackWithARating() {
        intents.put("I want a person", "talk_to_human");
        say("c7", "I want a person");
        String handoffId = states.rows.get("c7").handoffId();
        DeskEvents events = new DeskEvents(states, published, clock, Duration.ofHours(24));

        events.on(new HandoffClaimedEvent(UUID.randomUUID(), Instant.now(), 1, handoffId, "c7", "a-1", "Sam"))
                .block();
        assertThat(published.lastReply().content()).isEqualTo("Sam from our support team has joined the conversation.");
        assertThat(published.lastReply().role()).isEqualTo("system");
        assertThat(states.rows.get("c7").mode()).isEqualTo(Mode.HUMAN);

        ChatOutboundMessage relayed = say("c7", "a-1", "agent", "Hi, I'm Sam. Let me look at your invoice.");
        assertThat(relayed.role()).isEqualTo("human_agent");
        assertThat(relayed.userId()).isEqualTo("u1");
        assertThat(say("c7", "thanks Sam")).isNull();

        events.on(new HandoffReleasedEvent(UUID.randomUUID(), Instant.now(), 1, handoffId, "c7", "a-1", "resolved",
                "Refund issued")).block();
        assertThat(published.lastReply().content()).contains("resolved").contains("Refund issued")
                .contains("from 1");
        assertThat(states.rows.get("c7").mode()).isEqualTo(Mode.AI);

        assertThat(say("c7", "5").content()).contains("rating us 5 out of 5");
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("record_rating");
    }

    @Test
    void theConversationIsHeldByThePersonBeforeTheCustomerHearsTheyJoined() {
        intents.put("I want a person", "talk_to_human");
        say("c-join", "I want a person");
        List<Mode> modeWhenAnnounced = new ArrayList<>();
        TurnPublisher watching = new TurnPublisher() {
            @Override
            public Mono<Void> publishReply(ChatOutboundMessage reply) {
                modeWhenAnnounced.add(states.rows.get("c-join").mode());
                return published.publishReply(reply);
            }

            @Override
            public Mono<Void> publishTurn(ConversationTurnRecordedEvent turn) {
                return published.publishTurn(turn);
            }

            @Override
            public Mono<Void> publishHandoff(HandoffRequestedEvent handoff) {
                return published.publishHandoff(handoff);
            }

            @Override
            public Mono<Void> publishToken(ChatTokenEvent token) {
                return published.publishToken(token);
            }

            @Override
            public Mono<Void> publishWithdrawal(HandoffWithdrawnEvent withdrawal) {
                return published.publishWithdrawal(withdrawal);
            }
        };
        DeskEvents events = new DeskEvents(states, watching, clock, Duration.ofHours(24));

        events.on(new HandoffClaimedEvent(UUID.randomUUID(), Instant.now(), 1, states.rows.get("c-join").handoffId(),
                "c-join", "a-1", "Sam")).block();

        assertThat(modeWhenAnnounced).as("a reply to the announcement must find the person holding the conversation")
                .containsExactly(Mode.HUMAN);
    }

    @Test
    void aCustomerWhoNoLongerWantsThePersonLeavesTheQueueAndTheAiAnswersAgain() {
        intents.put("I want a person", "talk_to_human");
        say("c-leave", "I want a person");
        String handoffId = states.rows.get("c-leave").handoffId();

        ChatOutboundMessage left = say("c-leave", "never mind, I sorted it out myself");

        assertThat(left.content()).startsWith(TurnService.LEFT_QUEUE).contains("ask for a person again");
        assertThat(left.role()).isEqualTo("ai");
        assertThat(left.escalated()).isFalse();
        assertThat(states.rows.get("c-leave").mode()).isEqualTo(Mode.AI);
        assertThat(published.withdrawals).singleElement().satisfies(withdrawal -> {
            assertThat(withdrawal.handoffId()).isEqualTo(handoffId);
            assertThat(withdrawal.conversationId()).isEqualTo("c-leave");
            assertThat(withdrawal.userId()).isEqualTo("u1");
            assertThat(withdrawal.said()).isEqualTo("never mind, I sorted it out myself");
        });
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("withdraw_handoff");

        // ticket-service's answer changes nothing and says nothing: the customer heard it in their own turn.
        int replies = published.replies.size();
        new DeskEvents(states, published, clock, Duration.ofHours(24)).on(new HandoffReleasedEvent(UUID.randomUUID(),
                Instant.now(), 1, handoffId, "c-leave", null, "withdrawn", "The customer no longer needs a person."))
                .block();
        assertThat(published.replies).hasSize(replies);
        assertThat(states.rows.get("c-leave").mode()).isEqualTo(Mode.AI);

        knows("how do I export my data?", "kb-export", "How do I export my data?", "FAQ > Data",
                "Admins can export from Settings.", 0.9);
        assertThat(say("c-leave", "how do I export my data?").content()).contains("Admins can export");
        assertThat(published.withdrawals).hasSize(1);
    }

    @Test
    void aQuestionAskedWhileLeavingTheQueueIsAnsweredAfterTheAcknowledgement() {
        intents.put("I want a person", "talk_to_human");
        say("c-leave-q", "I want a person");
        String text = "never mind, how do I export my data?";
        knows(text, "kb-export", "How do I export my data?", "FAQ > Data", "Admins can export from Settings.", 0.9);

        String reply = say("c-leave-q", text).content();

        assertThat(reply).startsWith(TurnService.LEFT_QUEUE).contains("Admins can export from Settings.");
        assertThat(published.withdrawals).hasSize(1);
        assertThat(lastTools()).extracting(ToolCall::name).first().isEqualTo("withdraw_handoff");
    }

    @Test
    void anInvoiceNamedByItsNumberIsShownLineByLine() {
        intents.put("what is INV-0?", "out_of_scope");

        String reply = say("c-inv", "what is INV-0?").content();

        assertThat(reply).contains("The invoice you asked about: INV-0, 38.80 USD, paid")
                .contains("API overage: 12 × 0.40 USD = 4.80 USD");
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("lookup_account");
    }

    @Test
    void leavingAQueueNobodyIsInIsSaidSo() {
        assertThat(say("c-noqueue", "please take me out of the queue").content())
                .startsWith("You're not waiting for a person from our team");
        assertThat(published.withdrawals).isEmpty();
        assertThat(knowledgeCalls).hasValue(0);
    }

    @Test
    void stillWantingThePersonOrHavingOneAlreadyKeepsTheHandoff() {
        intents.put("I want a person", "talk_to_human");
        say("c-stay", "I want a person");

        assertThat(say("c-stay", "never mind the wait, I still need someone").content())
                .startsWith("Thanks, I've added that");
        assertThat(states.rows.get("c-stay").mode()).isEqualTo(Mode.WAITING_FOR_HUMAN);

        new DeskEvents(states, published, clock, Duration.ofHours(24)).on(new HandoffClaimedEvent(UUID.randomUUID(),
                Instant.now(), 1, states.rows.get("c-stay").handoffId(), "c-stay", "a-1", "Sam")).block();
        assertThat(say("c-stay", "never mind, I figured it out")).as("Sam reads it in the transcript").isNull();
        assertThat(states.rows.get("c-stay").mode()).isEqualTo(Mode.HUMAN);
        assertThat(published.withdrawals).isEmpty();
    }

    @Test
    void anAgentWhoHasNotClaimedTheConversationCannotWriteToIt() {
        say("c8", "hello");

        assertThat(say("c8", "a-2", "agent", "I'm not supposed to be here")).isNull();
    }

    @Test
    void anotherUsersTicketIsNotFound() {
        String theirs = desk.open(new SupportDesk.Caller("u2", "user"), new SupportDesk.NewTicket("Theirs", "d",
                "general", "medium", "x", List.of()), "k").block().id();
        intents.put("what is the status of " + theirs, "ticket_status");

        ChatOutboundMessage reply = say("c9", "what is the status of " + theirs);

        assertThat(reply.content()).contains("couldn't find a ticket " + theirs).doesNotContain("Theirs");
    }

    @Test
    void aQuestionAboutUsageAloneIsAnsweredWithThatUsage() {
        intents.put("how many seats are we using?", "account_info");
        intents.put("how many seats do we use, and when do we renew?", "account_info");

        ChatOutboundMessage seats = say("c-usage", "how many seats are we using?");
        ChatOutboundMessage more = say("c-usage", "how many seats do we use, and when do we renew?");

        assertThat(seats.content()).isEqualTo("You're on the Pro plan, with seats 4 of 10 in use.");
        assertThat(seats.intent()).isEqualTo("account_info");
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("lookup_account");
        assertThat(more.content()).as("the renewal too: the whole account").startsWith("Here is your account")
                .contains("seats 4 of 10");
    }

    @Test
    void visitorsAreAskedToSignInBeforeAccountData() {
        intents.put("show me my account", "account_info");

        ChatOutboundMessage reply = say("c10", "v-1", "visitor", "show me my account");

        assertThat(reply.content()).contains("please sign in");
        assertThat(lastTools()).isEmpty();
    }

    @Test
    void threeUnansweredQuestionsInARowBringInAPerson() {
        say("c11", "what is the airspeed of a swallow in our api");
        say("c11", "how do I frobnicate the widgets");
        ChatOutboundMessage third = say("c11", "where is the flux capacitor setting");

        assertThat(third.escalated()).isTrue();
        assertThat(published.handoffs).singleElement()
                .satisfies(h -> assertThat(h.reasons()).containsExactly(HandoffReasons.NO_ANSWER));
    }

    @Test
    void anUnansweredQuestionCanBecomeATicket() {
        ChatOutboundMessage miss = say("c12", "Can I export my audit log as XML?");
        assertThat(miss.content()).contains("couldn't find a reliable answer");

        ChatOutboundMessage opened = say("c12", "yes, a ticket please");
        assertThat(opened.content()).startsWith("Done: I've opened ticket")
                .contains("(\"Can I export my audit log as XML?\"");

        assertThat(desk.tickets).hasSize(1);
    }

    @Test
    void servicesThatAreDownLeadToHonestDegradedAnswers() {
        sentimentDown.set(true);
        knowledgeDown.set(true);

        ChatOutboundMessage reply = say("c13", "how do I change my billing email?");

        assertThat(reply.degraded()).isTrue();
        assertThat(reply.content()).contains("can't reach our help center");
        assertThat(published.turns.get(0).sentiment().trend()).isEqualTo("unknown");
    }

    @Test
    void aTicketChangeBySupportIsPostedToTheCustomersConversation() {
        say("c14", "hello");
        DeskEvents events = new DeskEvents(states, published, clock, Duration.ofHours(24));
        int before = published.replies.size();

        events.on(new TicketUpdatedEvent(UUID.randomUUID(), Instant.now(), 1, "TKT-9", "u1", "c-old", "resolved",
                "agent:a-1", List.of(new FieldChange("status", "open", "resolved")))).block();
        events.on(new TicketUpdatedEvent(UUID.randomUUID(), Instant.now(), 1, "TKT-9", "u1", "c-old", "open",
                "user:u1", List.of(new FieldChange("status", "resolved", "open")))).block();
        events.on(new TicketUpdatedEvent(UUID.randomUUID(), Instant.now(), 1, "TKT-9", "u1", "c-old", "open",
                "system:handoff", List.of(new FieldChange("comment", null, "c-1")))).block();

        assertThat(published.replies.subList(before, published.replies.size())).singleElement().satisfies(m -> {
            assertThat(m.conversationId()).isEqualTo("c14");
            assertThat(m.role()).isEqualTo("system");
            assertThat(m.content()).isEqualTo("Update on your ticket TKT-9: it is now resolved.");
        });
    }

    @Test
    void aCustomerNobodyTakesIsToldSoOfferedATicketAndStaysInTheQueue() {
        intents.put("I want a person", "talk_to_human");
        say("c16", "I want a person, my export to S3 fails every night");
        say("c16", "I want a person");
        HumanWait wait = new HumanWait(states, published, Clock.offset(clock, Duration.ofMinutes(10)),
                Duration.ofMinutes(3));

        assertThat(wait.sweep().block()).isEqualTo(1);
        assertThat(published.lastReply().content()).contains("busy right now").contains("ticket");
        assertThat(published.lastReply().role()).isEqualTo("system");
        assertThat(wait.sweep().block()).as("told once").isZero();
        assertThat(say("c16", "hello?").content()).startsWith("You're in the queue");

        ChatOutboundMessage readBack = say("c16", "ok, a ticket then");
        assertThat(readBack.content()).contains("Shall I open it?").contains("export to S3");
        assertThat(readBack.role()).isEqualTo("ai");
        say("c16", "yes");

        assertThat(desk.tickets).hasSize(1);
        assertThat(states.rows.get("c16").mode()).isEqualTo(Mode.WAITING_FOR_HUMAN);
        assertThat(published.handoffs).hasSize(1);
    }

    @Test
    void aReturningCustomerIsGreetedByNameWithTheirOpenTicket() {
        intents.put("hello", "greeting");
        memories.put("u1", new CustomerMemory.Recollection("Dana", List.of("TKT-7Q2: Export keeps failing"), true));

        String greeting = say("c-back", "hello").content();

        assertThat(greeting).startsWith("Welcome back, Dana!")
                .contains("Your ticket TKT-7Q2: Export keeps failing is still open");
        assertThat(say("c-back", "hello").content()).isEqualTo("Hello again! What can I do for you?");
        assertThat(recalled).containsExactly("u1");
    }

    @Test
    void aQuestionAboutTheLastConversationIsAnsweredFromMemorysNoteOnIt() {
        String asked = "what did we talk about last time?";
        intents.put("hello", "greeting");
        intents.put(asked, "out_of_scope");
        memories.put("u1", new CustomerMemory.Recollection("Dana", List.of("TKT-7Q2: Export keeps failing"), true,
                "Customer wrote: the CSV export keeps failing (TKT-7Q2)"));

        say("c-last", "hello");
        ChatOutboundMessage reply = say("c-last", asked);
        String visitor = say("c-last-v", "v-9", "visitor", asked).content();
        memories.put("u1", CustomerMemory.Recollection.NONE);
        String stranger = say("c-last-2", asked).content();

        assertThat(reply.content()).isEqualTo("From my notes on our last conversation: Customer wrote: the CSV export "
                + "keeps failing (TKT-7Q2). Your ticket TKT-7Q2: Export keeps failing is still open. How can I help "
                + "today?");
        assertThat(reply.intent()).isEqualTo("greeting");
        assertThat(visitor).startsWith("I can only look back at earlier conversations for signed-in customers");
        assertThat(stranger).startsWith("I don't have notes on an earlier conversation with you");
    }

    /** Opens the Slack alerts ticket in {@code conversation}, confirmed with a yes; its id. */
    private String slackAlertsTicketOpenedIn(String conversation) {
        intents.put("please open a ticket: the Slack alerts stopped arriving", "create_ticket");
        say(conversation, "please open a ticket: the Slack alerts stopped arriving");
        say(conversation, "yes");
        return desk.tickets.keySet().iterator().next();
    }

    @Test
    void closeItAfterOpeningATicketClosesThatTicketAndReopenItOpensItAgain() {
        intents.put("ok close it, we fixed it ourselves", "feedback");
        intents.put("actually it broke again, reopen it pls", "out_of_scope");
        String id = slackAlertsTicketOpenedIn("c-close");

        assertThat(say("c-close", "ok close it, we fixed it ourselves").content()).isEqualTo("Done: " + id
                + " is now resolved.");
        assertThat(desk.tickets.get(id).ticket().status()).isEqualTo("resolved");
        assertThat(say("c-close", "actually it broke again, reopen it pls").content()).isEqualTo("Done: " + id
                + " is now open.");
    }

    @Test
    void whatHappensNextAfterATicketIsAnsweredWithThatTicketAndTheNextSteps() {
        intents.put("what happens next?", "complaint");
        String id = slackAlertsTicketOpenedIn("c-next");

        String next = say("c-next", "what happens next?").content();

        assertThat(next).startsWith("Ticket " + id + " (\"The Slack alerts stopped arriving\") is open")
                .contains("will reply here in this chat");
        assertThat(lastTools()).extracting("name").containsExactly("get_ticket_status");
    }

    @Test
    void aRequestToHurryATicketIsNotedOnItUnlessItIsAlreadyHighPriority() {
        intents.put("can you make it high priority?", "request");
        String id = slackAlertsTicketOpenedIn("c-hurry");

        String noted = say("c-hurry", "can you make it high priority?").content();
        InMemoryDesk.Stored stored = desk.tickets.get(id);
        desk.tickets.put(id, new InMemoryDesk.Stored(stored.userId(), new SupportDesk.Ticket(id,
                stored.ticket().subject(), "open", "high", "technical", stored.ticket().updatedAt()),
                stored.description(), stored.comments()));
        String already = say("c-hurry", "can you make it high priority?").content();

        assertThat(noted).startsWith("I've noted on " + id + " that it's urgent for you");
        assertThat(stored.comments()).singleElement().asString()
                .isEqualTo("The customer asks for this to be treated as urgent: can you make it high priority?");
        assertThat(already).startsWith("Ticket " + id + " (\"The Slack alerts stopped arriving\") is already high "
                + "priority");
        assertThat(desk.tickets.get(id).comments()).hasSize(1);
    }

    @Test
    void goAheadAfterAQuestionInBetweenOffersATicketForTheChangeAskedForFirst() {
        intents.put("I want to cancel my subscription", "cancel_subscription");
        intents.put("ok what would I lose on free?", "plan_upgrade");
        intents.put("fine, cancel it", "cancel_subscription");
        knows("I want to cancel my subscription", "doc-cancel", "Cancelling", "", "Owners cancel in Settings.", 0.9);
        knows("what would I lose on free?", "doc-free", "Free plan", "", "Free allows 3 projects.", 0.8);

        say("c-cancel", "I want to cancel my subscription");
        say("c-cancel", "ok what would I lose on free?");
        String cannot = say("c-cancel", "fine, cancel it").content();
        String opened = say("c-cancel", "yes").content();

        assertThat(cannot).startsWith("I can't make that change from this chat myself.");
        assertThat(opened).startsWith("Done: I've opened ticket").contains("(\"I want to cancel my subscription\"");
    }

    @Test
    void goAheadWhileATicketIsOnOfferForSomethingElseIsNoYesToThatOffer() {
        intents.put("I want to cancel my subscription", "cancel_subscription");
        intents.put("why? because it costs a fortune", "billing_question");
        intents.put("fine, cancel it", "cancel_subscription");
        knows("I want to cancel my subscription", "doc-cancel", "Cancelling", "", "Owners cancel in Settings.", 0.9);

        say("c-offered", "I want to cancel my subscription");
        assertThat(say("c-offered", "why? because it costs a fortune").content()).contains("open a ticket");
        String cannot = say("c-offered", "fine, cancel it").content();
        String opened = say("c-offered", "yes").content();

        assertThat(cannot).startsWith("I can't make that change from this chat myself.");
        assertThat(opened).contains("(\"I want to cancel my subscription\"");
    }

    @Test
    void aQuestionAboutWhatAPlanIncludesIsLookedUpWhateverTheClassifierMadeOfThePlansName() {
        intents.put("what's included in pro", "out_of_scope");
        knows("what's included in pro", "doc-plans", "Plans", "", "Pro adds the audit log.", 0.8);

        ChatOutboundMessage reply = say("c-incl", "what's included in pro");

        assertThat(reply.content()).startsWith("Pro adds the audit log.");
        assertThat(reply.intent()).isEqualTo("question");
    }

    @Test
    void aFollowUpHeardAsATicketQuestionWithNoTicketInSightIsAboutTheQuestionBefore() {
        intents.put("can we import our boards from Trello?", "question");
        intents.put("and how long does it take?", "ticket_status");
        knows("can we import our boards from Trello?", "doc-import", "Import", "", "Import from Trello in Settings.",
                0.9);
        knows("can we import our boards from Trello? and how long does it take?", "doc-import", "Import", "",
                "Large imports run in the background and take a few minutes.", 0.8);

        say("c-import", "can we import our boards from Trello?");
        ChatOutboundMessage reply = say("c-import", "and how long does it take?");

        assertThat(reply.content()).startsWith("Large imports run in the background");
        assertThat(lastTools()).extracting("name").containsExactly("search_faq");
    }

    @Test
    void aCallForHelpThatSaysNothingOfWhatAboutIsAskedWhatAbout() {
        intents.put("help", "out_of_scope");
        intents.put("hi, I have a problem", "technical_issue");

        ChatOutboundMessage help = say("c-help", "help");
        String problem = say("c-help-2", "hi, I have a problem").content();

        assertThat(help.content()).startsWith("Of course. What would you like to know?");
        assertThat(help.intent()).isEqualTo("greeting");
        assertThat(problem).startsWith("I'm sorry to hear that. What's happening?");
        assertThat(lastTools()).isEmpty();
    }

    @Test
    void aTicketNamedByItsTopicIsTheOneClosedOrReopened() {
        List<String> opened = openCalendarAndExportTickets();
        String calendar = opened.get(0);
        String export = opened.get(1);
        intents.put("close the calendar ticket, it's working again", "feedback");
        intents.put("can you cancel that ticket about the export", "cancel_subscription");
        intents.put("the calendar sync broke again, reopen my calendar ticket", "complaint");

        assertThat(say("c-topics", "close the calendar ticket, it's working again").content())
                .isEqualTo("Done: " + calendar + " is now resolved.");
        assertThat(say("c-topics", "can you cancel that ticket about the export").content())
                .isEqualTo("Done: " + export + " is now resolved.");
        assertThat(say("c-topics", "the calendar sync broke again, reopen my calendar ticket").content())
                .isEqualTo("Done: " + calendar + " is now open.");
        assertThat(desk.tickets.get(export).ticket().status()).isEqualTo("resolved");
    }

    @Test
    void thatOneIsTheTicketTheConversationLastOpenedAmongSeveral() {
        SupportDesk.Caller caller = new SupportDesk.Caller("u1", "user");
        desk.open(caller, new SupportDesk.NewTicket("Google Calendar events are missing", "d", "technical", "medium",
                "c-x", List.of()), "k1").block();
        intents.put("please open a ticket: task reminders stopped arriving on my android phone", "create_ticket");
        intents.put("ok it works now, you can close that one", "feedback");
        say("c-last", "please open a ticket: task reminders stopped arriving on my android phone");
        say("c-last", "yes");
        String reminders = states.rows.get("c-last").lastTicketId();

        assertThat(desk.tickets.get(reminders).ticket().subject()).startsWith("Task reminders");
        assertThat(say("c-last", "ok it works now, you can close that one").content())
                .isEqualTo("Done: " + reminders + " is now resolved.");
    }

    @Test
    void whichTicketIsAnsweredByItsTopic() {
        String export = openCalendarAndExportTickets().get(1);
        intents.put("please close my ticket", "update_ticket");

        assertThat(say("c-which", "please close my ticket").content()).startsWith("Which ticket should I update?");
        assertThat(say("c-which", "the csv export one").content()).isEqualTo("Done: " + export + " is now resolved.");
    }

    @Test
    void whatPayingAnnuallySavesIsWorkedOutFromThePriceList() {
        String asked = "how much would we save by switching to annual billing?";
        intents.put(asked, "plan_upgrade");
        knows(PriceQuotes.PRICE_LIST_QUERY, "doc-plans", "What plans does Pennant offer and what do they cost?", "",
                "Free: up to 5 members. Team: $8 per member per month billed annually ($10 monthly). Business: $15 "
                        + "per member per month billed annually ($18 monthly). Enterprise: custom pricing.", 0.8);

        ChatOutboundMessage saving = say("c-annual", asked);

        assertThat(saving.content()).startsWith("Paying annually costs less than paying monthly")
                .contains("- Team: $8 per member a month billed annually, against $10 billed monthly, 20% less")
                .contains("- Business: $15 per member a month billed annually, against $18 billed monthly, 17% less")
                .endsWith("(From our help center: What plans does Pennant offer and what do they cost?)");
        assertThat(saving.citations()).extracting("documentId").containsExactly("doc-plans");
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("search_faq", "quote_price");
    }

    @Test
    void aQuestionComparingPlansIsAnsweredWithThePlanOverview() {
        String asked = "what's the difference between team and business?";
        intents.put(asked, "question");
        knows(asked, "doc-teams", "Teams", "Guide > Teams", "Teams are named groups of members.", 0.84);
        knows(PriceQuotes.PRICE_LIST_QUERY, "doc-plans", "What plans does Pennant offer?", "",
                "Team: $8 per member per month billed annually ($10 monthly). Business adds the audit log.", 0.8);

        ChatOutboundMessage reply = say("c-compare", asked);

        assertThat(reply.citations()).extracting("documentId").containsExactly("doc-plans");
        assertThat(reply.content()).startsWith("Team: $8 per member");
    }

    @Test
    void aTicketIsPointedAtByItsPlaceInTheListShown() {
        List<String> opened = openCalendarAndExportTickets();
        String calendar = opened.get(0);
        String export = opened.get(1);
        intents.put("show my tickets", "ticket_status");
        intents.put("close the first one", "goodbye");
        intents.put("what's the status of the second one?", "question");
        intents.put("and number 3?", "greeting");

        String list = say("c-place", "show my tickets").content();
        String first = list.substring(list.indexOf("1. ") + 3, list.indexOf(' ', list.indexOf("1. ") + 3));
        String second = first.equals(export) ? calendar : export;
        ChatOutboundMessage closed = say("c-place", "close the first one");
        ChatOutboundMessage status = say("c-place", "what's the status of the second one?");
        ChatOutboundMessage beyond = say("c-place", "and number 3?");

        assertThat(list).contains("1. " + first).contains("2. " + second);
        assertThat(closed.content()).isEqualTo("Done: " + first + " is now resolved.");
        assertThat(closed.intent()).isEqualTo("update_ticket");
        assertThat(status.intent()).isEqualTo("ticket_status");
        assertThat(status.content()).contains(second).doesNotContain(first);
        assertThat(beyond.content()).as("the list had two: it is shown again").contains("1. ").contains("2. ");
    }

    @Test
    void whichTicketIsAnsweredByItsPlaceInTheList() {
        openCalendarAndExportTickets();
        intents.put("please close my ticket", "update_ticket");

        String asked = say("c-which2", "please close my ticket").content();
        String last = asked.substring(asked.indexOf("2. ") + 3, asked.indexOf(' ', asked.indexOf("2. ") + 3));

        assertThat(say("c-which2", "the last one").content()).isEqualTo("Done: " + last + " is now resolved.");
    }

    @Test
    void goAheadWhenNothingWasOfferedIsToldTheAgentCannotDoItAndAYesOpensATicket() {
        knows("how do I delete my account?", "doc-del", "Deleting an account", "",
                "The owner deletes the workspace in Settings > General.", 0.9);
        intents.put("yes im sure, do it", "goodbye");
        say("c-ahead", "how do I delete my account?");

        assertThat(say("c-ahead", "yes im sure, do it").content())
                .startsWith("I can't make that change from this chat myself.").doesNotContain("Goodbye");
        assertThat(say("c-ahead", "yes").content()).startsWith("Done: I've opened ticket")
                .contains("How do I delete my account?");
    }

    @Test
    void aCustomerWhoCannotGetInIsToldFirstWhenTheirSubscriptionIsCanceled() {
        String question = "why can't my team log in anymore?";
        knows(question, "doc-lock", "Why is my account locked?", "", "Five failed sign-ins lock an account.", 0.62);

        String active = say("c-access-1", question).content();
        desk.subscriptionStatus = "canceled";
        String canceled = say("c-access-2", question).content();

        assertThat(active).doesNotContain("subscription");
        assertThat(canceled).startsWith("Your Pro subscription is canceled, which may be why.\n\n")
                .contains("Five failed sign-ins lock an account.");
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("lookup_account", "search_faq");
    }

    @Test
    void aQuestionAboutWhatThePlanAllowsSaysWhereTheCustomerStands() {
        String question = "how many members can a team have?";
        knows(question, "doc-seats", "How many members can I add?", "", "Team allows 10 members.", 0.9);
        String other = "how do I invite a member?";
        knows(other, "doc-invite", "How do I invite people?", "", "Admins invite from Settings.", 0.9);

        String limit = say("c-plan-1", question).content();
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("lookup_account", "search_faq");
        String invite = say("c-plan-2", other).content();
        String visitor = say("c-plan-3", "visitor-1", "visitor", question).content();

        assertThat(limit).startsWith("You're on the Pro plan, with seats 4 of 10 in use.\n\n")
                .contains("Team allows 10 members.");
        assertThat(invite).as("not a question about a limit").doesNotContain("Pro plan");
        assertThat(visitor).as("nobody's account to read").doesNotContain("Pro plan").contains("Team allows");
    }

    @Test
    void aQuestionAfterThanksIsLookedUpWithoutTheThanks() {
        knows("how do I export my data?", "kb-export", "How do I export my data?", "FAQ > Data",
                "Admins can export from Settings.", 0.9);

        assertThat(say("c-thanks", "thanks! how do I export my data?").content()).contains("Admins can export");
        assertThat(lastTools()).singleElement().satisfies(tool -> assertThat(tool.arguments().get("query"))
                .isEqualTo("how do I export my data?"));
    }

    @Test
    void aLimitQuestionTheClassifierTookForTheAccountIsAnsweredWithTheAccountsLineFirst() {
        String question = "how many members can we have?";
        intents.put(question, "account_info");
        knows(question, "doc-seats", "How many members can I add?", "", "Team allows 10 members.", 0.9);

        String customer = say("c-limit-1", question).content();
        String visitor = say("c-limit-2", "visitor-2", "visitor", question).content();

        assertThat(customer).startsWith("You're on the Pro plan, with seats 4 of 10 in use.\n\n")
                .contains("Team allows 10 members.").doesNotContain("Here is your account");
        assertThat(visitor).contains("Team allows 10 members.").doesNotContain("couldn't find an account");
    }

    @Test
    void aPlanQuestionTheHelpCenterHasNothingOnIsAnsweredFromTheAccount() {
        String reply = say("c-limit-3", "what is the maximum number of seats?").content();

        assertThat(reply).isEqualTo("You're on the Pro plan, with seats 4 of 10 in use.");
        assertThat(lastTools()).extracting(ToolCall::name).containsExactly("search_faq", "lookup_account");
    }

    @Test
    void factsOfTheirOwnAccountCustomersAskAbout() {
        assertThat(Phrases.asksAboutOwnAccount("when does my trial end?")).isTrue();
        assertThat(Phrases.asksAboutOwnAccount("are we close to our limits?")).isTrue();
        assertThat(Phrases.asksAboutOwnAccount("can you tell me my next invoice amount?")).isTrue();
        assertThat(Phrases.asksAboutOwnAccount("please show me our usage")).isTrue();
        assertThat(Phrases.asksAboutOwnAccount("could you tell me when my subscription renews")).isTrue();
        assertThat(Phrases.asksAboutOwnAccount("can you tell me how to change my plan?")).isFalse();
        assertThat(Phrases.asksAboutOwnAccount("show me how to download an invoice")).isFalse();
        assertThat(Phrases.asksAboutOwnAccount("what does my plan cost per month?")).isTrue();
        assertThat(Phrases.asksAboutOwnAccount("how much am I paying right now?")).isTrue();
        assertThat(Phrases.asksAboutOwnAccount("what does the Team plan cost?")).isFalse();
        assertThat(Phrases.asksAboutOwnAccount("how much do I pay for an extra seat?")).isFalse();
        assertThat(new SupportDesk.Invoice("INV-9", null, "uncollectible", 100, "1.00 USD", List.of()).summary())
                .isEqualTo("INV-9, 1.00 USD, unpaid");
    }

    @Test
    void onlyTheMetricsAQuestionNamesAreShown() {
        assertThat(AccountLookup.metricsIn("how much storage and how many seats do we get?"))
                .containsExactlyInAnyOrder("storage", "seats");
        assertThat(AccountLookup.metricsIn("what is the limit on api calls per month?")).containsExactly("API calls");
        assertThat(AccountLookup.metricsIn("how much does it cost?")).isEmpty();
        assertThat(Phrases.asksAboutALimit("how much would it cost for 12 people?")).as("a price").isFalse();
        assertThat(Phrases.asksAboutALimit("can I add more people?")).isTrue();
        assertThat(Phrases.asksAboutALimit("our storage is full")).isTrue();
        assertThat(Phrases.asksAboutALimit("how do I invite a member?")).isFalse();
    }

    @Test
    void aSecurityIncidentGoesToAPersonAtOnce() {
        ChatOutboundMessage reply = say("c-sec", "an ex-employee still has access to our workspace, remove him now");

        assertThat(reply.escalated()).isTrue();
        assertThat(reply.content()).startsWith("This needs a person from our team rather than me");
        assertThat(published.handoffs).singleElement()
                .satisfies(handoff -> assertThat(handoff.reasons()).contains(HandoffReasons.POLICY));
    }

    @Test
    void anOutageForAWholeTeamOrVanishedDataGoesToAPersonAtOnce() {
        intents.put("my whole team can't log in, urgent", "technical_issue");
        intents.put("my data is gone", "question");

        for (String text : List.of("my whole team can't log in, urgent", "my data is gone")) {
            ChatOutboundMessage reply = say("c-incident-" + text.length(), text);

            assertThat(reply.escalated()).as(text).isTrue();
            assertThat(reply.content()).as(text).startsWith("This needs a person from our team rather than me");
        }
        assertThat(published.handoffs).hasSize(2)
                .allSatisfy(handoff -> assertThat(handoff.reasons()).containsExactly(HandoffReasons.POLICY));
        assertThat(knowledgeCalls.get()).isZero();
    }

    @Test
    void complaintsAboutTheHelpItselfAreOfferedAPersonNotAnArticle() {
        intents.put("you keep giving me the same useless answer", "question");
        intents.put("this is ridiculous", "out_of_scope");
        moods.put("this is ridiculous", mood(-0.2, 0.62, "stable", "suggest"));
        intents.put("WHAT ARE YOU GOING TO DO ABOUT IT", "question");
        moods.put("WHAT ARE YOU GOING TO DO ABOUT IT", mood(0.0, 0.45, "stable", "none"));

        for (String text : List.of("you keep giving me the same useless answer", "this is ridiculous",
                "WHAT ARE YOU GOING TO DO ABOUT IT")) {
            ChatOutboundMessage reply = say("c-help-" + text.length(), text);
            assertThat(reply.content()).as(text).contains("connect you with a person")
                    .doesNotContain("couldn't find").doesNotContain("outside what I can help with");
            assertThat(reply.intent()).as(text).isEqualTo("complaint");
        }
        assertThat(knowledgeCalls.get()).isZero();
    }

    @Test
    void aDemandTakenForAGoodbyeIsAComplaintAndMashedKeysAreNotUnderstood() {
        intents.put("WHAT ARE YOU GOING TO DO ABOUT IT", "goodbye");
        moods.put("WHAT ARE YOU GOING TO DO ABOUT IT", mood(-0.5, 0.45, "declining", "suggest"));
        intents.put("asdfghjkl", "goodbye");
        intents.put("...", "feedback");

        ChatOutboundMessage demand = say("c-demand", "WHAT ARE YOU GOING TO DO ABOUT IT");
        assertThat(demand.content()).doesNotContain("Goodbye").contains("connect you with a person");
        assertThat(demand.intent()).isEqualTo("complaint");
        assertThat(say("c-keys", "asdfghjkl").content()).startsWith("Sorry, I didn't catch that.");
        assertThat(say("c-keys", "...").content()).startsWith("Sorry, I didn't catch that.");
    }

    @Test
    void anUltimatumBelowTheFrustrationThresholdStillBringsInAPerson() {
        moods.put("this is the third time, fix it or I cancel", mood(-0.6, 0.75, "stable", "suggest"));

        ChatOutboundMessage reply = say("c-ultimatum", "this is the third time, fix it or I cancel");

        assertThat(reply.escalated()).isTrue();
        assertThat(published.handoffs).singleElement()
                .satisfies(handoff -> assertThat(handoff.reasons()).containsExactly(HandoffReasons.HIGH_FRUSTRATION));
    }

    @Test
    void aFollowUpIsAnsweredWithThePassageOnWhatItAdds() {
        intents.put("does it integrate with Slack?", "integration_question");
        intents.put("and jira?", "greeting");
        knows("does it integrate with Slack?", "doc-slack", "Slack", "", "Connect Slack from Settings > Apps.", 0.9);
        KnowledgeSearch.Passage slack = new KnowledgeSearch.Passage("doc-slack", "Slack", "", "Connect Slack",
                "Connect Slack from Settings > Apps.", 0.8);
        KnowledgeSearch.Passage jira = new KnowledgeSearch.Passage("doc-jira", "Jira", "", "Link Jira",
                "Link Jira issues to tasks from Settings > Apps.", 0.78);
        knowledge.put("does it integrate with Slack? and jira?", new KnowledgeSearch.Result(true, List.of(slack, jira)));

        say("c-follow", "does it integrate with Slack?");
        ChatOutboundMessage reply = say("c-follow", "and jira?");

        assertThat(reply.content()).startsWith("Link Jira issues to tasks");
        assertThat(reply.citations()).extracting("documentId").containsExactly("doc-jira");
        assertThat(reply.intent()).isEqualTo("integration_question");
    }

    @Test
    void aQuestionAboutItThatNamesNothingElseIsAskedAboutTheQuestionBefore() {
        intents.put("can I get a refund?", "refund_request");
        intents.put("how long will it take?", "out_of_scope");
        knows("can I get a refund?", "doc-refund", "Refunds", "", "Annual plans are refunded within 30 days.", 0.9);
        knows("can I get a refund? how long will it take?", "doc-refund-time", "Refund times", "",
                "Refunds reach your card within 5 to 10 business days.", 0.8);

        say("c-it", "can I get a refund?");
        ChatOutboundMessage reply = say("c-it", "how long will it take?");

        assertThat(reply.content()).startsWith("Refunds reach your card within 5 to 10 business days.")
                .doesNotContain("outside what I can help with");
        assertThat(reply.intent()).isEqualTo("refund_request");
    }

    @Test
    void aFollowUpIsNotAnsweredWithAPassageTheKnowledgeBaseIsUnsureOfJustBecauseItHasTheWord() {
        intents.put("how do I export my projects to csv?", "question");
        intents.put("and attachments?", "greeting");
        knows("how do I export my projects to csv?", "doc-export", "Export", "", "Admins export from Settings > Data"
                + " > Export; files come as a separate ZIP.", 0.85);
        knowledge.put("how do I export my projects to csv? and attachments?", new KnowledgeSearch.Result(true, List.of(
                new KnowledgeSearch.Passage("doc-export", "Export", "", "Admins…", "Admins export from Settings > "
                        + "Data > Export; files come as a separate ZIP.", 0.815),
                new KnowledgeSearch.Passage("doc-import", "Import", "", "Importers…", "Importers bring tasks, comments "
                        + "and attachments over.", 0.445))));

        say("c-attach", "how do I export my projects to csv?");
        ChatOutboundMessage reply = say("c-attach", "and attachments?");

        assertThat(reply.citations()).extracting("documentId").containsExactly("doc-export");
    }

    @Test
    void aFollowUpNamingAnotherPlanIsTheEarlierQuestionAboutThatPlanAnsweredByTheSameEntry() {
        intents.put("how much storage do we get on Team?", "plan_upgrade");
        intents.put("and on Business?", "greeting");
        intents.put("and on Enterprise?", "greeting");
        KnowledgeSearch.Passage storage = new KnowledgeSearch.Passage("doc-storage", "Storage", "", "Storage…",
                "100 GB per paid member on Team and Business.", 0.74);
        KnowledgeSearch.Passage upload = new KnowledgeSearch.Passage("doc-upload", "Uploads", "", "A file…",
                "A file can be 5 GB on Business and Enterprise.", 0.75);
        knows("how much storage do we get on Team?", "doc-storage", "Storage", "", storage.text(), 0.79);
        // the restated question finds the upload limit first, which names Business too
        knowledge.put("how much storage do we get on Business?",
                new KnowledgeSearch.Result(true, List.of(upload, storage)));
        knowledge.put("how much storage do we get on Enterprise?",
                new KnowledgeSearch.Result(true, List.of(upload, storage)));

        say("c-storage", "how much storage do we get on Team?");
        ChatOutboundMessage business = say("c-storage", "and on Business?");
        ChatOutboundMessage enterprise = say("c-storage", "and on Enterprise?");

        assertThat(business.citations()).as("the entry that answered for Team names Business")
                .extracting("documentId").containsExactly("doc-storage");
        assertThat(business.content()).startsWith("100 GB per paid member");
        assertThat(published.turns).filteredOn(t -> t.conversationId().equals("c-storage")).element(1)
                .satisfies(t -> assertThat(t.toolCalls()).singleElement()
                        .satisfies(call -> assertThat(call.arguments())
                                .containsEntry("query", "how much storage do we get on Business?")));
        assertThat(enterprise.citations()).as("it does not name Enterprise: the top entry answers")
                .extracting("documentId").containsExactly("doc-upload");
    }

    @Test
    void aMessageAskingSeveralThingsIsAnsweredOneByOne() {
        String message = "We're on Team and thinking about upgrading. Is prorating applied when we upgrade mid-cycle? "
                + "And is SOC 2 covered on Business?\nAlso, do you have a printed manual?";
        knows("Is prorating applied when we upgrade mid-cycle?", "doc-pro", "Proration", "",
                "Upgrades are prorated to the day.", 0.9);
        knows("Is SOC 2 covered on Business?", "doc-soc", "Certifications", "Security > Certifications",
                "Pennant is SOC 2 Type II certified on every plan.", 0.62);

        ChatOutboundMessage reply = say("c-many", message);

        assertThat(reply.content()).isEqualTo("You asked a few things, so here they are one by one:\n\n"
                + "1. \"Is prorating applied when we upgrade mid-cycle?\"\nUpgrades are prorated to the day.\n"
                + "(From our help center: Proration)\n\n"
                + "2. \"Is SOC 2 covered on Business?\"\nI'm not sure it covers this, but the closest I found is "
                + "\"Security > Certifications\": Pennant is SOC 2 Type II certified on every plan.\n\n"
                + "3. \"Do you have a printed manual?\"\nI couldn't find a reliable answer to this in our help "
                + "center.\n\nFor what I couldn't answer, I can open a ticket so a person follows up (just say yes), "
                + "or connect you with someone now.");
        assertThat(reply.citations()).extracting("documentId").containsExactly("doc-pro", "doc-soc");
        assertThat(lastTools()).extracting(ToolCall::outcome).containsExactly("doc-pro", "doc-soc", "no_answer");

        assertThat(say("c-many", "yes").content()).startsWith("Done: I've opened ticket")
                .contains("Do you have a printed manual?");
    }

    @Test
    void severalQuestionsNoneOfWhichIsKnownGetTheSingleMiss() {
        String message = "Do you sell printed manuals? Can I pay with seashells?";

        assertThat(say("c-none", message).content()).startsWith("I couldn't find a reliable answer to that");
    }

    @Test
    void aBareYesWhenNothingWasAskedIsNotTakenForAGreeting() {
        intents.put("hello", "greeting");
        intents.put("yes", "greeting");
        say("c-yes", "hello");

        assertThat(say("c-yes", "yes").content()).isEqualTo("Okay. What would you like me to help with?");
        assertThat(say("c-yes", "hello").content()).isEqualTo("Hello again! What can I do for you?");
    }

    @Test
    void aGreetingWithoutMemoryIsTheNewcomersOne() {
        intents.put("hi there", "greeting");
        memoryDown.set(true);

        assertThat(say("c-down", "hi there").content()).startsWith("Hello! I'm the support assistant.");

        memoryDown.set(false);
        memories.put("u1", new CustomerMemory.Recollection(null, List.of("TKT-1: a", "TKT-2: b"), true));
        assertThat(say("c-two", "hi there").content()).startsWith("Welcome back! You have 2 open tickets: TKT-1: a; TKT-2: b.");
        assertThat(say("c-new", "v-9", "visitor", "hi there").content()).startsWith("Hello! I'm the support assistant.");
        assertThat(recalled).containsExactly("u1", "u1");
    }
}
