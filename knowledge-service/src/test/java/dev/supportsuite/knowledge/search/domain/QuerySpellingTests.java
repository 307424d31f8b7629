package dev.supportsuite.knowledge.search.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which words of a query may be corrected, and how a corrected query is written. */
class QuerySpellingTests {

    @Test
    void offersOnlyWordsOfLettersOfFiveOrMoreWithTwoEditsForLongOnes() {
        Map<String, Integer> candidates = QuerySpelling.candidates(
                "Where is invoice INV-2041 for acme.io, order 123456, SAML on my iPhone, and the authentcation?",
                word -> false);

        assertThat(candidates).containsExactly(entry("where", 1), entry("invoice", 1), entry("order", 1),
                entry("authentcation", 2));
    }

    @Test
    void leavesTheWordsOfTheLanguageAlone() {
        Dictionary english = Set.of("renew", "passport", "employee")::contains;

        assertThat(QuerySpelling.candidates("Renew the passport of an employee, pleese", english))
                .containsOnlyKeys("pleese");
    }

    @Test
    void writesTheReplacementsIntoTheQueryAsTyped() {
        String corrected = QuerySpelling.corrected("Cancle my subscripton?  (two factor authentcation) 2FA",
                Map.of("cancle", "cancel", "subscripton", "subscription", "authentcation", "authentication"));

        assertThat(corrected).isEqualTo("Cancel my subscription?  (two factor authentication) 2FA");
    }

    @Test
    void leavesAQueryWithoutReplacementsUntouched() {
        assertThat(QuerySpelling.corrected("wher r my invoces", Map.of())).isEqualTo("wher r my invoces");
        assertThat(QuerySpelling.corrected("INVOCES for order 12345", Map.of("invoces", "invoices")))
                .isEqualTo("INVOCES for order 12345");
    }
}
