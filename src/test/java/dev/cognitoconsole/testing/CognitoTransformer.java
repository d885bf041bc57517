package dev.cognitoconsole.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock transformer that makes Cognito's answers itself, for the stubs that keep state or compute pages: used
 * only by the stubs that name it, and answering in Cognito's shape (its JSON content type, a request id of its own
 * on every answer, errors as {@code __type} and {@code message}).
 */
public abstract class CognitoTransformer implements ResponseDefinitionTransformerV2 {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name;
    private final String requestIdPrefix;
    private final AtomicLong requestIds = new AtomicLong();

    /**
     * @param name            the name stubs give in {@code withTransformers}
     * @param requestIdPrefix the first 24 characters of the request ids (a UUID's first four groups), so that a
     *                        request id in a log says which stub answered
     */
    protected CognitoTransformer(String name, String requestIdPrefix) {
        this.name = name;
        this.requestIdPrefix = requestIdPrefix;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final boolean applyGlobally() {
        return false;
    }

    /** The next request id: the prefix, then the count of requests so far in 12 hex digits. */
    protected final String nextRequestId() {
        return String.format("%s%012x", requestIdPrefix, requestIds.incrementAndGet());
    }

    /** How many request ids were given out, one per request answered. */
    public final long requestsAnswered() {
        return requestIds.get();
    }

    /** An answer with this status, Cognito's content type and the request id, to add a body (or a fault) to. */
    public static ResponseDefinitionBuilder answer(int status, String requestId) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", CognitoStub.CONTENT_TYPE)
                .withHeader(CognitoStub.REQUEST_ID_HEADER, requestId);
    }

    /** A 200 with this JSON body. */
    public static ResponseDefinition ok(String body, String requestId) {
        return answer(200, requestId).withBody(body).build();
    }

    /** A 200 with this JSON body, already encoded. */
    public static ResponseDefinition ok(byte[] body, String requestId) {
        return answer(200, requestId).withBody(body).build();
    }

    /** Cognito's error: {@code {"__type": type, "message": message}} with this status. */
    public static ResponseDefinition error(int status, String type, String message, String requestId) {
        return CognitoStub.errorResponse(status, type, message, requestId).build();
    }

    /** The request's JSON body, or {@code null} when it is not JSON (answer {@link #malformed} then). */
    protected static JsonNode jsonBody(ServeEvent serveEvent) {
        try {
            return JSON.readTree(serveEvent.getRequest().getBody());
        } catch (IOException e) {
            return null;
        }
    }

    /** Cognito's answer to a body that is not JSON. */
    protected static ResponseDefinition malformed(String requestId) {
        return error(400, "SerializationException", "Malformed request body", requestId);
    }
}
