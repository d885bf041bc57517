package dev.cognitoconsole.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * STS, IAM Identity Center (SSO) and its OIDC service on one WireMock server on 127.0.0.1, speaking what the
 * SDK speaks: STS is awsQuery (form POST to {@code /}, XML answers), SSO is REST-JSON ({@code GET
 * /federation/credentials} with the {@code x-amz-sso_bearer_token} header), SSO-OIDC is REST-JSON ({@code POST
 * /client/register}, {@code /device_authorization}, {@code /token}; errors as HTTP 400
 * {@code {"error":"authorization_pending"}} with the error type in {@code x-amzn-ErrorType}, as the service
 * sends them).
 *
 * <p>Point the console at it with a {@link #servicesSection services section}, as an operator would.
 */
public final class AwsServicesStub implements AutoCloseable {
    /** What the stubbed STS and SSO hand out: real-looking, so that the secret scan would find a leak. */
    public static final String ROLE_KEY_ID = "ASIASTUBROLESESSION1";
    public static final String ROLE_SECRET = "stub/Role+Secret/MustNeverBeWritten/0002";
    public static final String ROLE_TOKEN = "IQoJb3JpZ2luX2VjSTUBROLETOKEN/MustNeverBeWritten+0002==";
    public static final String SSO_KEY_ID = "ASIASTUBSSOSESSION01";
    public static final String SSO_SECRET = "stub/Sso+Secret/MustNeverBeWritten/0003";
    public static final String SSO_TOKEN = "IQoJb3JpZ2luX2VjSTUBSSOTOKEN/MustNeverBeWritten+0003==";
    /** The device-code flow's values, all secret but the user code. */
    public static final String ACCESS_TOKEN = Canaries.SSO_ACCESS_TOKEN;
    public static final String REFRESH_TOKEN = Canaries.SSO_REFRESH_TOKEN;
    public static final String CLIENT_ID = "stub-client-id-0006";
    public static final String CLIENT_SECRET = Canaries.SSO_CLIENT_SECRET;
    public static final String DEVICE_CODE = "stub-device-code-0008";
    public static final String USER_CODE = "ABCD-EFGH";

    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String TOKEN_SCENARIO = "token";

    private final WireMockServer server;
    private boolean errorTypeHeader = true;

    private AwsServicesStub(WireMockServer server) {
        this.server = server;
    }

    public static AwsServicesStub start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        server.start();
        return new AwsServicesStub(server);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * A {@code [services name]} section sending STS, SSO and SSO-OIDC here, and Cognito to {@code cognito}: the
     * keys are the SDK's service ids in lower snake case.
     */
    public String servicesSection(String name, URI cognito) {
        return "[services " + name + "]\n"
                + "cognito_identity_provider =\n  endpoint_url = " + cognito + "\n"
                + "sts =\n  endpoint_url = " + endpoint() + "\n"
                + "sso =\n  endpoint_url = " + endpoint() + "\n"
                + "sso_oidc =\n  endpoint_url = " + endpoint() + "\n";
    }

    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    // STS

    /** AssumeRole answers a session that expires at {@code expiration}. */
    public AwsServicesStub assumeRole(Instant expiration) {
        String xml = "<AssumeRoleResponse xmlns=\"" + STS_NS + "\"><AssumeRoleResult>" + credentialsXml(expiration)
                + "<AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/Support/s"
                + "</Arn><AssumedRoleId>AROASTUB:s</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                + "</AssumeRoleResponse>";
        return stsAnswers("AssumeRole", 200, xml);
    }

    /** AssumeRoleWithWebIdentity answers the role session that expires at {@code expiration}, for any token. */
    public AwsServicesStub assumeRoleWithWebIdentity(Instant expiration) {
        String xml = "<AssumeRoleWithWebIdentityResponse xmlns=\"" + STS_NS + "\"><AssumeRoleWithWebIdentityResult>"
                + credentialsXml(expiration) + "<SubjectFromWebIdentityToken>system:serviceaccount:ci:deployer"
                + "</SubjectFromWebIdentityToken></AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>"
                + UUID.randomUUID() + "</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>";
        return stsAnswers("AssumeRoleWithWebIdentity", 200, xml);
    }

    /** The form bodies of the AssumeRoleWithWebIdentity requests received. */
    public List<String> webIdentityRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                        .withRequestBody(containing("Action=AssumeRoleWithWebIdentity&"))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
    }

    private static String credentialsXml(Instant expiration) {
        return "<Credentials><AccessKeyId>" + ROLE_KEY_ID + "</AccessKeyId><SecretAccessKey>" + ROLE_SECRET
                + "</SecretAccessKey><SessionToken>" + ROLE_TOKEN + "</SessionToken><Expiration>" + expiration
                + "</Expiration></Credentials>";
    }

    /** AssumeRole fails as STS fails: an XML ErrorResponse. */
    public AwsServicesStub assumeRoleError(int status, String code, String message) {
        String xml = "<ErrorResponse xmlns=\"" + STS_NS + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>" + UUID.randomUUID()
                + "</RequestId></ErrorResponse>";
        return stsAnswers("AssumeRole", status, xml);
    }

    /** GetCallerIdentity answers this ARN in account 111122223333. */
    public AwsServicesStub callerIdentity(String arn) {
        return callerIdentity(arn, "111122223333");
    }

    /** GetCallerIdentity answers this ARN in this account (the latest answer set wins). */
    public AwsServicesStub callerIdentity(String arn, String account) {
        String xml = "<GetCallerIdentityResponse xmlns=\"" + STS_NS + "\"><GetCallerIdentityResult><Arn>" + arn
                + "</Arn><UserId>AROASTUB:s</UserId><Account>" + account + "</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                + "</GetCallerIdentityResponse>";
        return stsAnswers("GetCallerIdentity", 200, xml);
    }

    /** The access key ids that signed the GetCallerIdentity requests received. */
    public List<String> callerIdentitySignedWith() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                        .withRequestBody(containing("Action=GetCallerIdentity"))).stream()
                .map(r -> r.getHeader("Authorization").replaceAll(".*Credential=([A-Z0-9]+)/.*", "$1")).toList();
    }

    private AwsServicesStub stsAnswers(String action, int status, String xml) {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(xml)));
        return this;
    }

    /** The form bodies of the AssumeRole requests received. */
    public List<String> assumeRoleRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                        .withRequestBody(containing("Action=AssumeRole"))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
    }

    // SSO

    /** GetRoleCredentials answers for {@code accessToken} only; any other token gets 401 UnauthorizedException. */
    public AwsServicesStub roleCredentials(String accessToken, Instant expiration) {
        server.stubFor(get(urlPathEqualTo("/federation/credentials")).atPriority(5)
                .willReturn(restJsonError(401, "UnauthorizedException", "{\"message\":\"Session token not found or invalid\"}")));
        server.stubFor(get(urlPathEqualTo("/federation/credentials")).atPriority(1)
                .withHeader("x-amz-sso_bearer_token", equalTo(accessToken))
                .willReturn(json(200, "{\"roleCredentials\":{\"accessKeyId\":\"" + SSO_KEY_ID
                        + "\",\"secretAccessKey\":\"" + SSO_SECRET + "\",\"sessionToken\":\"" + SSO_TOKEN
                        + "\",\"expiration\":" + expiration.toEpochMilli() + "}}")));
        return this;
    }

    public int roleCredentialRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/federation/credentials"))).size();
    }

    // SSO-OIDC

    /** RegisterClient and StartDeviceAuthorization succeed; the code lasts {@code expiresIn} seconds. */
    public AwsServicesStub deviceAuthorization(int expiresIn, int interval) {
        server.stubFor(post(urlEqualTo("/client/register")).willReturn(json(200, "{\"clientId\":\"" + CLIENT_ID
                + "\",\"clientSecret\":\"" + CLIENT_SECRET + "\",\"clientIdIssuedAt\":1700000000,"
                + "\"clientSecretExpiresAt\":4102444800}")));
        server.stubFor(post(urlEqualTo("/device_authorization")).willReturn(json(200, "{\"deviceCode\":\""
                + DEVICE_CODE + "\",\"userCode\":\"" + USER_CODE + "\","
                + "\"verificationUri\":\"https://device.sso.us-east-1.amazonaws.com/\","
                + "\"verificationUriComplete\":\"https://device.sso.us-east-1.amazonaws.com/?user_code=" + USER_CODE
                + "\",\"expiresIn\":" + expiresIn + ",\"interval\":" + interval + "}")));
        return this;
    }

    /**
     * CreateToken with the device code answers these OAuth errors in turn (such as {@code authorization_pending},
     * {@code slow_down}), then {@code last}: a token when {@code null}, else that error for good.
     */
    public AwsServicesStub deviceTokenAfter(List<String> errors, String last) {
        String state = Scenario.STARTED;
        for (int i = 0; i < errors.size(); i++) {
            String next = "answer-" + (i + 1);
            server.stubFor(post(urlEqualTo("/token")).inScenario(TOKEN_SCENARIO).whenScenarioStateIs(state)
                    .withRequestBody(matchingJsonPath("$.deviceCode", equalTo(DEVICE_CODE)))
                    .willReturn(oauthError(errors.get(i))).willSetStateTo(next));
            state = next;
        }
        server.stubFor(post(urlEqualTo("/token")).inScenario(TOKEN_SCENARIO).whenScenarioStateIs(state)
                .withRequestBody(matchingJsonPath("$.deviceCode", equalTo(DEVICE_CODE)))
                .willReturn(last == null ? json(200, tokenJson(ACCESS_TOKEN)) : oauthError(last)));
        return this;
    }

    /** CreateToken with the refresh token answers a new access token {@code accessToken}. */
    public AwsServicesStub refreshGives(String accessToken) {
        server.stubFor(post(urlEqualTo("/token"))
                .withRequestBody(matchingJsonPath("$.grantType", equalTo("refresh_token")))
                .withRequestBody(matchingJsonPath("$.refreshToken", equalTo(REFRESH_TOKEN)))
                .willReturn(json(200, tokenJson(accessToken))));
        return this;
    }

    /** The JSON bodies of the requests to an SSO-OIDC path such as {@code /token}. */
    public List<String> oidcRequests(String path) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(path)))
                .stream().map(LoggedRequest::getBodyAsString).toList();
    }

    private static String tokenJson(String accessToken) {
        return "{\"accessToken\":\"" + accessToken + "\",\"tokenType\":\"Bearer\",\"expiresIn\":28800,"
                + "\"refreshToken\":\"" + REFRESH_TOKEN + "\"}";
    }

    /**
     * SSO-OIDC errors set up from now on carry only the OAuth body {@code {"error":"..."}}, without the
     * {@code x-amzn-ErrorType} header from which the SDK picks the exception class.
     */
    public AwsServicesStub oauthErrorsWithoutErrorType() {
        errorTypeHeader = false;
        return this;
    }

    // authorization_pending → AuthorizationPendingException, as the service names its errors.
    private ResponseDefinitionBuilder oauthError(String error) {
        String body = "{\"error\":\"" + error + "\",\"error_description\":\"" + error.replace('_', ' ') + "\"}";
        if (!errorTypeHeader) {
            return json(400, body);
        }
        StringBuilder type = new StringBuilder();
        for (String part : error.split("_")) {
            type.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return restJsonError(400, type + "Exception", body);
    }

    private static ResponseDefinitionBuilder restJsonError(int status, String type, String body) {
        return json(status, body).withHeader("x-amzn-ErrorType", type);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(body);
    }
}
