package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Pending;
import dev.supportsuite.contracts.chat.Citation;
import dev.supportsuite.contracts.handoff.HandoffReasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers a question only from the knowledge base, citing the entry it used. A passage the knowledge base is
 * sure of ({@code sureConfidence} or more) is given as the answer; one it finds answerable but is less sure
 * of is offered as the closest entry, named first, so the customer can tell whether it is what they asked.
 * A passage that never mentions a name the question asks about ("Salesforce") is not sure either.
 * A passage that opens with "yes" or "no" is always introduced by the entry it answers: a yes to "can I use
 * Pennant inside Teams?" must not read as a yes to the customer's own question. When the knowledge base is
 * not confident it says so and offers a ticket or a person instead of guessing; after
 * {@code unansweredHandoff} misses in a row a person takes over. When the knowledge base is down the
 * customer is told so, with the same offer, and the reply is marked degraded.
 */
public final class KnowledgeAnswers {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeAnswers.class);

    /** The longest passage quoted in a reply; a longer one is cut after its last whole sentence that fits. */
    static final int MAX_QUOTE_CHARS = 1200;
    /** How much of a problem told over several messages the ticket on offer keeps (a ticket takes 10,000). */
    private static final int MAX_TOLD_CHARS = 4000;
    /** The slot of an offer of help naming the entry the agent said it would not repeat. */
    private static final String SHOWN_AGAIN = "shown_again";
    /** The most names a reply says the closest entry does not mention; with more, it just hedges. */
    private static final int MAX_NAMED_MISSING = 2;
    /** The most questions of one message answered one by one. */
    static final int MAX_QUESTIONS = 4;

    private final KnowledgeSearch knowledge;
    private final Handoffs handoffs;
    private final int unansweredHandoff;
    private final double sureConfidence;
    private final Set<String> productTerms;
    private final Set<String> plans;
    /** The product's own name, which picks out no sentence of its help center ("and with Pennant?"). */
    private final Set<String> nameWords;
    private final PriceQuotes quotes;

    /**
     * @param productTerms the product's own words a question may use without a passage repeating them (its
     *                     name and its plans' names), lower case
     * @param plans        the plans' names, lower case: "and on Business?" asks again about another plan
     */
    public KnowledgeAnswers(KnowledgeSearch knowledge, Handoffs handoffs, int unansweredHandoff,
            double sureConfidence, Set<String> productTerms, Set<String> plans) {
        this.knowledge = knowledge;
        this.handoffs = handoffs;
        this.unansweredHandoff = unansweredHandoff;
        this.sureConfidence = sureConfidence;
        this.productTerms = Set.copyOf(productTerms);
        this.plans = Set.copyOf(plans);
        this.nameWords = productTerms.stream().filter(term -> !plans.contains(term))
                .collect(Collectors.toUnmodifiableSet());
        this.quotes = new PriceQuotes(knowledge);
    }

    /**
     * A price worked out for the number of people the customer names ("how much would it cost for 12 people?"),
     * from the help center's price list; empty when they name none or the price list cannot be read.
     */
    public Mono<Outcome> quotePrice(Turn turn) {
        return quotes.quote(turn);
    }

    public Mono<Outcome> answer(Turn turn, String opening) {
        List<String> questions = Phrases.questionsIn(turn.text());
        if (questions.size() > 1) {
            return answerEach(turn, opening, questions.subList(0, Math.min(MAX_QUESTIONS, questions.size())));
        }
        return answerOne(turn, opening);
    }

    private Mono<Outcome> answerOne(Turn turn, String opening) {
        Lookup lookup = lookupFor(turn);
        String question = lookup.question();
        return knowledge.search(question)
                .map(result -> result.answerable() && !result.passages().isEmpty()
                        ? found(turn, lookup, opening, lookup.best(result.passages()))
                        : missed(turn, question, opening))
                .onErrorResume(e -> {
                    searchFailed(turn, e);
                    ConversationState next = turn.state()
                            .withPending(Pending.offerHelp(question));
                    return Mono.just(Outcome.say(Route.KNOWLEDGE.wire(), opening + "I can't reach our help center "
                                    + "right now, so I can't look that up, and I'd rather not guess. I can open a "
                                    + "ticket so a person follows up, or connect you with someone now. Just say which.",
                                    next)
                            .tool("search_faq", Map.of("query", question), "unavailable")
                            .markedDegraded());
                });
    }

    /**
     * A message that asks several things ("Is prorating applied when we upgrade? Is SOC 2 covered on Business?")
     * gets each looked up and answered in turn, instead of the one passage closest to all of them together.
     * Questions the knowledge base has no answer for are said to be so, with the offer of a ticket for them; when
     * none is answered, or the knowledge base cannot be reached, the reply is the one for a single question.
     */
    private Mono<Outcome> answerEach(Turn turn, String opening, List<String> questions) {
        return Flux.fromIterable(questions)
                .concatMap(question -> knowledge.search(question)
                        .map(Optional::of)
                        .onErrorResume(e -> {
                            searchFailed(turn, e);
                            return Mono.just(Optional.empty());
                        }))
                .collectList()
                .flatMap(results -> {
                    boolean anyAnswered = results.stream().anyMatch(result -> result.isPresent()
                            && result.get().answerable() && !result.get().passages().isEmpty());
                    if (!anyAnswered) {
                        return answerOne(turn, opening);
                    }
                    return Mono.just(eachAnswered(turn, opening, questions, results));
                });
    }

    private Outcome eachAnswered(Turn turn, String opening, List<String> questions,
            List<Optional<KnowledgeSearch.Result>> results) {
        StringBuilder text = new StringBuilder(opening).append("You asked a few things, so here they are one by one:");
        List<Citation> cited = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String question = questions.get(i);
            text.append("\n\n").append(i + 1).append(". \"").append(question).append("\"\n");
            KnowledgeSearch.Result result = results.get(i).orElse(null);
            if (result == null || !result.answerable() || result.passages().isEmpty()) {
                text.append(result == null ? "I can't reach our help center for this one right now."
                        : "I couldn't find a reliable answer to this in our help center.");
                unanswered.add(question);
                found.add(result == null ? "unavailable" : "no_answer");
                continue;
            }
            KnowledgeSearch.Passage best = result.passages().get(0);
            String source = sourceOf(best);
            boolean sure = best.confidence() >= sureConfidence && unmentioned(question, best).isEmpty();
            text.append(sure ? quote(best.text()) + "\n(From our help center: " + source + ")"
                    : "I'm not sure it covers this, but the closest I found is \"" + source + "\": "
                            + quote(best.text()));
            Citation citation = new Citation(best.documentId(), best.title(), best.sectionPath());
            if (!cited.contains(citation)) {
                cited.add(citation);
            }
            found.add(best.documentId());
        }
        ConversationState next = turn.state().withUnanswered(0);
        if (!unanswered.isEmpty()) {
            text.append("\n\nFor what I couldn't answer, I can open a ticket so a person follows up (just say yes), "
                    + "or connect you with someone now.");
            next = next.withPending(Pending.offerHelp(String.join("\n", unanswered)));
        }
        Outcome outcome = Outcome.say(Route.KNOWLEDGE.wire(), text.toString(), next).citing(cited);
        for (int i = 0; i < questions.size(); i++) {
            outcome = outcome.tool("search_faq", Map.of("query", questions.get(i)), found.get(i));
        }
        return results.stream().anyMatch(Optional::isEmpty) ? outcome.markedDegraded() : outcome;
    }

    /**
     * What a question asks about that a passage never mentions: the names in it ("Salesforce") and the thing it asks
     * the product has ("time tracking"). A passage that leaves either out answers another question.
     */
    private List<String> unmentioned(String question, KnowledgeSearch.Passage passage) {
        String text = passage.title() + " " + passage.text();
        List<String> missing = new ArrayList<>(Phrases.namesMissingFrom(question, text, productTerms));
        Phrases.askedThingMissingFrom(question, text, productTerms).ifPresent(missing::add);
        return missing;
    }

    /** How a reply names the entry a passage comes from: its section path, else its title. */
    static String sourceOf(KnowledgeSearch.Passage passage) {
        return passage.sectionPath() == null || passage.sectionPath().isBlank() ? passage.title()
                : passage.sectionPath();
    }

    /**
     * The answer when the knowledge base is confident of one; empty when it is not, or cannot be reached,
     * for a message that has another reply to fall back on.
     */
    public Mono<Outcome> answerIfFound(Turn turn) {
        return answerIf(turn, result -> true);
    }

    /**
     * An answer to a message the classifier was sure is off-topic, given only when the help center read one of its
     * words as a misspelling and is sure of the corrected question ("delte acount" searched as "delete account"):
     * the classifier never saw the words the customer meant. Empty otherwise, and the customer is told what the
     * agent can help with; a passage found for the message as written does not overrule a sure classifier.
     */
    public Mono<Outcome> answerIfMisspelled(Turn turn) {
        return answerIf(turn, result -> result.correctedQuery() != null
                && result.passages().get(0).confidence() >= sureConfidence);
    }

    /**
     * The answer when the knowledge base finds the question answerable and {@code accepted} holds for its result;
     * empty otherwise, or when it cannot be reached, for a message that has another reply to fall back on.
     */
    private Mono<Outcome> answerIf(Turn turn, Predicate<KnowledgeSearch.Result> accepted) {
        Lookup lookup = lookupFor(turn);
        return knowledge.search(lookup.question())
                .filter(result -> result.answerable() && !result.passages().isEmpty() && accepted.test(result))
                .map(result -> found(turn, lookup, "", lookup.best(result.passages())))
                .onErrorResume(e -> {
                    searchFailed(turn, e);
                    return Mono.empty();
                });
    }

    /**
     * What to search for a message: the help center's plan overview for a question comparing plans, asking which to
     * take or what one includes; the message itself; for a follow-up that only names something new ("and on
     * Business?"), the earlier question restated about it; for any other follow-up, the earlier question and the
     * follow-up together.
     */
    private Lookup lookupFor(Turn turn) {
        if (Phrases.comparesPlans(turn.text(), plans) || Phrases.asksWhatAPlanIncludes(turn.text(), plans)) {
            // "what's the difference between team and business?" reads as the workspace's teams to the search; the
            // help center's plan overview answers it
            return new Lookup(PriceQuotes.PRICE_LIST_QUERY, null);
        }
        if (!turn.followsUp()) {
            return new Lookup(turn.question(), null);
        }
        String asked = Phrases.withoutCourtesies(turn.text()).strip();
        List<String> added = Phrases.contentWords(turn.text());
        return FollowUpQuestions.restated(turn.topic(), asked, plans, productTerms)
                .map(restated -> new Lookup(restated.question(),
                        passage -> passage.documentId().equals(turn.state().lastAnswerId())
                                && restated.namedIn(passage.title() + " " + passage.text())))
                .orElseGet(() -> new Lookup(turn.question(), passage -> passage.confidence() >= sureConfidence
                        && added.stream().allMatch((passage.title() + " " + passage.text()).toLowerCase(Locale.ROOT)
                                ::contains)));
    }

    /**
     * What a message is searched as, and which passage answers it.
     *
     * @param question the text searched
     * @param preferred for a follow-up, the passage that answers it ahead of the top one, when one is found; null
     *                  otherwise. For a restated follow-up, the entry that answered the earlier question when it names
     *                  what the follow-up names (an entry that gave the storage on Team and names Business gives it on
     *                  Business too); for one searched together with the question before ("and with GitHub?" after a
     *                  question about Slack), a passage the knowledge base is sure of with every word the follow-up
     *                  adds, not the one about the earlier question (one it is unsure of is no better than the top:
     *                  "and attachments?" after a question about exports is not answered with the import entry)
     */
    private record Lookup(String question, Predicate<KnowledgeSearch.Passage> preferred) {

        KnowledgeSearch.Passage best(List<KnowledgeSearch.Passage> passages) {
            return preferred == null ? passages.get(0)
                    : passages.stream().filter(preferred).findFirst().orElse(passages.get(0));
        }
    }

    private static void searchFailed(Turn turn, Throwable e) {
        log.warn("Knowledge search failed conversationId={}: {}", turn.state().conversationId(), e.toString());
    }

    private Outcome found(Turn turn, Lookup lookup, String opening, KnowledgeSearch.Passage best) {
        String source = sourceOf(best);
        String passage = quote(best.text());
        String content;
        ConversationState next = turn.state().withUnanswered(0).withLastAnswer(best.documentId());
        List<String> missing = unmentioned(turn.text(), best);
        boolean sure = best.confidence() >= sureConfidence && missing.isEmpty();
        boolean problem = turn.understood().is("technical_issue");
        // More about a problem the entry just shown did not solve, or another try at a question it answered only
        // loosely: showing it again would not help either
        boolean again = best.documentId().equals(turn.state().lastAnswerId()) && (problem && turn.followsUp() || !sure);
        // Said already that the entry is all there is: the customer is still telling the problem, so what they add
        // goes into the ticket on offer instead of the same reply word for word
        String toldBefore = again ? offeredAgain(turn.passedOver(), best.documentId()) : null;
        // "and for annual plans?" after the refund entry finds that entry again: what it says of annual plans is
        // the answer, not the whole entry a second time
        String partOf = !again && sure && !problem && turn.followsUp()
                && best.documentId().equals(turn.state().lastAnswerId())
                ? Phrases.sentencesAbout(best.text(), turn.text(), nameWords).orElse(null) : null;
        if (partOf != null) {
            content = opening + "From the entry I showed you, \"" + source + "\":\n\n" + partOf
                    + "\n\n(From our help center: " + source + ")";
        } else if (toldBefore != null) {
            content = opening + "Thanks, I've noted that. Our help center has nothing more on this, so it needs our "
                    + "team: I can open a ticket with everything you've told me (just say yes), or connect you with "
                    + "someone now.";
        } else if (again) {
            content = opening + (problem ? "The entry I showed you, \"" + source + "\", is all our help center has "
                    + "on this, so I won't repeat it. I can open a ticket so our team looks into it (just say yes), or "
                    + "connect you with someone now."
                    : "The closest entry I have is still \"" + source + "\", which I showed you just now, so I won't "
                    + "repeat it; it may not cover this. I can open a ticket so a person follows up (just say yes), or "
                    + "connect you with someone now.");
        } else if (!sure && problem) {
            // A problem report: a loosely related article rarely fixes it, so a ticket is offered outright.
            content = opening + "This is the closest I found in our help center, \"" + source + "\", though it may "
                    + "not cover your problem:\n\n" + passage + "\n\nIf it doesn't help, I can open a ticket so our "
                    + "team looks into it (just say yes), or connect you with someone now.";
        } else if (!missing.isEmpty() && missing.size() <= MAX_NAMED_MISSING) {
            // Say what the entry does not cover before offering it: "Salesforce" is not GitHub
            content = opening + "The closest entry I found in our help center, \"" + source + "\", doesn't mention "
                    + String.join(" or ", missing) + ":\n\n" + passage + "\n\nIf that isn't it, tell me a little "
                    + "more, or ask for a person.";
        } else if (!sure) {
            content = opening + "I'm not sure this is what you're asking, but the closest I found in our help center "
                    + "is \"" + source + "\":\n\n" + passage + "\n\nIf that isn't it, tell me a little more, or ask "
                    + "for a person.";
        } else if (opensWithYesOrNo(passage)) {
            content = opening + "On \"" + source + "\", our help center says:\n\n" + passage;
        } else {
            content = opening + passage + "\n\n(From our help center: " + source + ")";
        }
        if (sure && problem && !again) {
            // Even the right article may not fix a fault: a ticket stays one word away.
            content = content + "\n\nIf that doesn't solve it, I can open a ticket so our team looks into it: just "
                    + "say yes.";
        }
        if (toldBefore != null) {
            next = next.withPending(shownAgain(Turn.together(toldBefore, turn.text()), best.documentId()));
        } else if (again) {
            // the ticket offered is for both messages: the second alone ("I already changed it") describes nothing
            List<String> earlier = turn.state().recentMessages();
            next = next.withPending(shownAgain(turn.followsUp() || earlier.isEmpty() ? lookup.question()
                    : Turn.together(earlier.get(earlier.size() - 1), lookup.question()), best.documentId()));
        } else if (problem) {
            next = next.withPending(Pending.offerHelp(lookup.question()));
        }
        return Outcome.say(Route.KNOWLEDGE.wire(), content, next)
                .citing(List.of(new Citation(best.documentId(), best.title(), best.sectionPath())))
                .tool("search_faq", Map.of("query", lookup.question()), best.documentId());
    }

    /** The offer of help made when the entry {@code documentId} came up again, remembering that it did. */
    private static Pending shownAgain(String question, String documentId) {
        String told = question.length() <= MAX_TOLD_CHARS ? question : question.substring(0, MAX_TOLD_CHARS);
        return Pending.offerHelp(told).with(SHOWN_AGAIN, documentId);
    }

    /**
     * What the customer has told so far, when the agent's last reply ({@code pending}, the offer it made) already said
     * the entry {@code documentId} is all there is; null otherwise.
     */
    private static String offeredAgain(Pending pending, String documentId) {
        return pending != null && Pending.OFFER_HELP.equals(pending.step())
                && documentId.equals(pending.slot(SHOWN_AGAIN)) ? pending.slot("question") : null;
    }

    private static boolean opensWithYesOrNo(String passage) {
        int end = 0;
        while (end < passage.length() && Character.isLetter(passage.charAt(end))) {
            end++;
        }
        String first = passage.substring(0, end);
        return first.equalsIgnoreCase("yes") || first.equalsIgnoreCase("no");
    }

    /** The passage as a reply quotes it: whole when it fits, else up to the last sentence end that fits. */
    static String quote(String text) {
        String passage = text.strip();
        if (passage.length() <= MAX_QUOTE_CHARS) {
            return passage;
        }
        int end = -1;
        for (int i = MAX_QUOTE_CHARS / 2; i < MAX_QUOTE_CHARS; i++) {
            char c = passage.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(passage.charAt(i + 1))) {
                end = i + 1;
            }
        }
        if (end > 0) {
            return passage.substring(0, end) + " …";
        }
        int space = passage.lastIndexOf(' ', MAX_QUOTE_CHARS);
        return passage.substring(0, space > 0 ? space : MAX_QUOTE_CHARS) + " …";
    }

    private Outcome missed(Turn turn, String question, String opening) {
        int misses = turn.state().unanswered() + 1;
        if (unansweredHandoff > 0 && misses >= unansweredHandoff) {
            Turn counted = turn.withState(turn.state().withUnanswered(misses));
            return handoffs.handOff(counted, List.of(HandoffReasons.NO_ANSWER))
                    .tool("search_faq", Map.of("query", question), "no_answer");
        }
        ConversationState next = turn.state().withUnanswered(misses).withLastAnswer(null)
                .withPending(Pending.offerHelp(question));
        return Outcome.say(Route.KNOWLEDGE.wire(), opening + "I couldn't find a reliable answer to that in our help "
                        + "center, and I'd rather not guess. I can open a ticket so a person follows up, or connect "
                        + "you with someone now. Just say which.", next)
                .tool("search_faq", Map.of("query", question), "no_answer");
    }
}
