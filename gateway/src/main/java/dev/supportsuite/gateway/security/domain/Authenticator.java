package dev.supportsuite.gateway.security.domain;

/**
 * Turns the credential a request presents into a verified identity: a session token
 * ({@code v1.…}), a partner key ({@code sk_…}) or the admin key. No credential means anonymous; a
 * wrong one is an {@link AuthenticationException}, never a silent downgrade to anonymous.
 */
public final class Authenticator {

    private final TokenCodec tokens;
    private final ApiKeyRegistry apiKeys;
    private final String adminKeyHash;

    public Authenticator(TokenCodec tokens, ApiKeyRegistry apiKeys, String adminKeyHash) {
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.adminKeyHash = adminKeyHash;
    }

    public CallerIdentity authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            return CallerIdentity.anonymous();
        }
        if (TokenCodec.looksLikeToken(credential)) {
            return tokens.verify(credential);
        }
        if (credential.startsWith(ApiKeyRegistry.KEY_PREFIX)) {
            return apiKeys.authenticate(credential)
                    .orElseThrow(() -> new AuthenticationException("The API key is not valid."));
        }
        if (adminKeyHash != null && Hmac.equalsConstantTime(adminKeyHash, Hmac.sha256Hex(credential))) {
            return new CallerIdentity("admin", "admin", java.util.Set.of(), null);
        }
        throw new AuthenticationException("The credential is not valid.");
    }
}
