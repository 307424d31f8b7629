package dev.supportsuite.ticket.account.adapter;

import dev.supportsuite.ticket.account.domain.Account;
import dev.supportsuite.ticket.account.domain.AccountRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Customer accounts from the tables of the {@code V2__demo_accounts} migration. */
public class R2dbcAccountRepository implements AccountRepository {

    private final DatabaseClient db;

    public R2dbcAccountRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<CustomerRecord> findCustomer(String userId) {
        Mono<Row> customer = db.sql("select c.user_id, c.name, c.email, c.company, c.created_at, c.subscription_status, "
                        + "c.renews_at, c.cancel_at_period_end, p.code, p.name as plan_name, p.monthly_price_cents, "
                        + "p.currency from customer c join plan p on p.code = c.plan_code where c.user_id = :id")
                .bind("id", userId)
                .map(row -> new Row(
                        new Account.Profile(row.get("user_id", String.class), row.get("name", String.class),
                                row.get("email", String.class), row.get("company", String.class),
                                row.get("created_at", Instant.class)),
                        row.get("code", String.class), row.get("plan_name", String.class),
                        row.get("monthly_price_cents", Long.class), row.get("currency", String.class),
                        new Account.Subscription(row.get("subscription_status", String.class),
                                row.get("renews_at", Instant.class),
                                Boolean.TRUE.equals(row.get("cancel_at_period_end", Boolean.class)))))
                .one();
        return customer.flatMap(row -> db.sql("select metric, max_value from plan_limit where plan_code = :plan "
                                + "order by metric")
                        .bind("plan", row.planCode())
                        .map(r -> new Account.Limit(r.get("metric", String.class), r.get("max_value", Long.class)))
                        .all()
                        .collectList()
                        .map(limits -> new CustomerRecord(row.profile(),
                                new Account.Plan(row.planCode(), row.planName(), row.price(), row.currency(), limits),
                                row.subscription())));
    }

    @Override
    public Flux<MetricUse> usage(String userId) {
        return db.sql("select metric, used from customer_usage where user_id = :id order by metric")
                .bind("id", userId)
                .map(row -> new MetricUse(row.get("metric", String.class), row.get("used", Long.class)))
                .all();
    }

    @Override
    public Flux<Account.Invoice> invoices(String userId, int limit) {
        return db.sql("select i.id, i.number, i.issued_at, i.due_at, i.status, i.currency, l.description, l.quantity, "
                        + "l.unit_price_cents from (select * from invoice where user_id = :id "
                        + "order by issued_at desc, id desc limit :limit) i "
                        + "left join invoice_line l on l.invoice_id = i.id order by i.issued_at desc, i.id desc, l.line_no")
                .bind("id", userId)
                .bind("limit", limit)
                .map(row -> new InvoiceRow(row.get("id", String.class), row.get("number", String.class),
                        row.get("issued_at", Instant.class), row.get("due_at", Instant.class),
                        row.get("status", String.class), row.get("currency", String.class),
                        row.get("description", String.class), row.get("quantity", Long.class),
                        row.get("unit_price_cents", Long.class)))
                .all()
                .collectList()
                .flatMapMany(rows -> Flux.fromIterable(group(rows)));
    }

    @Override
    public Mono<Account.SupportSummary> supportSummary(String userId) {
        return db.sql("select count(*) as total, "
                        + "count(*) filter (where status in ('open', 'in_progress', 'waiting_on_customer')) as active, "
                        + "count(*) filter (where status in ('resolved', 'closed')) as done, "
                        + "max(created_at) as last_at, "
                        + "(select id from ticket where user_id = :id order by created_at desc, id desc limit 1) as last_id "
                        + "from ticket where user_id = :id")
                .bind("id", userId)
                .map(row -> new Account.SupportSummary(row.get("total", Long.class), row.get("active", Long.class),
                        row.get("done", Long.class), row.get("last_at", Instant.class),
                        row.get("last_id", String.class)))
                .one();
    }

    private static List<Account.Invoice> group(List<InvoiceRow> rows) {
        Map<String, List<InvoiceRow>> byInvoice = new LinkedHashMap<>();
        rows.forEach(row -> byInvoice.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        List<Account.Invoice> invoices = new ArrayList<>();
        byInvoice.forEach((id, lines) -> {
            InvoiceRow head = lines.get(0);
            List<Account.InvoiceLine> items = lines.stream()
                    .filter(line -> line.description() != null)
                    .map(line -> new Account.InvoiceLine(line.description(), line.quantity(), line.unitPrice(),
                            line.quantity() * line.unitPrice()))
                    .toList();
            long total = items.stream().mapToLong(Account.InvoiceLine::amountCents).sum();
            invoices.add(new Account.Invoice(id, head.number(), head.issuedAt(), head.dueAt(), head.status(),
                    head.currency(), total, items));
        });
        return invoices;
    }

    private record Row(Account.Profile profile, String planCode, String planName, long price, String currency,
            Account.Subscription subscription) {
    }

    private record InvoiceRow(String id, String number, Instant issuedAt, Instant dueAt, String status,
            String currency, String description, Long quantity, Long unitPrice) {
    }
}
