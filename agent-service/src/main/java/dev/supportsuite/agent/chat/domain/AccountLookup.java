package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Pending;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The {@code lookup_account} tool: the verified customer's plan, subscription, usage and latest invoice. */
public final class AccountLookup {

    private static final Logger log = LoggerFactory.getLogger(AccountLookup.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Invoices searched for the one a question about a charge names. */
    static final int RECENT_INVOICES = 12;
    /** An amount of money: "$184.80", "184.80", "1,250 USD", "4.8". */
    // "may" is left out of the months: "may I ask why..." names none
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\d.,])\\$?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?(?![\\d])");
    private static final Pattern MONTH = Pattern.compile("\\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?"
            + "|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b");
    private static final DateTimeFormatter MONTH_OF = DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The words that name each usage metric, by the name its usage line starts with ("seats 4 of 5"). */
    private static final Map<String, Pattern> METRIC_WORDS = Map.of(
            "seats", Pattern.compile("\\b(?:seats?|members?|users?|people|teammates?|collaborators?)\\b"),
            "storage", Pattern.compile("\\b(?:storage|space|gb|mb|disk|uploads?)\\b"),
            "projects", Pattern.compile("\\bprojects?\\b"),
            "API calls", Pattern.compile("\\b(?:api calls?|api requests?|requests? to the api)\\b"));

    /** Facts of the account besides its usage a question may ask about along with it. */
    /** A question about the renewal: "will it renew automatically?", "when is my next payment?". */
    private static final Pattern RENEWAL = Pattern.compile("\\b(?:(?:auto-?)?renew\\w*|next (?:bill|billing date|invoice"
            + "|payment|charge)|when (?:will|do|does|is) (?:i|we|my|our) (?:be |get |next )?(?:charged|billed|pay))\\b");
    private static final Pattern ASKS_AMOUNT = Pattern.compile("\\b(?:amount|how much|total|cost\\w*|price\\w*)\\b");
    /** A question answered with yes or no: "is it going to renew?", "will I be charged again?". */
    private static final Pattern YES_OR_NO_QUESTION = Pattern.compile(
            "(?:(?:hi|hello|hey|ok|okay|so)[,!. ]+)*(?:is|are|will|does|do|did|has|have|am)\\b");
    private static final Pattern OTHER_FACTS = Pattern.compile("\\b(?:invoices?|renew\\w*|bill\\w*|pay\\w*|charge\\w*"
            + "|subscriptions?|trial|due|cost\\w*|price\\w*|account|details|everything)\\b");

    private final SupportDesk desk;

    public AccountLookup(SupportDesk desk) {
        this.desk = desk;
    }

    public Mono<Outcome> lookup(Turn turn) {
        if (!turn.verified()) {
            return Mono.just(TicketTools.signInFirst(turn, Route.ACCOUNT));
        }
        // A question about a charge may be a dispute: the account is shown with the invoice asked about, line by
        // line, and the offer of a ticket, which a yes then opens with the question as its description.
        boolean charge = Phrases.asksAboutACharge(turn.text()) || Phrases.invoiceNumber(turn.text()).isPresent();
        ConversationState next = charge
                ? turn.state().withPending(Pending.offerHelp(turn.text()))
                : turn.state();
        Mono<List<SupportDesk.Invoice>> recent = !charge ? Mono.just(List.of())
                : desk.invoices(turn.caller(), RECENT_INVOICES).onErrorResume(e -> {
                    log.warn("Invoices unavailable conversationId={}: {}", turn.state().conversationId(), e.toString());
                    return Mono.just(List.of());
                });
        return desk.account(turn.caller())
                .zipWith(recent)
                .map(both -> {
                    SupportDesk.Account account = both.getT1();
                    Note usage = charge ? null : usageAskedAbout(turn.text(), account);
                    if (usage == null && !charge) {
                        usage = renewalAskedAbout(turn.text(), account);
                    }
                    if (usage != null) {
                        return Outcome.say(Route.ACCOUNT.wire(), usage.text(), next)
                                .tool("lookup_account", Map.of(), account.plan());
                    }
                    String text = describe(account, charge);
                    Optional<SupportDesk.Invoice> asked = askedAbout(turn.text(), both.getT2());
                    if (asked.isPresent() && (account.lastInvoice() == null
                            || !asked.get().number().equals(account.lastInvoice().number()))) {
                        text = describe(account, false) + "\n- The invoice you asked about: " + invoice(asked.get());
                    }
                    return Outcome.say(Route.ACCOUNT.wire(), text + (charge ? "\nIf a charge looks wrong, I can open a "
                                    + "ticket for our billing team: just say yes." : ""), next)
                            .tool("lookup_account", Map.of(), account.plan());
                })
                .switchIfEmpty(Mono.fromSupplier(() -> Outcome.say(Route.ACCOUNT.wire(), "I couldn't find an account "
                                + "for you. If you think that's wrong, I can open a ticket for our team to check.",
                        turn.state()).tool("lookup_account", Map.of(), "not_found")))
                .onErrorResume(e -> {
                    log.warn("lookup_account failed conversationId={}: {}", turn.state().conversationId(), e.toString());
                    return Mono.just(Outcome.say(Route.ACCOUNT.wire(), "I can't reach our account system right now, "
                                    + "so I can't show your account details. Please try again in a minute.",
                            turn.state()).tool("lookup_account", Map.of(), "unavailable").markedDegraded());
                });
    }

    /**
     * What the customer's own account adds to a help-center answer, and which kind of note it is ({@code access}
     * or {@code plan}, for the transcript's tool call).
     */
    public record Note(String text, String kind) {
    }

    /**
     * A note from the customer's account to put before a help-center answer: for a problem getting into the
     * workspace, the subscription when it is not active ("Your Team subscription is canceled, which may be
     * why."); for a question about what a plan allows, where the customer stands ("You're on the Team plan,
     * with seats 4 of 5 in use."). Empty for a visitor, when nothing on the account bears on the question, or
     * when the account cannot be read (the answer then goes on without it).
     */
    public Mono<Note> noteFor(Turn turn) {
        if (!turn.verified()) {
            return Mono.empty();
        }
        boolean access = Phrases.reportsAccessProblem(turn.text());
        List<String> metrics = access || !Phrases.asksAboutALimit(turn.text()) ? List.of()
                : metricsIn(turn.text().toLowerCase(Locale.ROOT));
        if (!access && metrics.isEmpty()) {
            return Mono.empty();
        }
        return desk.account(turn.caller())
                .flatMap(account -> Mono.justOrEmpty(access ? accessNote(account) : planNote(account, metrics)))
                .onErrorResume(e -> {
                    log.warn("Account unavailable for a note conversationId={}: {}", turn.state().conversationId(),
                            e.toString());
                    return Mono.empty();
                });
    }

    private static Note accessNote(SupportDesk.Account account) {
        String text = switch (account.subscriptionStatus()) {
            case "canceled" -> "Your " + account.plan() + " subscription is canceled, which may be why.";
            case "past_due" -> "Your " + account.plan() + " subscription has a payment due"
                    + (account.renewsAt() == null ? "" : " since " + DAY.format(account.renewsAt()))
                    + ", which may be why.";
            default -> null;
        };
        return text == null ? null : new Note(text, "access");
    }

    /** Where the account stands on the metrics asked about; null when it measures none of them. */
    private static Note planNote(SupportDesk.Account account, List<String> metrics) {
        List<String> lines = account.usage().stream()
                .filter(line -> metrics.stream().anyMatch(metric -> line.startsWith(metric + " ")))
                .toList();
        return lines.isEmpty() ? null : new Note("You're on the " + account.plan() + " plan, with "
                + String.join(" and ", lines) + " in use.", "plan");
    }

    /**
     * The answer to a question about how much of the account is used and nothing else of it ("how many seats are we
     * using?", "how much storage do we have left?"): where it stands on those metrics; null for any other question,
     * or when the account measures none of them, which the whole account then answers.
     */
    private static Note usageAskedAbout(String text, SupportDesk.Account account) {
        String lower = text.toLowerCase(Locale.ROOT);
        return OTHER_FACTS.matcher(lower).find() ? null : planNote(account, metricsIn(lower));
    }

    /**
     * The answer to a question about the renewal and nothing else of the account ("is my plan going to renew
     * automatically?", "when is my next payment?"): whether and when the subscription renews, ends or is overdue;
     * null for any other question, or when the account has no date to tell.
     */
    static Note renewalAskedAbout(String text, SupportDesk.Account account) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!RENEWAL.matcher(lower).find() || ASKS_AMOUNT.matcher(lower).find() || !metricsIn(lower).isEmpty()
                || account.renewsAt() == null) {
            // "my next invoice amount" is the whole account's, with the latest invoice
            return null;
        }
        boolean yesOrNo = YES_OR_NO_QUESTION.matcher(Phrases.normal(text)).lookingAt();
        String plan = "Your " + account.plan() + " subscription";
        String day = DAY.format(account.renewsAt());
        String answer = switch (account.subscriptionStatus()) {
            case "trialing" -> "Your free trial of " + account.plan() + " ends on " + day + ". Nothing renews by "
                    + "itself: choose a plan before then to keep its features, or the workspace moves to the Free plan.";
            case "past_due" -> plan + " has a payment due since " + day + "; it renews once the payment goes through.";
            case "canceled" -> plan + " is canceled, so it won't renew.";
            default -> account.cancelAtPeriodEnd()
                    ? plan + " is set to end on " + day + " and won't renew unless you turn auto-renewal back on in "
                            + "Settings > Billing."
                    : (yesOrNo ? "Yes: your " : "Your ") + account.plan() + " subscription renews automatically on "
                            + day + (account.monthlyPrice() == null ? "" : ", at " + account.monthlyPrice() + " a month")
                            + ".";
        };
        return new Note(answer, "renewal");
    }

    /** The usage metrics a question names, by the names the account's usage lines start with. */
    static List<String> metricsIn(String text) {
        List<String> named = new ArrayList<>();
        METRIC_WORDS.forEach((metric, words) -> {
            if (words.matcher(text).find()) {
                named.add(metric);
            }
        });
        return named;
    }

    /**
     * The invoice a question about a charge is about: the one whose number it names ("what is INV-U1001-003?"),
     * else the one with the amount it names ("why was I charged $184.80"), else the one issued in the month it
     * names ("the one from october"); empty when it names none of them or no invoice fits.
     */
    static Optional<SupportDesk.Invoice> askedAbout(String text, List<SupportDesk.Invoice> invoices) {
        Optional<String> number = Phrases.invoiceNumber(text);
        if (number.isPresent()) {
            return invoices.stream().filter(invoice -> number.get().equalsIgnoreCase(invoice.number())).findFirst();
        }
        List<Long> amounts = new ArrayList<>();
        Matcher amount = AMOUNT.matcher(text);
        while (amount.find()) {
            String cents = amount.group(2) == null ? "00" : (amount.group(2) + "0").substring(0, 2);
            amounts.add(Long.parseLong(amount.group(1).replace(",", "") + cents));
        }
        Optional<SupportDesk.Invoice> byAmount = invoices.stream()
                .filter(invoice -> amounts.contains(invoice.totalCents())).findFirst();
        if (byAmount.isPresent()) {
            return byAmount;
        }
        Matcher month = MONTH.matcher(text.toLowerCase(Locale.ROOT));
        if (!month.find()) {
            return Optional.empty();
        }
        String named = month.group(1).substring(0, 3);
        return invoices.stream()
                .filter(invoice -> invoice.issuedAt() != null && MONTH_OF.format(invoice.issuedAt())
                        .toLowerCase(Locale.ROOT).startsWith(named))
                .findFirst();
    }

    private static String invoice(SupportDesk.Invoice invoice) {
        StringBuilder text = new StringBuilder(invoice.summary());
        if (invoice.issuedAt() != null) {
            text.append(", issued on ").append(DAY.format(invoice.issuedAt()));
        }
        invoice.lines().forEach(line -> text.append("\n  - ").append(line));
        return text.toString();
    }

    static String describe(SupportDesk.Account account) {
        return describe(account, false);
    }

    /** The account; for a question about a charge, with what the latest invoice charged for, line by line. */
    static String describe(SupportDesk.Account account, boolean itemised) {
        StringBuilder text = new StringBuilder("Here is your account");
        if (account.name() != null && !account.name().isBlank()) {
            text.append(", ").append(account.name().split(" ")[0]);
        }
        text.append(":\n- Plan: ").append(account.plan());
        if (account.monthlyPrice() != null) {
            text.append(" (").append(account.monthlyPrice()).append(" a month)");
        }
        boolean trial = "trialing".equals(account.subscriptionStatus());
        text.append("\n- Subscription: ").append(trial ? "free trial" : account.subscriptionStatus().replace('_', ' '));
        if (account.renewsAt() != null) {
            boolean overdue = "past_due".equals(account.subscriptionStatus());
            text.append(overdue ? ", payment due since " : trial || account.cancelAtPeriodEnd() ? ", ends on "
                    : ", renews on ").append(DAY.format(account.renewsAt()));
        }
        if (!account.usage().isEmpty()) {
            text.append("\n- Usage this period: ").append(String.join("; ", account.usage()));
        }
        if (account.latestInvoice() != null) {
            text.append("\n- Latest invoice: ").append(account.latestInvoice());
            if (itemised) {
                account.latestInvoiceLines().forEach(line -> text.append("\n  - ").append(line));
            }
        }
        return text.toString();
    }
}
