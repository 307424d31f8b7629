package dev.supportsuite.agent.chat.adapter;

import dev.supportsuite.agent.chat.domain.SupportDesk;
import dev.supportsuite.contracts.identity.IdentityHeaders;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * ticket-service over HTTP, always with the conversation's verified customer in the identity headers,
 * so ticket-service applies the same rules as for the customer's own calls (another user's ticket is
 * not found). 404 means "no such ticket for this caller"; another 4xx is a {@link SupportDesk.Refusal}
 * with ticket-service's explanation; anything else is a failure that counts for the circuit breaker.
 */
public class TicketDeskClient implements SupportDesk {

    private final WebClient client;
    private final Downstream downstream;

    public TicketDeskClient(WebClient.Builder builder, URI baseUrl, Downstream downstream) {
        this.client = builder.baseUrl(baseUrl.toString()).build();
        this.downstream = downstream;
    }

    @Override
    public Mono<Ticket> open(Caller caller, NewTicket ticket, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", ticket.subject());
        body.put("description", ticket.description());
        body.put("category", ticket.category());
        body.put("priority", ticket.priority());
        body.put("tags", ticket.tags());
        body.put("conversationId", ticket.conversationId());
        return downstream.call(client.post().uri("/api/v1/tickets").headers(as(caller))
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(read(TicketDeskClient::ticket)));
    }

    @Override
    public Mono<Ticket> ticket(Caller caller, String ticketId) {
        return downstream.call(client.get().uri("/api/v1/tickets/{id}", ticketId).headers(as(caller))
                .exchangeToMono(read(TicketDeskClient::ticket)));
    }

    @Override
    public Mono<List<Ticket>> tickets(Caller caller, int limit) {
        return downstream.call(client.get().uri(uri -> uri.path("/api/v1/tickets")
                        .queryParam("size", limit).build()).headers(as(caller))
                .exchangeToMono(read(body -> {
                    List<Ticket> tickets = new ArrayList<>();
                    body.path("items").forEach(item -> tickets.add(ticket(item)));
                    return tickets;
                })))
                .defaultIfEmpty(List.of());
    }

    @Override
    public Mono<Ticket> changeStatus(Caller caller, String ticketId, String status) {
        return downstream.call(client.patch().uri("/api/v1/tickets/{id}", ticketId).headers(as(caller))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", status))
                .exchangeToMono(read(TicketDeskClient::ticket)));
    }

    @Override
    public Mono<Ticket> comment(Caller caller, String ticketId, String body) {
        return downstream.call(client.post().uri("/api/v1/tickets/{id}/comments", ticketId).headers(as(caller))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("body", body))
                        .exchangeToMono(read(Function.identity())))
                .flatMap(comment -> ticket(caller, ticketId));
    }

    @Override
    public Mono<Account> account(Caller caller) {
        return downstream.call(client.get().uri("/api/v1/accounts/me").headers(as(caller))
                .exchangeToMono(read(TicketDeskClient::account)));
    }

    @Override
    public Mono<List<Invoice>> invoices(Caller caller, int limit) {
        return downstream.call(client.get().uri(uri -> uri.path("/api/v1/accounts/me/invoices")
                        .queryParam("limit", limit).build()).headers(as(caller))
                .exchangeToMono(read(body -> {
                    List<Invoice> invoices = new ArrayList<>();
                    body.forEach(item -> invoices.add(invoice(item)));
                    return invoices;
                })))
                .defaultIfEmpty(List.of());
    }

    static Invoice invoice(JsonNode body) {
        String currency = body.path("currency").asString("USD");
        String issued = body.path("issuedAt").asString(null);
        List<String> lines = new ArrayList<>();
        body.path("lines").forEach(line -> lines.add(invoiceLine(line, currency)));
        return new Invoice(body.path("number").asString(), issued == null ? null : Instant.parse(issued),
                body.path("status").asString("unknown"), body.path("totalCents").asLong(),
                money(body.path("totalCents").asLong(), currency), lines);
    }

    private static Consumer<HttpHeaders> as(Caller caller) {
        return headers -> {
            headers.set(IdentityHeaders.TYPE, caller.identityType());
            headers.set(IdentityHeaders.USER_ID, caller.userId());
            headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        };
    }

    private static <T> Function<ClientResponse, Mono<T>> read(Function<JsonNode, T> mapper) {
        return response -> {
            if (response.statusCode().is2xxSuccessful()) {
                return response.bodyToMono(JsonNode.class).map(mapper);
            }
            if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return response.releaseBody().then(Mono.empty());
            }
            if (response.statusCode().is4xxClientError()) {
                return response.bodyToMono(JsonNode.class)
                        .defaultIfEmpty(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode())
                        .flatMap(problem -> Mono.error(new Refusal(problem.path("detail")
                                .asString("ticket-service refused the request (" + response.statusCode().value()
                                        + ")."))));
            }
            return response.createException().flatMap(e -> Mono.<T>error(e));
        };
    }

    static Ticket ticket(JsonNode body) {
        String updated = body.path("updatedAt").asString(null);
        return new Ticket(body.path("id").asString(), body.path("subject").asString(), body.path("status").asString(),
                body.path("priority").asString(), body.path("category").asString(null),
                updated == null ? null : Instant.parse(updated));
    }

    /**
     * One usage metric as a customer reads it: "API calls 512,000 of 1,000,000", "storage 210 GB of 500 GB"
     * (a metric counted in megabytes, {@code storage_mb}, is shown in GB from 1,000 MB).
     */
    static String usageLine(String metric, long used, Long limit, boolean overLimit) {
        boolean megabytes = metric.endsWith("_mb");
        String name = (megabytes ? metric.substring(0, metric.length() - 3) : metric).replace('_', ' ')
                .replaceAll("\\bapi\\b", "API");
        LongFunction<String> amount = megabytes ? TicketDeskClient::megabytes
                : n -> String.format(Locale.ROOT, "%,d", n);
        String line = name + " " + amount.apply(used) + (limit == null ? " (no limit)" : " of " + amount.apply(limit));
        return overLimit ? line + " (over the limit)" : line;
    }

    private static String megabytes(long mb) {
        if (mb < 1000) {
            return mb + " MB";
        }
        BigDecimal gb = BigDecimal.valueOf(mb).movePointLeft(3)
                .setScale(1, RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,.1f", gb).replaceAll("\\.0$", "") + " GB";
    }

    static Account account(JsonNode body) {
        JsonNode plan = body.path("plan");
        String price = plan.hasNonNull("monthlyPriceCents")
                ? money(plan.path("monthlyPriceCents").asLong(), plan.path("currency").asString("USD")) : null;
        JsonNode subscription = body.path("subscription");
        String renews = subscription.path("renewsAt").asString(null);
        List<String> usage = new ArrayList<>();
        body.path("usage").forEach(use -> usage.add(usageLine(use.path("metric").asString(), use.path("used").asLong(),
                use.hasNonNull("limit") ? use.path("limit").asLong() : null, use.path("overLimit").asBoolean())));
        JsonNode latest = body.path("latestInvoice");
        return new Account(body.path("profile").path("name").asString(null), plan.path("name").asString("unknown"),
                price, subscription.path("status").asString("unknown"), renews == null ? null : Instant.parse(renews),
                subscription.path("cancelAtPeriodEnd").asBoolean(), usage,
                latest.isMissingNode() || latest.isNull() ? null : invoice(latest));
    }

    /** "Additional seats: 2 × 15.00 USD = 30.00 USD", or without the product for a single item. */
    static String invoiceLine(JsonNode line, String currency) {
        long quantity = line.path("quantity").asLong(1);
        String amount = money(line.path("amountCents").asLong(), currency);
        return line.path("description").asString("item") + ": " + (quantity == 1 ? amount
                : String.format(Locale.ROOT, "%,d", quantity) + " × " + money(line.path("unitPriceCents").asLong(),
                        currency) + " = " + amount);
    }

    private static String money(long cents, String currency) {
        return BigDecimal.valueOf(cents, 2).toPlainString() + " " + currency;
    }
}
