package dev.supportsuite.gateway.security.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short-lived signed session tokens: {@code v1.<payload>.<signature>}, where the payload is
 * {@code type|id|expiry-epoch-seconds|display name} in base64url and the signature is
 * HMAC-SHA256 over it. Compact, dependency-free, and verified in constant time.
 */
public final class TokenCodec {

    private static final String PREFIX = "v1.";
    private static final Pattern SHAPE = Pattern.compile("v1\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration lifetime;
    private final Clock clock;

    public TokenCodec(byte[] key, Duration lifetime, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the token signing key needs at least 32 bytes");
        }
        this.key = key.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public static boolean looksLikeToken(String credential) {
        return credential.startsWith(PREFIX);
    }

    /** A token for {@code identity}, valid for the configured lifetime. */
    public IssuedToken issue(CallerIdentity identity) {
        Instant expires = clock.instant().plus(lifetime);
        String payload = String.join("|", identity.type(), identity.id(), Long.toString(expires.getEpochSecond()),
                identity.displayName() == null ? "" : identity.displayName());
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String signature = ENCODER.encodeToString(Hmac.sign(key, encoded));
        return new IssuedToken(PREFIX + encoded + "." + signature, expires);
    }

    /** The identity a token stands for; throws {@link AuthenticationException} if it is not valid now. */
    public CallerIdentity verify(String token) {
        Matcher parts = SHAPE.matcher(token);
        if (!parts.matches()) {
            throw new AuthenticationException("The token is malformed.");
        }
        byte[] expected = Hmac.sign(key, parts.group(1));
        byte[] given;
        try {
            given = DECODER.decode(parts.group(2));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("The token is malformed.");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new AuthenticationException("The token signature is not valid.");
        }
        String[] fields = new String(DECODER.decode(parts.group(1)), StandardCharsets.UTF_8).split("\\|", -1);
        if (fields.length != 4) {
            throw new AuthenticationException("The token is malformed.");
        }
        if (Instant.ofEpochSecond(Long.parseLong(fields[2])).isBefore(clock.instant())) {
            throw new AuthenticationException("The token has expired; start a new session.");
        }
        return new CallerIdentity(fields[0], fields[1], java.util.Set.of(), fields[3].isEmpty() ? null : fields[3]);
    }

    /** A token and when it stops being accepted. */
    public record IssuedToken(String token, Instant expiresAt) {
    }
}
