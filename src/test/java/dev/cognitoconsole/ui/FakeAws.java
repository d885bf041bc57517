package dev.cognitoconsole.ui;

import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.testing.Closing;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The AWS side of a UI test class: a Cognito endpoint (WireMock stub, stateful stub or cognito-local) started once
 * before the class's tests, AWS files whose profile's {@code endpoint_url} points at it, all in a folder of its own,
 * closed and deleted after them. Register it in a static field, next to the class's own stubbing:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeAws<CognitoStub> aws = FakeAws.stub(SomeUiIT::stub);
 *
 * private static void stub(CognitoStub cognito) {
 *     cognito.listPools(new CognitoStub.Pool(POOL_ID, "Some pool"));
 * }
 * }</pre>
 *
 * <p>It is ready before the class's {@code @BeforeAll} methods run and closed after its {@code @AfterAll} methods.
 *
 * @param <S> the endpoint's type
 */
final class FakeAws<S extends AutoCloseable> implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Function<Path, S> start;
    private final Function<S, URI> endpoint;
    private final Consumer<S> prepare;
    private final Consumer<S> beforeEachTest;
    private Path dir;
    private S cognito;
    private AwsConfigFiles files;

    private FakeAws(Function<Path, S> start, Function<S, URI> endpoint, Consumer<S> prepare,
                    Consumer<S> beforeEachTest) {
        this.start = start;
        this.endpoint = endpoint;
        this.prepare = prepare;
        this.beforeEachTest = beforeEachTest;
    }

    /**
     * A {@link CognitoStub} answering as {@code stubbing} sets it up. Each test's console is new, so before each test
     * the stub forgets the requests and the scenario states of the last: counts and scenarios start afresh.
     */
    static FakeAws<CognitoStub> stub(Consumer<CognitoStub> stubbing) {
        return new FakeAws<>(dir -> CognitoStub.start(), CognitoStub::endpoint, stubbing, cognito -> {
            cognito.server().resetRequests();
            cognito.server().resetScenarios();
        });
    }

    /**
     * An endpoint {@code start} starts, given a folder of its own to work in, and {@code endpoint} locates; it keeps
     * its state from one test to the next.
     */
    static <S extends AutoCloseable> FakeAws<S> of(Function<Path, S> start, Function<S, URI> endpoint) {
        return of(start, endpoint, cognito -> { });
    }

    /** As {@link #of(Function, Function)}, filled by {@code prepare} once started. */
    static <S extends AutoCloseable> FakeAws<S> of(Function<Path, S> start, Function<S, URI> endpoint,
                                                   Consumer<S> prepare) {
        return new FakeAws<>(start, endpoint, prepare, cognito -> { });
    }

    /** The endpoint, to stub further or to ask what reached it. */
    S cognito() {
        return cognito;
    }

    /** AWS files whose profile {@value AwsConfigFiles#PROFILE} points at the endpoint. */
    AwsConfigFiles files() {
        return files;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("ui-it-aws-");
        cognito = start.apply(dir);
        prepare.accept(cognito);
        files = AwsConfigFiles.write(dir.resolve("aws"), endpoint.apply(cognito));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        beforeEachTest.accept(cognito);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            Closing.closeAll(cognito);
        } finally {
            Trees.delete(dir);
        }
    }
}
