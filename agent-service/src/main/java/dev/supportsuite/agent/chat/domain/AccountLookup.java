package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Pending;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The {@code lookup_account} tool: the verified customer's plan, subscription, usage and latest invoice. */
public final class AccountLookup {

    private static final Logger log = LoggerFactory.getLogger(AccountLookup.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final SupportDesk desk;

    public AccountLookup(SupportDesk desk) {
        this.desk = desk;
    }

    public Mono<Outcome> lookup(Turn turn) {
        if (!turn.verified()) {
            return Mono.just(TicketTools.signInFirst(turn, Route.ACCOUNT));
        }
        // A question about a charge may be a dispute: the account is shown with the offer of a ticket, which a
        // yes then opens with the question as its description.
        boolean charge = Phrases.asksAboutACharge(turn.text());
        ConversationState next = charge
                ? turn.state().withPending(Pending.offerHelp(turn.text()))
                : turn.state();
        return desk.account(turn.caller())
                .map(account -> Outcome.say(Route.ACCOUNT.wire(), describe(account, charge) + (charge ? "\nIf a charge looks "
                                + "wrong, I can open a ticket for our billing team: just say yes." : ""), next)
                        .tool("lookup_account", Map.of(), account.plan()))
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
            text.append(trial || account.cancelAtPeriodEnd() ? ", ends on " : ", renews on ")
                    .append(DAY.format(account.renewsAt()));
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
