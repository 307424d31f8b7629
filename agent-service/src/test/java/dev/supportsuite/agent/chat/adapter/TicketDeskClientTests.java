package dev.supportsuite.agent.chat.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
