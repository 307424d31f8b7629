package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.chat.Citation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What a plan would cost for a number of people ("how much would it cost for 12 people?"), and what paying annually
 * saves ("how much would we save with annual billing?"), worked out from the per-member prices the help center
 * publishes and cited to the entry they come from. The agent knows no
 * price of its own: when the help center's price list cannot be found or read, there is no quote and the
 * question is answered as any other.
 */
public final class PriceQuotes {

    private static final Logger log = LoggerFactory.getLogger(PriceQuotes.class);

    /** What the agent searches the help center for to find the price list. */
    static final String PRICE_LIST_QUERY = "What do the plans cost per member?";
    private static final int MAX_PEOPLE = 100_000;

    private static final Pattern ASKS_PRICE = Pattern.compile(
            "\\b(?:how much|costs?|price[ds]?|pricing|quote|expensive"
                    + "|(?:would|will|do|does|to) (?:we |i |it )?pay)\\b");
    /** A charge already made ("I was charged for 12 seats") is a billing question, not a price to work out. */
    private static final Pattern PAST_CHARGE = Pattern.compile(
            "\\b(?:charged|billed|invoiced|paid|refunds?|refunded)\\b");
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d{1,6}|" + String.join("|", Numbers.WORDS) + ")";
    /** "12 people", "twelve users", "25 seats", "a team of 8", "for 40 employees". */
    private static final Pattern HEADCOUNT = Pattern.compile("\\b" + NUMBER + "[ -](?:more |new |extra )?"
            + "(?:people|persons?|users?|members?|seats?|employees|teammates|colleagues|staff|licen[cs]es|of us)\\b"
            + "|\\b(?:team|company|group|organi[sz]ation|office|department|business) of " + NUMBER + "\\b"
            + "|\\b" + NUMBER + "[ -](?:person|people|member|user)s? (?:team|company|office)\\b");
    private static final Pattern LONE_NUMBER = Pattern.compile("\\b" + NUMBER + "\\b");
    /** "Team: $8 per member per month billed annually ($10 monthly)". */
    private static final Pattern PLAN_PRICE = Pattern.compile("\\b(\\p{Lu}\\p{L}+): \\$(\\d+(?:\\.\\d{1,2})?) per "
            + "(?:member|user|seat) per month( billed annually)?(?: \\(\\$(\\d+(?:\\.\\d{1,2})?)(?: billed)? monthly\\))?");
    /**
     * A question about what paying annually saves: "how much would we save by switching to annual billing?", "is
     * yearly billing cheaper?", "what's the discount for paying annually?".
     */
    private static final Pattern ANNUAL_SAVING = Pattern.compile(
            "(?=.*\\b(?:save|saves|saving|savings|cheaper|discount|less|difference)\\b)"
                    + "(?=.*\\b(?:annual|annually|yearly|per year|a year|every year)\\b)");
    /** "Free: up to 5 members". */
    private static final Pattern FREE_PLAN = Pattern.compile("\\b(\\p{Lu}\\p{L}+): up to (\\d+) (?:members|users|people)");
    /** "Enterprise: custom pricing". */
    private static final Pattern CUSTOM_PLAN = Pattern.compile("\\b(\\p{Lu}\\p{L}+): (?:custom|individual) pric");

    private final KnowledgeSearch knowledge;

    public PriceQuotes(KnowledgeSearch knowledge) {
        this.knowledge = knowledge;
    }

    /** How many people a price question is about; empty when it names no number of people or asks no price. */
    static OptionalInt headcountAskedAbout(String text) {
        String normal = Phrases.normal(text);
        if (!ASKS_PRICE.matcher(normal).find() || PAST_CHARGE.matcher(normal).find()) {
            return OptionalInt.empty();
        }
        Matcher matcher = HEADCOUNT.matcher(normal);
        if (!matcher.find()) {
            return OptionalInt.empty();
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return headcount(matcher.group(group));
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The headcount of a price question, or of a follow-up to one: after "how much would it cost for 12
     * people?", "what about 30?" asks the same for 30, and "and for Business?" the same for Business; a follow-up
     * to those follow-ups keeps the last headcount named.
     */
    static OptionalInt headcountFor(Turn turn) {
        OptionalInt asked = headcountAskedAbout(turn.text());
        if (asked.isPresent() || !turn.followsUp()) {
            return asked;
        }
        List<String> chain = turn.leanedOn();
        OptionalInt before = OptionalInt.empty();
        for (int i = chain.size() - 1; i >= 0; i--) {
            OptionalInt named = headcountAskedAbout(chain.get(i));
            before = named.isPresent() ? named : before.isPresent() ? numberIn(chain.get(i), before) : before;
        }
        return before.isPresent() ? numberIn(turn.text(), before) : before;
    }

    /**
     * The plans a price question asks about: those it names, else those the last message it follows up names ("what
     * about 30?" after "and for Team?" asks about Team); none for every plan.
     */
    private static List<PlanPrice> plansAskedAbout(Turn turn, List<PlanPrice> prices) {
        List<String> asked = new ArrayList<>(List.of(turn.text()));
        asked.addAll(turn.leanedOn());
        for (String message : asked) {
            List<PlanPrice> named = prices.stream().filter(price -> price.namedIn(message)).toList();
            if (!named.isEmpty()) {
                return named;
            }
        }
        return List.of();
    }

    /** The headcount a follow-up names ("what about 30?"), or {@code otherwise} when it names none. */
    private static OptionalInt numberIn(String followUp, OptionalInt otherwise) {
        Matcher number = LONE_NUMBER.matcher(Phrases.normal(followUp));
        return number.find() ? headcount(number.group(1)) : otherwise;
    }

    /** A number as written, as a headcount: none for 0 or for more people than any quote is for. */
    private static OptionalInt headcount(String number) {
        int people = Numbers.parse(number);
        return people > 0 && people <= MAX_PEOPLE ? OptionalInt.of(people) : OptionalInt.empty();
    }

    /**
     * The quote for the customer's question, or empty when it asks neither a price for a number of people nor what
     * paying annually saves, or the help center's price list is not found or not readable.
     */
    public Mono<Outcome> quote(Turn turn) {
        OptionalInt people = headcountFor(turn);
        boolean saving = asksWhatAnnualSaves(turn.text());
        if (people.isEmpty() && !saving) {
            return Mono.empty();
        }
        return knowledge.search(PRICE_LIST_QUERY)
                .filter(result -> result.answerable() && !result.passages().isEmpty())
                .flatMap(result -> Mono.justOrEmpty(saving
                        ? savingFrom(turn, people, result.passages().get(0))
                        : quoteFrom(turn, people.getAsInt(), result.passages().get(0))))
                .onErrorResume(e -> {
                    log.warn("Price list search failed conversationId={}: {}", turn.state().conversationId(),
                            e.toString());
                    return Mono.empty();
                });
    }

    private static Optional<Outcome> quoteFrom(Turn turn, int people, KnowledgeSearch.Passage priceList) {
        List<PlanPrice> prices = pricesIn(priceList.text());
        if (prices.isEmpty()) {
            return Optional.empty();
        }
        List<PlanPrice> named = plansAskedAbout(turn, prices);
        List<String> lines = new ArrayList<>((named.isEmpty() ? prices : named).stream()
                .map(price -> price.describe(people)).toList());
        String summary = String.join("; ", lines);
        if (named.isEmpty()) {
            lines.addAll(notes(priceList.text(), people));
        }
        return Optional.of(worked(turn, priceList, "For " + people + (people == 1 ? " person" : " people")
                + ", by the prices in our help center:", lines, Map.of("people", String.valueOf(people)), summary));
    }

    /**
     * A reply worked out from the price list: the opening, one line each, the source, and the {@code quote_price} tool
     * call with {@code summary} as its outcome.
     */
    private static Outcome worked(Turn turn, KnowledgeSearch.Passage priceList, String opening, List<String> lines,
            Map<String, String> arguments, String summary) {
        StringBuilder reply = new StringBuilder(opening).append('\n');
        lines.forEach(line -> reply.append("\n- ").append(line));
        reply.append("\n\n(From our help center: ").append(KnowledgeAnswers.sourceOf(priceList)).append(")");
        return Outcome.say(Route.KNOWLEDGE.wire(), reply.toString(), turn.state().withUnanswered(0))
                .citing(List.of(new Citation(priceList.documentId(), priceList.title(), priceList.sectionPath())))
                .tool("search_faq", Map.of("query", PRICE_LIST_QUERY), priceList.documentId())
                .tool("quote_price", arguments, summary);
    }

    /** Whether the message asks what paying annually instead of monthly saves. */
    static boolean asksWhatAnnualSaves(String text) {
        String normal = Phrases.normal(text);
        return ANNUAL_SAVING.matcher(normal).lookingAt() && !PAST_CHARGE.matcher(normal).find();
    }

    /**
     * What paying annually saves on each plan with both prices (or on the plans the question names), per member, and
     * for the number of people it names; empty when the price list gives no plan both prices.
     */
    private static Optional<Outcome> savingFrom(Turn turn, OptionalInt people, KnowledgeSearch.Passage priceList) {
        List<PlanPrice> both = pricesIn(priceList.text()).stream()
                .filter(price -> price.annual() != null && price.monthly() != null
                        && price.annual().compareTo(price.monthly()) < 0)
                .toList();
        if (both.isEmpty()) {
            return Optional.empty();
        }
        List<PlanPrice> named = plansAskedAbout(turn, both);
        List<String> lines = (named.isEmpty() ? both : named).stream().map(price -> price.saving(people)).toList();
        Map<String, String> arguments = people.isPresent() ? Map.of("people", String.valueOf(people.getAsInt()),
                "billing", "annual") : Map.of("billing", "annual");
        return Optional.of(worked(turn, priceList, "Paying annually costs less than paying monthly, by the prices in "
                + "our help center:", lines, arguments, String.join("; ", lines)));
    }

    /** The per-member prices a passage states, in its order. */
    static List<PlanPrice> pricesIn(String text) {
        List<PlanPrice> prices = new ArrayList<>();
        Matcher matcher = PLAN_PRICE.matcher(text);
        while (matcher.find()) {
            BigDecimal first = new BigDecimal(matcher.group(2));
            boolean annual = matcher.group(3) != null;
            BigDecimal monthly = matcher.group(4) != null ? new BigDecimal(matcher.group(4)) : annual ? null : first;
            prices.add(new PlanPrice(matcher.group(1), annual ? first : null, monthly));
        }
        return prices;
    }

    /** What the price list says of plans without a per-member price, as it applies to this many people. */
    private static List<String> notes(String text, int people) {
        List<String> notes = new ArrayList<>();
        Matcher free = FREE_PLAN.matcher(text);
        if (free.find()) {
            int limit = Integer.parseInt(free.group(2));
            notes.add(people <= limit ? free.group(1) + ": no charge, for up to " + limit + " members"
                    : free.group(1) + ": only up to " + limit + " members, so not for " + people);
        }
        Matcher custom = CUSTOM_PLAN.matcher(text);
        if (custom.find()) {
            notes.add(custom.group(1) + ": priced on request");
        }
        return notes;
    }

    /**
     * A plan's price per member and month.
     *
     * @param annual  when billed annually, or null when the plan has no annual price
     * @param monthly when billed monthly, or null when the plan has no monthly price
     */
    record PlanPrice(String plan, BigDecimal annual, BigDecimal monthly) {

        /**
         * Whether a question asks about this plan: its name as a name ("what would Business cost") or with
         * "plan" after it ("the team plan"); "a team of 8" names no plan.
         */
        boolean namedIn(String text) {
            return Pattern.compile("\\b" + Pattern.quote(plan) + "\\b").matcher(text).find()
                    && !Pattern.compile("\\b" + Pattern.quote(plan) + " of\\b").matcher(text).find()
                    || Pattern.compile("\\b" + Pattern.quote(plan) + " (?:plan|tier)\\b", Pattern.CASE_INSENSITIVE)
                            .matcher(text).find();
        }

        String describe(int people) {
            List<String> parts = new ArrayList<>();
            if (annual != null) {
                BigDecimal perMonth = annual.multiply(BigDecimal.valueOf(people));
                parts.add(dollars(perMonth) + " a month billed annually (" + dollars(perMonth.multiply(BigDecimal.valueOf(12)))
                        + " a year)");
            }
            if (monthly != null) {
                parts.add(dollars(monthly.multiply(BigDecimal.valueOf(people))) + " billed monthly");
            }
            return plan + ": " + String.join(", or ", parts);
        }

        /**
         * What paying annually saves on this plan, which has both prices: "Team: $8 per member a month billed
         * annually, against $10 billed monthly, 20% less", and for a number of people what that comes to in a year.
         */
        String saving(OptionalInt people) {
            BigDecimal perMember = monthly.subtract(annual);
            long percent = perMember.multiply(BigDecimal.valueOf(100)).divide(monthly, 0, RoundingMode.HALF_UP)
                    .longValue();
            String line = plan + ": " + dollars(annual) + " per member a month billed annually, against "
                    + dollars(monthly) + " billed monthly, " + percent + "% less";
            if (people.isEmpty()) {
                return line;
            }
            BigDecimal count = BigDecimal.valueOf(people.getAsInt());
            BigDecimal year = BigDecimal.valueOf(12);
            return line + "; for " + people.getAsInt() + (people.getAsInt() == 1 ? " person " : " people ")
                    + dollars(annual.multiply(count).multiply(year)) + " a year instead of "
                    + dollars(monthly.multiply(count).multiply(year)) + ", " + dollars(perMember.multiply(count)
                    .multiply(year)) + " saved";
        }

        private static String dollars(BigDecimal amount) {
            NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
            boolean whole = amount.stripTrailingZeros().scale() <= 0;
            format.setMinimumFractionDigits(whole ? 0 : 2);
            format.setMaximumFractionDigits(whole ? 0 : 2);
            return "$" + format.format(amount.setScale(2, RoundingMode.HALF_UP));
        }
    }

    /** Small numbers as customers write them. */
    static final class Numbers {

        static final List<String> WORDS = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                "ninety", "hundred", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen", "ten", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
        private static final Map<String, Integer> VALUES = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
                Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
                Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
                Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
                Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
                Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
                Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
                Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100));

        private Numbers() {
        }

        static int parse(String number) {
            Integer word = VALUES.get(number);
            return word != null ? word : Integer.parseInt(number.replace(",", ""));
        }
    }
}
