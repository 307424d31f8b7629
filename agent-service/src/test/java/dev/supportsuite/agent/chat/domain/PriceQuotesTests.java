package dev.supportsuite.agent.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceQuotesTests {

    private static final String PRICE_LIST = "There are four plans. Free: up to 5 members, 3 projects and 2 GB of "
            + "storage. Team: $8 per member per month billed annually ($10 monthly), unlimited projects. Business: "
            + "$15 per member per month billed annually ($18 monthly), adds the audit log. Enterprise: custom "
            + "pricing, adds SAML SSO.";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"how much would it cost for 12 people?|12", "price for 12 users|12",
        "what would Business cost for twenty seats?|20", "we're a team of 8, how much is the Team plan?|8",
        "how much do 1,200 licenses cost?|1200", "how much for a 30-person company?|30",
        "what's the price for 3 more members|3", "what would we pay for 15 users?|15"})
    void aPriceQuestionNamesHowManyPeople(String text, int people) {
        assertThat(PriceQuotes.headcountAskedAbout(text)).as(text).isEqualTo(OptionalInt.of(people));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"how much does Pennant cost?", "can I add 3 more members?",
        "I was charged for 12 seats but we only have 10, how much should it cost?", "12 people can't log in",
        "how much for 0 people?", "what would we pay for the Team plan?"})
    void noQuoteWithoutBothAPriceToWorkOutAndAHeadcount(String text) {
        assertThat(PriceQuotes.headcountAskedAbout(text)).as(text).isEmpty();
    }

    @Test
    void perMemberPricesAreReadFromThePriceList() {
        assertThat(PriceQuotes.pricesIn(PRICE_LIST)).containsExactly(
                new PriceQuotes.PlanPrice("Team", new BigDecimal("8"), new BigDecimal("10")),
                new PriceQuotes.PlanPrice("Business", new BigDecimal("15"), new BigDecimal("18")));
        assertThat(PriceQuotes.pricesIn("Pro: $12.50 per user per month")).containsExactly(
                new PriceQuotes.PlanPrice("Pro", null, new BigDecimal("12.50")));
        assertThat(PriceQuotes.pricesIn("Plans start at ten dollars.")).isEmpty();
    }

    @Test
    void aPlanIsNamedByItsNameOrAsAPlan() {
        PriceQuotes.PlanPrice team = new PriceQuotes.PlanPrice("Team", new BigDecimal("8"), new BigDecimal("10"));

        assertThat(team.namedIn("what would Team cost for 12 people?")).isTrue();
        assertThat(team.namedIn("how much is the team plan for 12 users")).isTrue();
        assertThat(team.namedIn("we're a team of 8, how much would it cost?")).isFalse();
        assertThat(team.namedIn("how much would my whole team of 12 pay")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"how much would we save by switching to annual billing?|true",
        "is yearly billing cheaper?|true", "what's the discount for paying annually?|true",
        "how much less is it per year?|true", "can I switch to annual billing?|false",
        "how do I save my project as a template?|false", "I was charged the annual price, can I save anything?|false"})
    void aQuestionAboutWhatPayingAnnuallySavesIsRead(String text, boolean asks) {
        assertThat(PriceQuotes.asksWhatAnnualSaves(text)).as(text).isEqualTo(asks);
    }

    @Test
    void whatPayingAnnuallySavesIsWorkedOut() {
        PriceQuotes.PlanPrice team = new PriceQuotes.PlanPrice("Team", new BigDecimal("8"), new BigDecimal("10"));
        PriceQuotes.PlanPrice business = new PriceQuotes.PlanPrice("Business", new BigDecimal("15"),
                new BigDecimal("18"));

        assertThat(team.saving(OptionalInt.empty()))
                .isEqualTo("Team: $8 per member a month billed annually, against $10 billed monthly, 20% less");
        assertThat(business.saving(OptionalInt.of(12))).isEqualTo("Business: $15 per member a month billed annually, "
                + "against $18 billed monthly, 17% less; for 12 people $2,160 a year instead of $2,592, $432 saved");
    }

    @Test
    void aPlanPriceIsWorkedOutForTheHeadcount() {
        assertThat(new PriceQuotes.PlanPrice("Team", new BigDecimal("8"), new BigDecimal("10")).describe(12))
                .isEqualTo("Team: $96 a month billed annually ($1,152 a year), or $120 billed monthly");
        assertThat(new PriceQuotes.PlanPrice("Pro", null, new BigDecimal("12.50")).describe(3))
                .isEqualTo("Pro: $37.50 billed monthly");
    }
}
