package dev.supportsuite.gateway.security.web;

/**
 * The console's cookies: the session (the agent's signed token; HttpOnly, SameSite=Strict) and the
 * CSRF token (readable by the console's script, which echoes it in {@link #CSRF_HEADER} on every write).
 */
public final class ConsoleCookies {

    public static final String SESSION = "support_console";
    public static final String CSRF = "support_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Where an agent signs in ({@code POST}); a stale session cookie is ignored there. */
    public static final String SIGN_IN_PATH = "/api/v1/console/session";

    private ConsoleCookies() {
    }
}
