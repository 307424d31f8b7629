package dev.supportsuite.agent.intent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTests {

    private final EntityExtractor extractor = new EntityExtractor(
            Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC),
            List.of("free", "starter", "pro", "enterprise"));

    @Test
    void findsTicketIdsInAnyCase() {
        assertThat(extractor.extract("any news on tkt-1042 and TKT-AB12-7?"))
                .extracting(Entity::type, Entity::value, Entity::text)
                .containsExactly(tuple("ticket_id", "TKT-1042", "tkt-1042"), tuple("ticket_id", "TKT-AB12-7", "TKT-AB12-7"));
    }

    @Test
    void findsEmailAddressesWithoutReadingThemAsAnythingElse() {
        List<Entity> entities = extractor.extract("change it to Jane.Doe+2026@Example.co.uk please");

        assertThat(entities).extracting(Entity::type, Entity::value)
                .containsExactly(tuple("email", "jane.doe+2026@example.co.uk"));
        assertThat(entities.get(0).start()).isEqualTo(13);
    }

    @Test
    void findsAmountsWithSymbolsAndCurrencyCodes() {
        assertThat(extractor.extract("I paid $12.50, then 12 EUR, then €9 and 1,200 dollars"))
                .extracting(Entity::type, Entity::value)
                .containsExactly(tuple("amount", "12.50 USD"), tuple("amount", "12.00 EUR"), tuple("amount", "9.00 EUR"),
                        tuple("amount", "1200.00 USD"));
    }

    @Test
    void findsDatesInSeveralFormsAndResolvesRelativeOnes() {
        assertThat(extractor.extract("charged on 2026-03-01, again March 3, on 03/14/2026, 5th of April 2025, "
                + "yesterday and today"))
                .extracting(Entity::type, Entity::value)
                .containsExactly(tuple("date", "2026-03-01"), tuple("date", "2026-03-03"), tuple("date", "2026-03-14"),
                        tuple("date", "2025-04-05"), tuple("date", "2026-03-09"), tuple("date", "2026-03-10"));
    }

    @Test
    void ignoresImpossibleDates() {
        assertThat(extractor.extract("code 2026-13-45 is not a date")).isEmpty();
    }

    @Test
    void findsPlanNamesOnlyWhereAPlanIsMeant() {
        assertThat(extractor.extract("I want to upgrade to Pro and drop the free plan"))
                .extracting(Entity::type, Entity::value)
                .containsExactly(tuple("plan", "pro"), tuple("plan", "free"));
        assertThat(extractor.extract("feel free to call me, I'm a pro at waiting")).isEmpty();
        assertThat(extractor.extract("what's included in pro")).extracting(Entity::type, Entity::value)
                .containsExactly(tuple("plan", "pro"));
    }

    @Test
    void findsSeveralKindsInOneMessage() {
        assertThat(extractor.extract("TKT-9 says I was billed $29 on the starter plan on 2026-02-28, mail me at a@b.io"))
                .extracting(Entity::type)
                .containsExactly("ticket_id", "amount", "plan", "date", "email");
    }
}
