package dev.cognitoconsole.testing;

import java.util.List;

/**
 * Credentials that look real and are used by every integration test's AWS profile, so that the secret
 * scan after the suites can prove none of them reached a log, a settings file or the audit log.
 */
public final class Canaries {
    public static final String ACCESS_KEY_ID = "AKIACANARY7DONOTLOG1";
    public static final String SECRET_ACCESS_KEY = "canary/Secret+Key/MustNeverBeWritten/0001";
    public static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjCANARYSESSIONTOKEN/MustNeverBeWritten+0001==";
    /** What the token cache of an {@code aws login} profile holds: its session, refresh token and DPoP key. */
    public static final String LOGIN_ACCESS_KEY_ID = "ASIACANARY7DONOTLOG3";
    public static final String LOGIN_SECRET_ACCESS_KEY = "canary/Login+Secret/MustNeverBeWritten/0003";
    public static final String LOGIN_SESSION_TOKEN = "IQoJb3JpZ2luX2VjCANARYLOGINTOKEN/MustNeverBeWritten+0003==";
    public static final String LOGIN_REFRESH_TOKEN = "canary-login-refresh-token-MustNeverBeWritten-0003";
    public static final String LOGIN_DPOP_KEY = "canaryLoginDpopKey/MustNeverBeWritten+0003";

    private Canaries() {
    }

    /** The lines of a static-keys profile that carry the canaries. */
    public static String profileKeys() {
        return "aws_access_key_id = " + ACCESS_KEY_ID + "\n"
                + "aws_secret_access_key = " + SECRET_ACCESS_KEY + "\n"
                + "aws_session_token = " + SESSION_TOKEN + "\n";
    }

    public static List<String> all() {
        return List.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, LOGIN_ACCESS_KEY_ID, LOGIN_SECRET_ACCESS_KEY,
                LOGIN_SESSION_TOKEN, LOGIN_REFRESH_TOKEN, LOGIN_DPOP_KEY);
    }
}
