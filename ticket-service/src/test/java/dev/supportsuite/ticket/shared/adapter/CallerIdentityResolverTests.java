package dev.supportsuite.ticket.shared.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.ticket.shared.CallerIdentity;
import dev.supportsuite.ticket.shared.UnauthenticatedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CallerIdentityResolverTests {

    @Test
    void anAgentIsShownByTheDisplayNameTheGatewaySent() {
        CallerIdentity agent = CallerIdentityResolver.read(headers("agent", "zoe", "Zo%C3%AB+Martin"));

        assertThat(agent.isAgent()).isTrue();
        assertThat(agent.displayName()).isEqualTo("Zoë Martin");
        assertThat(agent.shownAs()).isEqualTo("Zoë Martin");
    }

    @Test
    void aMalformedOrMissingDisplayNameFallsBackToTheId() {
        assertThat(CallerIdentityResolver.read(headers("agent", "zoe", "%ZZ")).shownAs()).isEqualTo("zoe");
        assertThat(CallerIdentityResolver.read(headers("agent", "zoe", "a%0Ab")).shownAs()).isEqualTo("zoe");
        assertThat(CallerIdentityResolver.read(headers("agent", "zoe", null)).shownAs()).isEqualTo("zoe");
    }

    @Test
    void onlyAgentsCarryADisplayName() {
        assertThat(CallerIdentityResolver.read(headers("user", "u-1", "Boss")).displayName()).isNull();
    }

    @Test
    void aRequestWithoutIdentityIsRefused() {
        assertThatThrownBy(() -> CallerIdentityResolver.read(new HttpHeaders()))
                .isInstanceOf(UnauthenticatedException.class);
    }

    private static HttpHeaders headers(String type, String id, String displayName) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(IdentityHeaders.TYPE, type);
        headers.set(IdentityHeaders.USER_ID, id);
        if (displayName != null) {
            headers.set(IdentityHeaders.DISPLAY_NAME, displayName);
        }
        return headers;
    }
}
