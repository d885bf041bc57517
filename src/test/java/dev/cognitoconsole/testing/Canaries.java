package dev.cognitoconsole.testing;

import java.util.List;

/**
 * Secrets that look real and that the tests plant (AWS profiles, SSO token caches, stubbed sign-in answers),
 * so that the secret scan after the suites can prove none of them reached a log, a settings file, the audit
 * log, an export or the tests' captured output. Every kind of secret a test plants has one here.
 */
public final class Canaries {
    /** In every planted secret, here and in the stubs' (AwsServicesStub): the scan finds any of them by it. */
    public static final String MARK = "MustNeverBeWritten";
    public static final String ACCESS_KEY_ID = "AKIACANARY7DONOTLOG1";
    public static final String SECRET_ACCESS_KEY = "canary/Secret+Key/MustNeverBeWritten/0001";
    public static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjCANARYSESSIONTOKEN/MustNeverBeWritten+0001==";
    /** What the token cache of an {@code aws login} profile holds: its session, refresh token and DPoP key. */
    public static final String LOGIN_ACCESS_KEY_ID = "ASIACANARY7DONOTLOG3";
    public static final String LOGIN_SECRET_ACCESS_KEY = "canary/Login+Secret/MustNeverBeWritten/0003";
    public static final String LOGIN_SESSION_TOKEN = "IQoJb3JpZ2luX2VjCANARYLOGINTOKEN/MustNeverBeWritten+0003==";
    public static final String LOGIN_REFRESH_TOKEN = "canary-login-refresh-token-MustNeverBeWritten-0003";
    public static final String LOGIN_DPOP_KEY = "canaryLoginDpopKey/MustNeverBeWritten+0003";
    /** The SSO sign-in's answers: what lands in ~/.aws/sso/cache and nowhere else. */
    public static final String SSO_ACCESS_TOKEN = "aoaCANARYSsoAccessToken/MustNeverBeWritten+0004";
    public static final String SSO_REFRESHED_ACCESS_TOKEN = "aoaCANARYSsoRefreshedToken/MustNeverBeWritten+0008";
    public static final String SSO_REFRESH_TOKEN = "aorCANARYSsoRefreshToken/MustNeverBeWritten+0005";
    public static final String SSO_CLIENT_SECRET = "eyJraWQiOiJDQU5BUlkifQ.CANARYClientSecret.MustNeverBeWritten0007";
    /** The AWS documentation's example secret key, which src/test/packaging/smoke-test.sh plants. */
    public static final String SMOKE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

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
                LOGIN_SESSION_TOKEN, LOGIN_REFRESH_TOKEN, LOGIN_DPOP_KEY, SSO_ACCESS_TOKEN, SSO_REFRESHED_ACCESS_TOKEN,
                SSO_REFRESH_TOKEN, SSO_CLIENT_SECRET, SMOKE_SECRET_ACCESS_KEY);
    }
}
