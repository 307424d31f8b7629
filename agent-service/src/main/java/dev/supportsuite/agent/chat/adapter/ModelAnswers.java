package dev.supportsuite.agent.chat.adapter;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.supportsuite.agent.chat.domain.CustomerMemory;
import dev.supportsuite.agent.chat.domain.GenerativeAnswers;
import dev.supportsuite.agent.chat.domain.KnowledgeSearch;
import dev.supportsuite.agent.chat.domain.Outcome;
import dev.supportsuite.agent.chat.domain.Route;
import dev.supportsuite.agent.chat.domain.SupportDesk;
import dev.supportsuite.agent.chat.domain.Turn;
import dev.supportsuite.contracts.chat.Citation;
import dev.supportsuite.contracts.conversation.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers with a streaming chat model through LangChain4j. The best knowledge passages go into the
 * system message, numbered, and the model is told to cite them as {@code [n]}; it may call read-only
 * tools (ticket status, the customer's tickets, the account, another knowledge search). Every tool runs
 * for the conversation's verified customer: arguments naming a user are ignored, so the model never
 * chooses whose data it reads. An answer to a knowledge question that cites no passage and used no tool
 * is refused as ungrounded, and the composer answers instead.
 */
public final class ModelAnswers implements GenerativeAnswers {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})]");
    private static final int PASSAGES = 3;

    private static final List<ToolSpecification> TOOLS = List.of(
            ToolSpecification.builder().name("get_ticket_status")
                    .description("Status, priority and subject of one of the customer's support tickets.")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("ticket_id", "The ticket id, for example TKT-01J9Z3...")
                            .required("ticket_id").build())
                    .build(),
            ToolSpecification.builder().name("get_user_tickets")
                    .description("The customer's most recent support tickets with their status.")
                    .parameters(JsonObjectSchema.builder().build())
                    .build(),
            ToolSpecification.builder().name("lookup_account")
                    .description("The customer's plan, subscription, usage against plan limits and latest invoice.")
                    .parameters(JsonObjectSchema.builder().build())
                    .build(),
            ToolSpecification.builder().name("search_faq")
                    .description("Searches the help center for passages answering a question.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("query", "The question to look up")
                            .required("query").build())
                    .build());

    private final StreamingChatModel model;
    private final KnowledgeSearch knowledge;
    private final SupportDesk desk;
    private final JsonMapper json;
    private final int maxToolRounds;
    private final String product;
    private CustomerMemory memory;

    /**
     * @param product the product supported, as the instructions introduce it ("Pennant, a project management
     *                product")
     */
    public ModelAnswers(StreamingChatModel model, KnowledgeSearch knowledge, SupportDesk desk, JsonMapper json,
            int maxToolRounds, String product) {
        this.product = product;
        this.model = model;
        this.knowledge = knowledge;
        this.desk = desk;
        this.json = json;
        this.maxToolRounds = maxToolRounds;
    }

    /**
     * Lets the model know a verified customer from earlier conversations (name, open tickets, the note on
     * the last conversation), asked at the same time as the knowledge base; without it, or when memory
     * fails, the prompt simply has no such part.
     */
    public ModelAnswers withMemory(CustomerMemory recall) {
        this.memory = recall;
        return this;
    }

    @Override
    public Mono<Outcome> answer(Turn turn, Route route, Consumer<String> drafts) {
        Mono<CustomerMemory.Recollection> recollection = memory == null
                ? Mono.just(CustomerMemory.Recollection.NONE) : memory.recallFor(turn);
        Mono<KnowledgeSearch.Result> search = knowledge.search(turn.question())
                .onErrorResume(e -> Mono.just(new KnowledgeSearch.Result(false, List.of())));
        return Mono.zip(search, recollection)
                .flatMap(both -> {
                    KnowledgeSearch.Result found = both.getT1();
                    List<KnowledgeSearch.Passage> passages = found.passages().stream().limit(PASSAGES).toList();
                    List<ChatMessage> messages = new ArrayList<>();
                    messages.add(SystemMessage.from(instructions(turn, passages, both.getT2())));
                    messages.add(UserMessage.from(turn.text()));
                    List<ToolCall> calls = new ArrayList<>();
                    return converse(turn, messages, calls, drafts, 0)
                            .map(text -> outcome(turn, route, text, passages, calls));
                });
    }

    private Mono<String> converse(Turn turn, List<ChatMessage> messages, List<ToolCall> calls,
            Consumer<String> drafts, int round) {
        ChatRequest request = ChatRequest.builder().messages(messages)
                .toolSpecifications(round < maxToolRounds ? TOOLS : List.of()).build();
        return stream(request, drafts).flatMap(response -> {
            AiMessage reply = response.aiMessage();
            if (!reply.hasToolExecutionRequests()) {
                String text = reply.text();
                return text == null || text.isBlank() ? Mono.error(new IllegalStateException("empty model answer"))
                        : Mono.just(text.strip());
            }
            List<ChatMessage> next = new ArrayList<>(messages);
            next.add(reply);
            return Flux.fromIterable(reply.toolExecutionRequests())
                    .concatMap(call -> execute(turn, call).map(result -> {
                        calls.add(new ToolCall(call.name(), arguments(call), outcomeOf(result)));
                        return ToolExecutionResultMessage.from(call, result);
                    }))
                    .collectList()
                    .flatMap(results -> {
                        next.addAll(results);
                        return converse(turn, next, calls, drafts, round + 1);
                    });
        });
    }

    private Mono<ChatResponse> stream(ChatRequest request, Consumer<String> drafts) {
        return Mono.create(sink -> model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                drafts.accept(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                sink.success(response);
            }

            @Override
            public void onError(Throwable error) {
                sink.error(error);
            }
        }));
    }

    /** Runs one tool for the verified customer; the model's arguments choose only the ticket or the query. */
    private Mono<String> execute(Turn turn, ToolExecutionRequest call) {
        SupportDesk.Caller caller = turn.caller();
        JsonNode arguments = parse(call.arguments());
        boolean verified = turn.verified();
        return switch (call.name()) {
            case "get_ticket_status" -> !verified ? Mono.just(SIGN_IN)
                    : desk.ticket(caller, arguments.path("ticket_id").asString(""))
                            .map(ticket -> json.writeValueAsString(ticket))
                            .defaultIfEmpty("{\"error\":\"no such ticket on this customer's account\"}");
            case "get_user_tickets" -> !verified ? Mono.just(SIGN_IN)
                    : desk.tickets(caller, 5).map(json::writeValueAsString);
            case "lookup_account" -> !verified ? Mono.just(SIGN_IN)
                    : desk.account(caller).map(json::writeValueAsString)
                            .defaultIfEmpty("{\"error\":\"no account found\"}");
            case "search_faq" -> knowledge.search(arguments.path("query").asString(turn.text()))
                    .map(result -> result.answerable() && !result.passages().isEmpty()
                            ? json.writeValueAsString(result.passages().get(0))
                            : "{\"error\":\"the help center has no reliable answer\"}");
            default -> Mono.just("{\"error\":\"unknown tool " + call.name() + "\"}");
        };
    }

    private static final String SIGN_IN = "{\"error\":\"the customer is not signed in; ask them to sign in first\"}";

    private Outcome outcome(Turn turn, Route route, String text, List<KnowledgeSearch.Passage> passages,
            List<ToolCall> calls) {
        List<Citation> cited = new ArrayList<>();
        Matcher matcher = CITATION.matcher(text);
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1)) - 1;
            if (index >= 0 && index < passages.size()) {
                KnowledgeSearch.Passage passage = passages.get(index);
                Citation citation = new Citation(passage.documentId(), passage.title(), passage.sectionPath());
                if (!cited.contains(citation)) {
                    cited.add(citation);
                }
            }
        }
        if (route == Route.KNOWLEDGE && cited.isEmpty() && calls.isEmpty()) {
            throw new Ungrounded();
        }
        Outcome outcome = Outcome.say(route.wire(), text, turn.state().withPending(null).withUnanswered(0))
                .citing(cited);
        for (ToolCall call : calls) {
            outcome = outcome.tool(call.name(), call.arguments(), call.outcome());
        }
        return outcome;
    }

    private String instructions(Turn turn, List<KnowledgeSearch.Passage> passages,
            CustomerMemory.Recollection known) {
        StringBuilder prompt = new StringBuilder("You are the customer support assistant of " + product + ".\n");
        prompt.append("""
                Answer the customer briefly and kindly, in their language. Rules:
                - State facts about the product, plans, billing or policies only from the numbered help center
                  passages below or from tool results, and cite each passage you use as [n].
                - If neither the passages nor the tools answer the question, say you don't know and offer to open
                  a ticket or bring in a person. Never guess.
                - The tools always act for the signed-in customer of this chat; you cannot look up anyone else.
                - Never ask for passwords or card numbers.
                """);
        if (turn.understood().mood().measured() && turn.understood().mood().frustration() >= 0.4) {
            prompt.append("The customer is frustrated: acknowledge it in one short sentence first.\n");
        }
        if (known.name() != null || !known.openIssues().isEmpty() || known.earlier() != null) {
            prompt.append("\nWhat we know of this customer from earlier conversations (do not repeat it unasked):\n");
            if (known.name() != null) {
                prompt.append("- Name: ").append(known.name()).append('\n');
            }
            known.openIssues().forEach(issue -> prompt.append("- Open ticket: ").append(issue).append('\n'));
            if (known.earlier() != null) {
                prompt.append("- Last conversation: ").append(known.earlier().strip()).append('\n');
            }
        }
        if (!turn.state().recentMessages().isEmpty()) {
            prompt.append("\nEarlier messages from the customer, oldest first:\n");
            turn.state().recentMessages().forEach(message -> prompt.append("- ").append(message).append('\n'));
        }
        prompt.append("\nHelp center passages:\n");
        if (passages.isEmpty()) {
            prompt.append("(none found)\n");
        }
        for (int i = 0; i < passages.size(); i++) {
            KnowledgeSearch.Passage passage = passages.get(i);
            prompt.append('[').append(i + 1).append("] ").append(passage.title()).append(": ")
                    .append(passage.text().strip()).append('\n');
        }
        return prompt.toString();
    }

    private JsonNode parse(String arguments) {
        try {
            return json.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    private Map<String, String> arguments(ToolExecutionRequest call) {
        Map<String, String> values = new LinkedHashMap<>();
        parse(call.arguments()).properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return values;
    }

    private static String outcomeOf(String result) {
        return result.startsWith("{\"error\"") ? "refused" : "ok";
    }
}
