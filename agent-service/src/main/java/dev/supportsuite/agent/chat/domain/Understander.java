package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.intent.domain.Classification;
import dev.supportsuite.agent.intent.domain.Entity;
import dev.supportsuite.agent.intent.domain.IntentScore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The first step of a turn: intent and entities from the classifier and mood from sentiment-service,
 * asked at the same time. Neither failing stops the turn: without sentiment the mood is neutral and
 * flagged unmeasured; without the classifier a few whole-word patterns keep the safety routes (an
 * ask for a person) and everything else is treated as a question.
 */
public final class Understander {

    private static final Logger log = LoggerFactory.getLogger(Understander.class);

    private static final Pattern ASKS_FOR_PERSON = Pattern.compile(
            "\\b(human|person|real agent|someone real|representative|operator|talk to (a|an|some) ?one)\\b");
    private static final Pattern GREETING = Pattern.compile(
            "^\\s*(hi|hello|hey|good (morning|afternoon|evening))\\b[\\s!.,]*$");

    /** Probability that the knowledge-question intents together need to make a rejected message a question. */
    static final double QUESTION_MASS = 0.6;

    /** Greetings, thanks and okays in front of what the customer wants ("hi, how do I ...", "thanks! and can I ..."). */
    private static final Pattern COURTESY = Pattern.compile(
            "^\\s*(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|thanks|thank you|thx|ok|okay|great|cool"
                    + "|perfect|bye|goodbye)(?: there| so much| again| a lot)?[\\s!.,;:\\-]+)+(?:(?:and|also|one more "
                    + "thing)[\\s,:]+)?",
            Pattern.CASE_INSENSITIVE);
    /** Small talk a greeting answers ("how are you doing today?"). */
    /** A question by its first word; "can't thank you enough" opens with "can" and is no question. */
    private static final Pattern WH_QUESTION = Pattern.compile("(?:what|how|why|when|where|which|who)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SMALL_TALK = Pattern.compile(
            "^(?:how are (?:you|u)|how's it going|how is it going|how do you do|what's up|whats up|who are you"
                    + "|are you (?:a |an )?(?:bot|robot|human|real|there|ai)|is (?:any|some)(?:one|body) there)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Function<String, Mono<Classification>> classifier;
    private final Function<String, List<Entity>> entities;
    private final SentimentAnalysis sentiment;
    private final Duration classifierTimeout;

    public Understander(Function<String, Mono<Classification>> classifier, Function<String, List<Entity>> entities,
            SentimentAnalysis sentiment, Duration classifierTimeout) {
        this.classifier = classifier;
        this.entities = entities;
        this.sentiment = sentiment;
        this.classifierTimeout = classifierTimeout;
    }

    public Mono<Understanding> understand(String text, List<String> history) {
        Mono<Mood> mood = Mono.defer(() -> sentiment.analyze(text, history))
                .onErrorResume(e -> {
                    log.warn("Sentiment unavailable, treating the message as neutral: {}", e.toString());
                    return Mono.just(Mood.unmeasured());
                })
                .defaultIfEmpty(Mood.unmeasured());
        String request = request(text);
        if (Phrases.unreadable(request)) {
            // "...", "asdfghjkl", emoji only: nothing for the classifier to read, whatever intent it would force
            return mood.map(read -> new Understanding("out_of_scope", 1.0, true, entities.apply(text), read, false));
        }
        Mono<Classification> intent = Mono.defer(() -> classifier.apply(request)).timeout(classifierTimeout);
        return Mono.zip(intent.map(java.util.Optional::of).onErrorResume(e -> {
                    log.warn("Classifier unavailable, using fallback patterns: {}", e.toString());
                    return Mono.just(java.util.Optional.empty());
                }), mood)
                .map(both -> both.getT1()
                        .map(c -> understood(c, request, both.getT2()))
                        .orElseGet(() -> fallback(text, both.getT2())));
    }

    /**
     * What the customer wants, for the classifier: a greeting or thanks in front of a question or request
     * is left out ("hi, what are your opening hours?" is classified as "what are your opening hours?").
     */
    static String request(String text) {
        java.util.regex.Matcher courtesy = COURTESY.matcher(text);
        if (courtesy.lookingAt() && courtesy.end() > 0) {
            String rest = text.substring(courtesy.end()).strip();
            if (Phrases.words(rest) >= 3 && Phrases.opensAQuestion(rest)) {
                return rest;
            }
        }
        return text;
    }

    /**
     * The classifier's answer, with corrections that send a question to the knowledge base, whose own
     * calibrated confidence then decides whether it can be answered:
     * <ul>
     * <li>a message rejected only because its probability is split between several intents that are all
     * questions for the knowledge base ("how do I export my data?" between {@code request} and
     * {@code question}) is the leading one of them;</li>
     * <li>a question taken for a greeting ("are you open on Christmas Eve?") is a question, unless it is
     * small talk ("how are you doing today?");</li>
     * <li>a question or demand taken for thanks or a goodbye ("WHAT ARE YOU GOING TO DO ABOUT IT") is a
     * complaint when said in a negative mood, else a question.</li>
     * </ul>
     */
    private Understanding understood(Classification c, String request, Mood mood) {
        if (("feedback".equals(c.intent()) || "goodbye".equals(c.intent())) && !c.outOfScope()
                && (request.contains("?") || WH_QUESTION.matcher(request.strip()).lookingAt())) {
            boolean negative = mood.measured() && mood.polarity() < 0;
            return new Understanding(negative ? "complaint" : "question", c.confidence(), false, c.entities(), mood,
                    false);
        }
        if (c.outOfScope()) {
            double questionMass = c.alternatives().stream()
                    .filter(alternative -> !RoutingPolicy.OWN_ROUTE_INTENTS.contains(alternative.intent()))
                    .mapToDouble(IntentScore::confidence)
                    .sum();
            if (!c.alternatives().isEmpty() && questionMass >= QUESTION_MASS
                    && !RoutingPolicy.OWN_ROUTE_INTENTS.contains(c.alternatives().get(0).intent())) {
                return new Understanding(c.alternatives().get(0).intent(), questionMass, false, c.entities(), mood,
                        false);
            }
        } else if ("greeting".equals(c.intent()) && Phrases.asksSomething(request)
                && !SMALL_TALK.matcher(request.strip()).lookingAt()) {
            return new Understanding("question", c.confidence(), false, c.entities(), mood, false);
        }
        return new Understanding(c.intent(), c.confidence(), c.outOfScope(), c.entities(), mood, false);
    }

    private Understanding fallback(String text, Mood mood) {
        String lower = text.toLowerCase(Locale.ROOT);
        String intent = ASKS_FOR_PERSON.matcher(lower).find() ? "talk_to_human"
                : GREETING.matcher(lower).find() ? "greeting" : "question";
        return new Understanding(intent, 0.0, false, entities.apply(text), mood, true);
    }
}
