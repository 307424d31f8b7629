package dev.supportsuite.ticket.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TicketIdsTests {

    @Test
    void idsAreReadableWithThePrefixAndCrockfordCharacters() {
        String id = TicketIds.next();
        assertThat(id).matches("TKT-[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(TicketIds.looksValid(id)).isTrue();
    }

    @Test
    void idsCreatedInOrderSortInOrderEvenWithinOneMillisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(TicketIds.next());
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertThat(sorted).isEqualTo(ids);
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }

    @Test
    void idsAreUniqueAcrossThreads() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 40_000).parallel().forEach(i -> ids.add(TicketIds.next()));
        assertThat(ids).hasSize(40_000);
    }

    @Test
    void rejectsMalformedIds() {
        assertThat(TicketIds.looksValid(null)).isFalse();
        assertThat(TicketIds.looksValid("TKT-1")).isFalse();
        assertThat(TicketIds.looksValid("tkt-01JABCDEFGHJKMNPQRSTVWXYZ0")).isFalse();
        assertThat(TicketIds.looksValid("TKT-01JABCDEFGHJKMNPQRSTVWXYZU")).isFalse();
        assertThat(TicketIds.looksValid("' or 1=1 --")).isFalse();
    }
}
