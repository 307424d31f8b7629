package dev.supportsuite.gateway.security.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/** Request and response records of the session and admin endpoints. */
final class SessionRequests {

    private SessionRequests() {
    }

    /** A verified widget user: the host site's user id and its HMAC. Both absent: anonymous visitor. */
    record WidgetSessionRequest(
            @JsonProperty("user_id") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}") String userId,
            @JsonProperty("user_hash") @Size(max = 128) String userHash) {
    }

    record SessionResponse(
            String token,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("user_id") String userId,
            @JsonProperty("identity_type") String identityType,
            @JsonProperty("display_name") String displayName) {
    }

    record AgentSignInRequest(@NotBlank @Size(max = 128) String username, @NotBlank @Size(max = 256) String password) {
    }

    record CreateApiKeyRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String id,
            Set<String> scopes) {
    }

    record ApiKeyResponse(String id, String key, Set<String> scopes) {
    }
}
