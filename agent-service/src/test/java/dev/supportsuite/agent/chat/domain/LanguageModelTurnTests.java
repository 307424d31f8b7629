package dev.supportsuite.agent.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.supportsuite.agent.chat.adapter.ModelAnswers;
import dev.supportsuite.agent.intent.domain.Classification;
import dev.supportsuite.agent.intent.domain.EntityExtractor;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import dev.supportsuite.contracts.conversation.ToolCall;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The language-model path against a protocol-faithful OpenAI-compatible server (streamed chunks, tool
 * calls with arguments in pieces, HTTP errors) through LangChain4j's real OpenAI client: drafts reach
 * the customer as token events, tools run for the verified customer whatever the model asks, and a
 * failing or ungrounded model leaves the answer to the composer.
 */
class LanguageModelTurnTests {

    private static final KnowledgeSearch.Passage REFUNDS = new KnowledgeSearch.Passage("faq-billing-refund",
            "Can I get a refund?", "Billing > Refunds", "Annual plans are refunded pro rata…",
            "Annual plans are refunded pro rata within 30 days.", 0.9);

    private final FakeOpenAiServer openAi = new FakeOpenAiServer();
    private final InMemoryConversationStates states = new InMemoryConversationStates();
    private final InMemoryDesk desk = new InMemoryDesk();
    private final RecordingPublisher published = new RecordingPublisher();
    private final Map<String, String> intents = Map.of("what plan am I on?", "account_info",
            "can I get a refund?", "refund_request");
    private final Map<String, CustomerMemory.Recollection> memories = new HashMap<>();
    private final TurnService turns;

    LanguageModelTurnTests() throws Exception {
        Clock clock = Clock.systemUTC();
        EntityExtractor entities = new EntityExtractor(clock, List.of("pro"));
        Understander understander = new Understander(text -> Mono.just(new Classification(
                intents.getOrDefault(text, "question"), 0.9, false, List.of(), entities.extract(text), 1)),
                entities::extract, (text, history) -> Mono.just(Mood.unmeasured()), Duration.ofSeconds(1));
        KnowledgeSearch knowledge = question -> Mono.just(new KnowledgeSearch.Result(true, List.of(REFUNDS)));
        RoutingPolicy policy = new RoutingPolicy(new RoutingPolicy.Settings(0.8, 0.3, 3));
        Handoffs handoffs = new Handoffs();
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("test")
                .modelName("gpt-4o-mini").timeout(Duration.ofSeconds(5)).build();
        turns = new TurnService(states, understander, policy,
                new KnowledgeAnswers(knowledge, handoffs, 3, 0.7, java.util.Set.of("team", "business"),
                        java.util.Set.of("team", "business")),
                new TicketTools(desk, clock), new AccountLookup(desk), new DirectAnswers(), handoffs, published, clock)
                .withModel(new ModelAnswers(model, knowledge, desk, JsonMapper.builder().build(), 3,
                        "Acme Desk, a help desk product").withMemory((conversationId, caller) -> Mono.justOrEmpty(memories.get(caller.userId()))),
                        Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    private ChatOutboundMessage say(String text) {
        turns.handle(ChatInboundMessage.create("c-llm", "m-" + text.hashCode(), published.replies.size() + 1, "u1",
                "user", text, null, "websocket")).block(Duration.ofSeconds(10));
        return published.lastReply();
    }

    @Test
    void streamsTheDraftAndCitesThePassagesItUsed() {
        openAi.script(request -> FakeOpenAiServer.Reply.text("Yes: annual plans ", "are refunded pro rata ",
                "within 30 days [1]."));

        ChatOutboundMessage reply = say("can I get a refund?");

        assertThat(reply.content()).isEqualTo("Yes: annual plans are refunded pro rata within 30 days [1].");
        assertThat(reply.degraded()).isFalse();
        assertThat(reply.citations()).singleElement()
                .satisfies(citation -> assertThat(citation.documentId()).isEqualTo("faq-billing-refund"));
        assertThat(published.tokens).isNotEmpty()
                .allSatisfy(token -> assertThat(token.messageId()).isEqualTo(reply.messageId()));
        assertThat(published.tokens.stream().map(ChatTokenEvent::text).collect(Collectors.joining()))
                .isEqualTo(reply.content());
        String system = openAi.requests.get(0).path("messages").get(0).path("content").asString();
        assertThat(system).contains("[1] Can I get a refund?: Annual plans are refunded pro rata within 30 days.")
                .startsWith("You are the customer support assistant of Acme Desk, a help desk product.\n");
        assertThat(openAi.requests.get(0).path("stream").asBoolean()).isTrue();
    }

    @Test
    void theModelIsToldWhatIsRememberedOfTheCustomer() {
        memories.put("u1", new CustomerMemory.Recollection("Dana", List.of("TKT-7Q2: Export keeps failing"), true,
                "Customer issues: export fails. Tickets: TKT-7Q2."));
        openAi.script(request -> FakeOpenAiServer.Reply.text("Annual plans are refunded pro rata within 30 days [1]."));

        say("can I get a refund?");

        String system = openAi.requests.get(0).path("messages").get(0).path("content").asString();
        assertThat(system).contains("- Name: Dana").contains("- Open ticket: TKT-7Q2: Export keeps failing")
                .contains("- Last conversation: Customer issues: export fails. Tickets: TKT-7Q2.");
    }

    @Test
    void runsToolsForTheVerifiedCustomerEvenWhenTheModelNamesAnother() {
        openAi.script(request -> hasToolResult(request)
                ? FakeOpenAiServer.Reply.text("You are on the Pro plan, renewing on 1 December.")
                : FakeOpenAiServer.Reply.toolCall("lookup_account", "{\"user_", "id\": \"u-999\"}"));

        ChatOutboundMessage reply = say("what plan am I on?");

        assertThat(reply.content()).isEqualTo("You are on the Pro plan, renewing on 1 December.");
        assertThat(desk.accountCallers).containsExactly(new SupportDesk.Caller("u1", "user"));
        JsonNode second = openAi.requests.get(1);
        JsonNode toolResult = second.path("messages").get(second.path("messages").size() - 1);
        assertThat(toolResult.path("role").asString()).isEqualTo("tool");
        assertThat(toolResult.path("content").asString()).contains("Ada Lovelace").contains("Pro");
        List<ToolCall> calls = published.turns.get(0).toolCalls();
        assertThat(calls).extracting(ToolCall::name).containsExactly("lookup_account");
    }

    @Test
    void aFailingModelLeavesTheAnswerToTheComposerMarkedDegraded() {
        openAi.script(request -> FakeOpenAiServer.Reply.failure(500));

        ChatOutboundMessage reply = say("can I get a refund?");

        assertThat(reply.degraded()).isTrue();
        assertThat(reply.content()).startsWith("Annual plans are refunded pro rata within 30 days.");
        assertThat(reply.citations()).extracting(c -> c.documentId()).containsExactly("faq-billing-refund");
    }

    @Test
    void anAnswerThatCitesNothingIsNotPresentedAsFact() {
        openAi.script(request -> FakeOpenAiServer.Reply.text("Refunds are always available for 90 days."));

        ChatOutboundMessage reply = say("can I get a refund?");

        assertThat(reply.content()).doesNotContain("90 days").startsWith("Annual plans are refunded pro rata");
        assertThat(reply.degraded()).isFalse();
    }

    private static boolean hasToolResult(JsonNode request) {
        for (JsonNode message : request.path("messages")) {
            if ("tool".equals(message.path("role").asString())) {
                return true;
            }
        }
        return false;
    }
}
