package dev.supportsuite.contracts.identity;

/**
 * HTTP headers carrying the verified caller from the gateway to the services. The gateway strips
 * them from every incoming request and sets them itself, so a client cannot forge them; services
 * trust these and never a user id from a request body.
 */
public final class IdentityHeaders {

    /** The kind of caller: one of the {@code TYPE_*} values. */
    public static final String TYPE = "X-Support-Identity-Type";
    /** The caller's id: user or visitor id, partner key id, or human agent id. */
    public static final String USER_ID = "X-Support-User-Id";
    /** Comma-separated scopes of a partner key, for example {@code chat,tickets:read}. */
    public static final String SCOPES = "X-Support-Scopes";
    /**
     * How a human agent is shown to customers ("Ana"), percent-encoded UTF-8 (as
     * {@code URLEncoder} writes it) so that any name fits in a header. Only for {@link #TYPE_AGENT}.
     */
    public static final String DISPLAY_NAME = "X-Support-Display-Name";

    /** A signed-in customer (verified by the host site's HMAC). */
    public static final String TYPE_USER = "user";
    /** An anonymous widget visitor: may chat and search knowledge, reaches no account data. */
    public static final String TYPE_VISITOR = "visitor";
    /** A partner integration with an API key and scopes. */
    public static final String TYPE_PARTNER = "partner";
    /** A human support agent signed in to the console. */
    public static final String TYPE_AGENT = "agent";

    private IdentityHeaders() {
    }
}
