package dev.cognitoconsole.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoStubExtension;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's least-privilege policy names exactly the Cognito actions the console calls: every method of
 * {@link UserDirectory}, the only door to Cognito, is called over real HTTP and the stub records which actions
 * arrived. A new call without its permission in the README, or a permission the code no longer needs, fails here.
 */
class IamPolicyIT {
    private static final Pattern POLICY = Pattern.compile(
            "### Least-privilege IAM policy.*?```json\\s*(\\{.*?})\\s*```", Pattern.DOTALL);

    @RegisterExtension
    static final CognitoStubExtension<CognitoStub> cognito = CognitoStubExtension.cognitoStub();

    @TempDir
    Path dir;

    @Test
    void theReadmePolicyAllowsExactlyTheActionsTheDirectoryCalls() throws IOException {
        ProfileCatalog catalog = ItFixtures.catalog(dir, cognito.stub().endpoint());
        Connection connection = ItFixtures.connection(catalog, ItFixtures.PROFILE, ItFixtures.REGION);
        try (CognitoClients clients = new CognitoClients(catalog, ItFixtures.settings(1))) {
            SdkUserDirectory directory = new SdkUserDirectory(clients, RateBudgets.unlimited());
            for (Method method : UserDirectory.class.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers())) {
                    call(directory, method, connection);
                }
            }
        }

        assertThat(readmeActions()).isEqualTo(calledActions());
    }

    // Every answer is the stub's catch-all error: only which action arrived matters here.
    private static void call(UserDirectory directory, Method method, Connection connection) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = argument(types[i], connection);
        }
        try {
            method.invoke(directory, args);
        } catch (InvocationTargetException expected) {
            // The catch-all answer is an error; the request has been recorded.
        } catch (IllegalAccessException e) {
            throw new AssertionError(method + " cannot be called", e);
        }
    }

    private static Object argument(Class<?> type, Connection connection) {
        if (type == Connection.class) {
            return connection;
        }
        if (type == String.class) {
            return "us-east-1_Policy1";
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        return null;
    }

    private static Set<String> calledActions() {
        Set<String> actions = new TreeSet<>();
        for (LoggedRequest request : cognito.stub().server().findAll(anyRequestedFor(anyUrl()))) {
            actions.add("cognito-idp:" + CognitoStub.operationOf(request.getHeader("X-Amz-Target")));
        }
        return actions;
    }

    private static Set<String> readmeActions() throws IOException {
        Matcher policy = POLICY.matcher(Files.readString(Path.of("README.md")));
        assertThat(policy.find()).as("README.md has a least-privilege policy in a json block").isTrue();
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : new ObjectMapper().readTree(policy.group(1)).path("Statement")) {
            JsonNode action = statement.path("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(action.asText());
            }
        }
        return actions;
    }
}
