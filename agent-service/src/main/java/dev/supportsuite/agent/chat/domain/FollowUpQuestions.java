package dev.supportsuite.agent.chat.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A follow-up that only names something new, restated as the question it stands for: after "how much storage do we
 * get on Team?", "and on Business?" asks "how much storage do we get on Business?"; after "do you integrate with
 * Slack?", "what about GitHub?" asks "do you integrate with GitHub?". Searched this way, the question is not pulled
 * towards the thing it no longer asks about, as the two messages searched together are ("Team" found the entry on
 * upload limits, whose sentence names Free and Team).
 *
 * <p>Only a plan named in place of the one plan the earlier question names, or a name ("GitHub", capitalised as names
 * are) in place of its one name (a run of capitalised words such as "Microsoft Teams" counting as one), is swapped. A
 * follow-up with a clause of its own ("and what if I lost my phone?"), one that names no name ("what about
 * attachments?") or an earlier question without one such name is not restated; it is looked up together with the
 * question before it.
 */
final class FollowUpQuestions {

    /** The most topic words a follow-up that only names something has: "and Microsoft Teams?". */
    private static final int MAX_NAMED_WORDS = 3;
    private static final Pattern CLAUSE = Pattern.compile("\\bif\\b");

    private FollowUpQuestions() {
    }

    /**
     * A follow-up restated.
     *
     * @param question the earlier question about what the follow-up names
     * @param named    what the follow-up names, as written ("Business", "Microsoft Teams")
     */
    record Restated(String question, String named) {

        /** Whether a passage names what the follow-up names, as a whole word. */
        boolean namedIn(String passage) {
            return mentions(passage, named);
        }
    }

    /**
     * The follow-up restated as the earlier question about what it names, or empty when it cannot be.
     *
     * @param topic        the earlier question the follow-up leans on
     * @param followUp     the follow-up, without its opening courtesies
     * @param plans        the plans' names, lower case
     * @param productTerms the product's own words (its name and its plans' names), lower case, which are no names
     */
    static Optional<Restated> restated(String topic, String followUp, Set<String> plans, Set<String> productTerms) {
        List<String> added = Phrases.contentWords(followUp);
        String lower = followUp.toLowerCase(Locale.ROOT);
        if (added.isEmpty() || added.size() > MAX_NAMED_WORDS || CLAUSE.matcher(lower).find()) {
            return Optional.empty();
        }
        String named = asWritten(followUp, added);
        if (plans.containsAll(added)) {
            List<String> planned = plans.stream().filter(plan -> mentions(topic, plan)).toList();
            return planned.size() == 1 ? Optional.of(new Restated(replaced(topic, planned.get(0), named), named))
                    : Optional.empty();
        }
        if (added.stream().anyMatch(productTerms::contains) || Phrases.namesIn(followUp, productTerms).isEmpty()) {
            // "what about attachments?" after "how do I export to CSV?" asks about attachments, not "export to
            // attachments": only a name takes the place of a name
            return Optional.empty();
        }
        List<String> names = Phrases.namesIn(topic, productTerms);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String run = names.size() == 1 ? names.get(0) : String.join(" ", names);
        if (!mentions(topic, run) || mentions(topic, named)) {
            return Optional.empty();
        }
        return Optional.of(new Restated(replaced(topic, run, named), named));
    }

    /** The follow-up's words from the first to the last of {@code words}, as the customer wrote them. */
    private static String asWritten(String followUp, List<String> words) {
        String lower = followUp.toLowerCase(Locale.ROOT);
        int start = indexOfWord(lower, words.get(0), 0);
        String last = words.get(words.size() - 1);
        int end = indexOfWord(lower, last, start) + last.length();
        return followUp.substring(start, end);
    }

    private static int indexOfWord(String text, String word, int from) {
        Matcher matcher = wholeWords(word).matcher(text);
        return matcher.find(from) ? matcher.start() : text.indexOf(word, from);
    }

    private static boolean mentions(String text, String words) {
        return wholeWords(words).matcher(text).find();
    }

    /** The text with the first mention of {@code words} (any case) replaced. */
    private static String replaced(String text, String words, String replacement) {
        return wholeWords(words).matcher(text).replaceFirst(Matcher.quoteReplacement(replacement));
    }

    /** {@code words} as whole words in any case: "Team" in "on Team?", not in "Teams" or "teammate". */
    private static Pattern wholeWords(String words) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE);
    }
}
