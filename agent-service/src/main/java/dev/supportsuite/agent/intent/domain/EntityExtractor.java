package dev.supportsuite.agent.intent.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds ticket ids, e-mail addresses, amounts, dates and plan names in an utterance with plain
 * patterns: cheap, predictable and explainable. Matches never overlap; the earlier, more specific kind
 * wins (an e-mail address is not also read as a date or an amount).
 */
public final class EntityExtractor {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b");

    private static final Pattern TICKET = Pattern.compile("\\bTKT-[A-Z0-9]+(?:-[A-Z0-9]+)*\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");

    private static final Pattern US_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?", Pattern.CASE_INSENSITIVE);

    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\b\\.?(?:,?\\s+(\\d{4})\\b)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern RELATIVE_DATE = Pattern.compile("\\b(today|yesterday|tomorrow)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?)";

    private static final Pattern AMOUNT_PREFIX = Pattern.compile(
            "(?<![\\w])(\\$|€|£|usd|eur|gbp)\\s?" + NUMBER + "(?![\\d.,]*\\d)", Pattern.CASE_INSENSITIVE);

    private static final Pattern AMOUNT_SUFFIX = Pattern.compile(
            "(?<![\\w.,])" + NUMBER + "\\s?(usd|eur|gbp|dollars?|euros?|pounds?|bucks|\\$|€|£)(?![\\w])",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("$", "USD"),
            Map.entry("usd", "USD"), Map.entry("dollar", "USD"), Map.entry("dollars", "USD"),
            Map.entry("bucks", "USD"), Map.entry("€", "EUR"), Map.entry("eur", "EUR"), Map.entry("euro", "EUR"),
            Map.entry("euros", "EUR"), Map.entry("£", "GBP"), Map.entry("gbp", "GBP"), Map.entry("pound", "GBP"),
            Map.entry("pounds", "GBP"));

    /** Words next to a plan name that show it is meant as a plan ("feel free" is not the free plan). */
    private static final Set<String> PLAN_CONTEXT = Set.of("plan", "plans", "tier", "subscription", "edition",
            "package", "upgrade", "upgrading", "downgrade", "downgrading", "switch", "switching", "move", "change",
            "subscribe", "subscribed", "trial", "license", "licence", "account", "included", "includes", "include",
            "features", "pricing", "price", "cost", "costs");

    private final Clock clock;
    private final List<String> plans;
    private final Pattern planPattern;

    /**
     * @param clock resolves relative dates and dates written without a year
     * @param plans plan names to recognise, for example {@code free, team, business, enterprise}
     */
    public EntityExtractor(Clock clock, List<String> plans) {
        this.clock = clock;
        this.plans = plans.stream().map(plan -> plan.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty())
                .toList();
        this.planPattern = this.plans.isEmpty() ? null
                : Pattern.compile("\\b(" + this.plans.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                        + ")\\b", Pattern.CASE_INSENSITIVE);
    }

    /** Every entity found, in order of appearance. */
    public List<Entity> extract(String text) {
        List<Entity> found = new ArrayList<>();
        collect(found, text, EMAIL, m -> entity(Entity.EMAIL, m.group().toLowerCase(Locale.ROOT), m));
        collect(found, text, TICKET, m -> entity(Entity.TICKET_ID, m.group().toUpperCase(Locale.ROOT), m));
        collect(found, text, ISO_DATE, m -> date(m, year(m.group(1)), number(m.group(2)), number(m.group(3))));
        collect(found, text, US_DATE, m -> date(m, year(m.group(3)), number(m.group(1)), number(m.group(2))));
        collect(found, text, MONTH_DAY, m -> date(m, yearOrCurrent(m.group(3)), month(m.group(1)),
                number(m.group(2))));
        collect(found, text, DAY_MONTH, m -> date(m, yearOrCurrent(m.group(3)), month(m.group(2)),
                number(m.group(1))));
        collect(found, text, RELATIVE_DATE, this::relativeDate);
        collect(found, text, AMOUNT_PREFIX, m -> amount(m, m.group(2), m.group(1)));
        collect(found, text, AMOUNT_SUFFIX, m -> amount(m, m.group(1), m.group(2)));
        if (planPattern != null) {
            collect(found, text, planPattern, m -> plan(text, m));
        }
        found.sort(Comparator.comparingInt(Entity::start));
        return List.copyOf(found);
    }

    private static void collect(List<Entity> found, String text, Pattern pattern, Function<Matcher, Entity> read) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            int start = matcher.start();
            int end = matcher.end();
            boolean overlaps = found.stream().anyMatch(e -> start < e.end() && e.start() < end);
            if (!overlaps) {
                Entity entity = read.apply(matcher);
                if (entity != null) {
                    found.add(entity);
                }
            }
        }
    }

    private static Entity entity(String type, String value, Matcher m) {
        return new Entity(type, value, m.group(), m.start(), m.end());
    }

    private Entity date(Matcher m, int year, int month, int day) {
        try {
            return entity(Entity.DATE, LocalDate.of(year, month, day).toString(), m);
        }
        catch (DateTimeException notADate) {
            return null;
        }
    }

    private Entity relativeDate(Matcher m) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "yesterday" -> today.minusDays(1);
            case "tomorrow" -> today.plusDays(1);
            default -> today;
        };
        return entity(Entity.DATE, date.toString(), m);
    }

    private static Entity amount(Matcher m, String number, String currency) {
        BigDecimal value = new BigDecimal(number.replace(",", "")).setScale(2, RoundingMode.HALF_UP);
        return entity(Entity.AMOUNT, value.toPlainString() + " " + CURRENCIES.get(currency.toLowerCase(Locale.ROOT)),
                m);
    }

    private Entity plan(String text, Matcher m) {
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 30));
        List<String> previous = List.of(LexicalFeatures.tokens(before));
        List<String> next = List.of(LexicalFeatures.tokens(after));
        boolean planContext = previous.subList(Math.max(0, previous.size() - 3), previous.size()).stream()
                .anyMatch(PLAN_CONTEXT::contains) || (!next.isEmpty() && PLAN_CONTEXT.contains(next.get(0)));
        return planContext ? entity(Entity.PLAN, m.group().toLowerCase(Locale.ROOT), m) : null;
    }

    private int yearOrCurrent(String year) {
        return year == null ? LocalDate.now(clock).getYear() : year(year);
    }

    private static int year(String year) {
        return Integer.parseInt(year);
    }

    private static int number(String number) {
        return Integer.parseInt(number);
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }
}
