package dev.cognitoconsole.testing;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Cognito stub on 127.0.0.1 for a test class: started once before the class's tests, reset after each test and
 * stopped after the class. Register it in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CognitoStubExtension<CognitoStub> cognito = CognitoStubExtension.cognitoStub();
 *
 * @Test
 * void someTest() {
 *     cognito.stub().ok("AdminDisableUser");
 *     ...
 * }
 * }</pre>
 *
 * <p>It is ready before the class's {@code @BeforeAll} methods run, resets after its {@code @AfterEach} methods
 * and stops after its {@code @AfterAll} methods.
 *
 * @param <S> the stub's type
 */
public final class CognitoStubExtension<S extends AutoCloseable>
        implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final Supplier<S> start;
    private final Consumer<S> reset;
    private S stub;

    private CognitoStubExtension(Supplier<S> start, Consumer<S> reset) {
        this.start = start;
        this.reset = reset;
    }

    /** A {@link CognitoStub} that forgets every stub and request after each test. */
    public static CognitoStubExtension<CognitoStub> cognitoStub() {
        return new CognitoStubExtension<>(CognitoStub::start, CognitoStub::reset);
    }

    /** A {@link StatefulCognito} whose request counts start afresh after each test; its pools stay as they are. */
    public static CognitoStubExtension<StatefulCognito> statefulCognito() {
        return new CognitoStubExtension<>(StatefulCognito::start, StatefulCognito::resetCounts);
    }

    /** The running stub. */
    public S stub() {
        if (stub == null) {
            throw new IllegalStateException("The stub starts before the class's tests: register the extension"
                    + " in a static field with @RegisterExtension");
        }
        return stub;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stub = start.get();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset.accept(stub);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        S running = stub;
        stub = null;
        running.close();
    }
}
