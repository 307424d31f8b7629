package dev.supportsuite.ticket.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.ticket.InfrastructureTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The ticket REST API on real PostgreSQL: the seed's tools end to end, validation, idempotency, isolation. */
class TicketApiIT extends InfrastructureTestBase {

    @Autowired
    DatabaseClient db;

    @Test
    void createsChecksUpdatesAndListsATicketForAUserLikeTheSeedTools() {
        String user = "u-" + UUID.randomUUID();
        WebTestClient client = asUser(user);

        Map<?, ?> created = client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "Cannot log in", "description", "Password reset mail never arrives",
                        "category", "account", "priority", "high", "tags", List.of("login")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/tickets/TKT-.*")
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(id).startsWith("TKT-");
        assertThat(created.get("userId")).isEqualTo(user);
        assertThat(created.get("status")).isEqualTo("open");
        assertThat(created.get("priority")).isEqualTo("high");

        client.get().uri("/api/v1/tickets/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("open")
                .jsonPath("$.subject").isEqualTo("Cannot log in")
                .jsonPath("$.allowedTransitions.length()").isEqualTo(4);

        client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "waiting_on_customer", "priority", "urgent"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("waiting_on_customer")
                .jsonPath("$.priority").isEqualTo("urgent");

        String second = openTicket(client, "Invoice question");
        client.get().uri("/api/v1/tickets").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(second)
                .jsonPath("$.items[1].id").isEqualTo(id)
                .jsonPath("$.hasMore").isEqualTo(false);
        client.get().uri("/api/v1/tickets?status=waiting_on_customer").exchange()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(id);
        client.get().uri("/api/v1/tickets?size=1&page=1").exchange()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(id)
                .jsonPath("$.page").isEqualTo(1);

        client.get().uri("/api/v1/tickets/{id}/history", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].action").isEqualTo("created")
                .jsonPath("$[0].actor").isEqualTo("user:" + user)
                .jsonPath("$[1].field").isEqualTo("priority")
                .jsonPath("$[1].oldValue").isEqualTo("high")
                .jsonPath("$[1].newValue").isEqualTo("urgent")
                .jsonPath("$[2].field").isEqualTo("status");
    }

    @Test
    void enforcesTheStatusMachineOverHttp() {
        WebTestClient client = asAgent("a-1");
        String id = openTicketFor(client, "u-" + UUID.randomUUID());
        patchStatus(client, id, "in_progress").expectStatus().isOk();
        patchStatus(client, id, "resolved").expectStatus().isOk();
        patchStatus(client, id, "in_progress").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/invalid-status-transition");
        patchStatus(client, id, "open").expectStatus().isOk();
        patchStatus(client, id, "closed").expectStatus().isOk();
        for (String target : List.of("open", "in_progress", "waiting_on_customer", "resolved")) {
            patchStatus(client, id, target).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        }
        client.get().uri("/api/v1/tickets/{id}", id).exchange().expectBody().jsonPath("$.status").isEqualTo("closed");
    }

    @Test
    void anInvalidUpdateLeavesTheRowByteForByteUnchanged() {
        WebTestClient client = asAgent("a-2");
        String id = openTicketFor(client, "u-" + UUID.randomUUID());
        patchStatus(client, id, "resolved").expectStatus().isOk();
        String before = rowText(id);
        long historyBefore = historyCount(id);
        long outboxBefore = outboxCount(id);

        client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("priority", "critical", "subject", "changed"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/invalid-ticket-field");
        client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "done", "subject", "changed"))
                .exchange()
                .expectStatus().isBadRequest();
        client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "waiting_on_customer", "subject", "changed", "priority", "low"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", ""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/validation-failed");

        assertThat(rowText(id)).isEqualTo(before);
        assertThat(historyCount(id)).isEqualTo(historyBefore);
        assertThat(outboxCount(id)).isEqualTo(outboxBefore);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameTicketAndNeverASecondOne() {
        String user = "u-" + UUID.randomUUID();
        WebTestClient client = asUser(user);
        Map<String, Object> body = Map.of("subject", "Charged twice", "description", "Two charges on my card");

        String first = client.post().uri("/api/v1/tickets").header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        String again = client.post().uri("/api/v1/tickets").header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(again).isEqualTo(first);

        client.post().uri("/api/v1/tickets").header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "Something else", "description", "different")).exchange()
                .expectStatus().isEqualTo(422);
        // Another caller may use the same key for its own ticket.
        asUser("u-" + UUID.randomUUID()).post().uri("/api/v1/tickets").header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated();

        assertThat(ticketCount(user)).isEqualTo(1);
    }

    @Test
    void concurrentCreatesWithOneIdempotencyKeyCreateOneTicket() {
        String user = "u-" + UUID.randomUUID();
        WebTestClient client = asUser(user);
        Map<String, Object> body = Map.of("subject", "Refund", "description", "Please refund order 77");
        List<String> ids = Flux.range(0, 20)
                .flatMap(i -> Mono.fromCallable(() -> client.post().uri("/api/v1/tickets")
                                .header("Idempotency-Key", "race-key").contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(body).exchange()
                                .expectStatus().is2xxSuccessful()
                                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 20)
                .collectList()
                .block(Duration.ofSeconds(60));
        assertThat(ids).hasSize(20);
        assertThat(ids.stream().distinct()).hasSize(1);
        assertThat(ticketCount(user)).isEqualTo(1);
        // The 19 replays wrote no history line and no event of their own.
        assertThat(historyCount(ids.get(0))).isEqualTo(1);
        assertThat(outboxCount(ids.get(0))).isEqualTo(1);
    }

    @Test
    void aUserCannotReadListUpdateOrCommentOnAnotherUsersTickets() {
        String alice = "u-" + UUID.randomUUID();
        String bob = "u-" + UUID.randomUUID();
        String aliceTicket = openTicket(asUser(alice), "Alice's private problem");
        WebTestClient asBob = asUser(bob);
        String before = rowText(aliceTicket);

        expectNotFound(asBob.get().uri("/api/v1/tickets/{id}", aliceTicket).exchange(), "ticket-not-found");
        expectNotFound(asBob.get().uri("/api/v1/tickets/{id}/history", aliceTicket).exchange(), "ticket-not-found");
        expectNotFound(asBob.get().uri("/api/v1/tickets/{id}/comments", aliceTicket).exchange(), "ticket-not-found");
        expectNotFound(asBob.patch().uri("/api/v1/tickets/{id}", aliceTicket).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "closed")).exchange(), "ticket-not-found");
        expectNotFound(asBob.post().uri("/api/v1/tickets/{id}/comments", aliceTicket)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", "hi")).exchange(),
                "ticket-not-found");
        expectNotFound(asBob.get().uri("/api/v1/tickets?userId={u}", alice).exchange(), "user-not-found");
        // An id that does not exist answers exactly the same as someone else's.
        expectNotFound(asBob.get().uri("/api/v1/tickets/{id}", "TKT-00000000000000000000000000").exchange(),
                "ticket-not-found");
        asBob.get().uri("/api/v1/tickets").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);

        assertThat(rowText(aliceTicket)).isEqualTo(before);
        assertThat(commentCount(aliceTicket)).isZero();
    }

    @Test
    void commentsAreAddedAndListedForTheOwner() {
        WebTestClient client = asUser("u-" + UUID.randomUUID());
        String id = openTicket(client, "Where is my order");
        client.post().uri("/api/v1/tickets/{id}/comments", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("body", "It was due yesterday")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.id").value(v -> assertThat(v.toString()).startsWith("C-"));
        client.get().uri("/api/v1/tickets/{id}/comments", id).exchange()
                .expectBody().jsonPath("$[0].body").isEqualTo("It was due yesterday");
        client.get().uri("/api/v1/tickets/{id}/history", id).exchange()
                .expectBody().jsonPath("$[1].action").isEqualTo("commented");
    }

    @Test
    void callersWithoutIdentityOrScopeAreTurnedAway() {
        anonymous().get().uri("/api/v1/tickets").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/unauthenticated");
        as("robot", "x", null).get().uri("/api/v1/tickets").exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/api/v1/tickets").header(IdentityHeaders.TYPE, "user").exchange()
                .expectStatus().isUnauthorized();
        as("visitor", "v-1", null).get().uri("/api/v1/tickets").exchange().expectStatus().isForbidden();

        String user = "u-" + UUID.randomUUID();
        String id = openTicket(asUser(user), "Partner visible");
        WebTestClient reader = asPartner("p-1", "chat,tickets:read");
        reader.get().uri("/api/v1/tickets/{id}", id).exchange().expectStatus().isOk();
        reader.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "closed")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/forbidden");
        asPartner("p-2", "chat").get().uri("/api/v1/tickets/{id}", id).exchange().expectStatus().isForbidden();
        WebTestClient writer = asPartner("p-3", "tickets:read,tickets:write");
        writer.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", user, "subject", "From CRM", "description", "Imported")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.userId").isEqualTo(user);
        writer.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "No user", "description", "Imported")).exchange()
                .expectStatus().isBadRequest();
        asUser(user).patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("assignee", "me")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aUserCannotOpenATicketInSomeoneElsesName() {
        String user = "u-" + UUID.randomUUID();
        asUser(user).post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", "u-victim", "subject", "Spoof", "description", "Spoof")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.userId").isEqualTo(user);
    }

    private String openTicket(WebTestClient client, String subject) {
        return client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", subject, "description", "Details of " + subject)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private String openTicketFor(WebTestClient client, String userId) {
        return client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", userId, "subject", "Agent opened", "description", "On the phone"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private static WebTestClient.ResponseSpec patchStatus(WebTestClient client, String id, String status) {
        return client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", status)).exchange();
    }

    private static void expectNotFound(WebTestClient.ResponseSpec response, String slug) {
        response.expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/" + slug);
    }

    private String rowText(String id) {
        return db.sql("select t::text as row from ticket t where id = :id").bind("id", id)
                .map(row -> row.get("row", String.class)).one().block(Duration.ofSeconds(5));
    }

    private long historyCount(String id) {
        return count("select count(*) from ticket_history where ticket_id = :id", id);
    }

    private long outboxCount(String id) {
        return count("select count(*) from outbox where aggregate_id = :id", id);
    }

    private long commentCount(String id) {
        return count("select count(*) from ticket_comment where ticket_id = :id", id);
    }

    private long ticketCount(String userId) {
        return count("select count(*) from ticket where user_id = :id", userId);
    }

    private long count(String sql, String id) {
        return db.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

}
