package dev.supportsuite.gateway.security.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenCodecTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final TokenCodec codec = new TokenCodec(KEY, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verifiesWhatItIssued() {
        String token = codec.issue(new CallerIdentity("agent", "ana", java.util.Set.of(), "Ana")).token();
        CallerIdentity identity = codec.verify(token);
        assertThat(identity.type()).isEqualTo("agent");
        assertThat(identity.id()).isEqualTo("ana");
        assertThat(identity.displayName()).isEqualTo("Ana");
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        TokenCodec other = new TokenCodec("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));
        String foreign = other.issue(CallerIdentity.user("u1")).token();
        assertThatThrownBy(() -> codec.verify(foreign)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void rejectsAPayloadChangedAfterSigning() {
        String token = codec.issue(CallerIdentity.user("u1")).token();
        String[] parts = token.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("agent|u1|9999999999|".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> codec.verify(parts[0] + "." + forgedPayload + "." + parts[2]))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void rejectsAnExpiredToken() {
        TokenCodec later = new TokenCodec(KEY, Duration.ofHours(1),
                Clock.fixed(NOW.plus(Duration.ofMinutes(61)), ZoneOffset.UTC));
        String token = codec.issue(CallerIdentity.user("u1")).token();
        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("expired");
    }
}
