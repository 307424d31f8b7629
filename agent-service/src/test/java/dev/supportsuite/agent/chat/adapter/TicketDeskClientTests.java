package dev.supportsuite.agent.chat.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.agent.chat.domain.SupportDesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TicketDeskClientTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "api_calls|512000|1000000|false|API calls 512,000 of 1,000,000",
        "seats|61|100|false|seats 61 of 100",
        "storage_mb|210000|500000|false|storage 210 GB of 500 GB",
        "storage_mb|12850|20000|false|storage 12.9 GB of 20 GB",
        "storage_mb|900|1000|false|storage 900 MB of 1 GB",
        "conversations|1200|1000|true|conversations 1,200 of 1,000 (over the limit)",
        "conversations|48000|-|false|conversations 48,000 (no limit)"})
    void usageReadsAsACustomerWouldSayIt(String metric, long used, Long limit, boolean over, String line) {
        assertThat(TicketDeskClient.usageLine(metric, used, limit, over)).isEqualTo(line);
    }

    @Test
    void anAccountsLatestInvoiceIsReadLineByLine() {
        JsonNode body = JsonMapper.builder().build().readTree("""
                {"profile": {"name": "Ada Lovelace"}, "plan": {"name": "Team", "monthlyPriceCents": 3000,
                 "currency": "USD"}, "subscription": {"status": "active", "renewsAt": "2026-12-06T00:00:00Z"},
                 "usage": [], "latestInvoice": {"number": "INV-2026-0042", "status": "paid", "currency": "USD",
                 "totalCents": 18480, "lines": [
                   {"description": "Team plan, monthly subscription", "quantity": 1, "unitPriceCents": 18000,
                    "amountCents": 18000},
                   {"description": "API overage (per 1,000 calls)", "quantity": 12, "unitPriceCents": 40,
                    "amountCents": 480}]}}
                """);

        SupportDesk.Account account = TicketDeskClient.account(body);

        assertThat(account.latestInvoice()).isEqualTo("INV-2026-0042, 184.80 USD, paid");
        assertThat(account.latestInvoiceLines()).containsExactly("Team plan, monthly subscription: 180.00 USD",
                "API overage (per 1,000 calls): 12 × 0.40 USD = 4.80 USD");
    }
}
