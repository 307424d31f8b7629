package dev.supportsuite.ticket.account.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.ticket.InfrastructureTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Account lookups against the demo accounts the V2 migration loads on first start (plans renamed by V3). */
class AccountApiIT extends InfrastructureTestBase {

    @Test
    void accountLookupReturnsPlanUsageAndLatestInvoiceLikeTheSeedTool() {
        asUser("u-1001").get().uri("/api/v1/accounts/u-1001").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.profile.userId").isEqualTo("u-1001")
                .jsonPath("$.profile.name").isEqualTo("Avery Lindqvist")
                .jsonPath("$.plan.code").isEqualTo("business")
                .jsonPath("$.plan.name").isEqualTo("Business")
                .jsonPath("$.plan.monthlyPriceCents").isEqualTo(18000)
                .jsonPath("$.plan.limits[?(@.metric == 'seats')].max").isEqualTo(10)
                .jsonPath("$.subscription.status").isEqualTo("active")
                .jsonPath("$.subscription.renewsAt").exists()
                .jsonPath("$.usage[?(@.metric == 'seats')].used").isEqualTo(8)
                .jsonPath("$.usage[?(@.metric == 'seats')].limit").isEqualTo(10)
                .jsonPath("$.usage[?(@.metric == 'seats')].percent").isEqualTo(80)
                .jsonPath("$.latestInvoice.number").isEqualTo("INV-U1001-003")
                .jsonPath("$.latestInvoice.status").isEqualTo("open")
                .jsonPath("$.latestInvoice.lines.length()").isEqualTo(2)
                .jsonPath("$.latestInvoice.totalCents").isEqualTo(18000 + 1500)
                .jsonPath("$.support.totalTickets").isEqualTo(0);
    }

    @Test
    void invoicesComeNewestFirstWithTheirLineItems() {
        List<Map> invoices = asUser("u-1001").get().uri("/api/v1/accounts/me/invoices").exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(invoices).extracting(i -> i.get("number"))
                .containsExactly("INV-U1001-003", "INV-U1001-002", "INV-U1001-001");
        assertThat((List<?>) invoices.get(1).get("lines")).hasSize(2);
        assertThat(invoices.get(1).get("totalCents")).isEqualTo(18000 + 12 * 40);
        assertThat(invoices.get(2).get("status")).isEqualTo("paid");
    }

    @Test
    void theDemoAccountsAgreeWithWhatTheHelpCenterSaysOfPlans() {
        asUser("u-1004").get().uri("/api/v1/accounts/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.plan.code").isEqualTo("free")
                .jsonPath("$.usage[?(@.metric == 'seats')].limit").isEqualTo(5)
                .jsonPath("$.usage[?(@.metric == 'storage_mb')].limit").isEqualTo(2000)
                .jsonPath("$.usage[?(@.metric == 'projects')].used").isEqualTo(2)
                .jsonPath("$.usage[?(@.metric == 'projects')].limit").isEqualTo(3)
                .jsonPath("$.usage[?(@.metric == 'conversations')]").isEmpty();
        asUser("u-1001").get().uri("/api/v1/accounts/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.usage[?(@.metric == 'projects')].used").isEqualTo(22)
                .jsonPath("$.plan.limits[?(@.metric == 'projects')]").isEmpty();
        asUser("u-1006").get().uri("/api/v1/accounts/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.plan.code").isEqualTo("business")
                .jsonPath("$.subscription.status").isEqualTo("trialing")
                .jsonPath("$.latestInvoice").doesNotExist();
    }

    @Test
    void theSupportSummaryCountsTheCustomersTickets() {
        WebTestClient user = asUser("u-1006");
        user.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "Trial question", "description", "How do I add a seat?")).exchange()
                .expectStatus().isCreated();
        user.get().uri("/api/v1/accounts/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subscription.status").isEqualTo("trialing")
                .jsonPath("$.support.totalTickets").isEqualTo(1)
                .jsonPath("$.support.activeTickets").isEqualTo(1)
                .jsonPath("$.support.lastTicketId").value(id -> assertThat(id.toString()).startsWith("TKT-"));
    }

    @Test
    void theLocalStackDemoUserHasAnAccount() {
        asUser("u1").get().uri("/api/v1/accounts/u1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.plan.code").isEqualTo("business");
    }

    @Test
    void aUserCannotReadAnotherUsersAccount() {
        asUser("u-1002").get().uri("/api/v1/accounts/u-1001").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/account-not-found");
        asUser("u-1002").get().uri("/api/v1/accounts/u-1001/invoices").exchange().expectStatus().isNotFound();
        // The same answer as for an account that does not exist.
        asUser("u-1002").get().uri("/api/v1/accounts/u-9999").exchange().expectStatus().isNotFound();
    }

    @Test
    void agentsAndScopedPartnersReadAnyAccountOthersDoNot() {
        asAgent("a-1").get().uri("/api/v1/accounts/u-1003").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.plan.code").isEqualTo("enterprise");
        asAgent("a-1").get().uri("/api/v1/accounts/u-9999").exchange().expectStatus().isNotFound();
        asPartner("p-1", "accounts:read").get().uri("/api/v1/accounts/u-1003").exchange().expectStatus().isOk();
        asPartner("p-2", "tickets:read").get().uri("/api/v1/accounts/u-1003").exchange().expectStatus().isForbidden();
        as("visitor", "v-1", null).get().uri("/api/v1/accounts/u-1003").exchange().expectStatus().isForbidden();
        anonymous().get().uri("/api/v1/accounts/u-1003").exchange().expectStatus().isUnauthorized();
    }
}
