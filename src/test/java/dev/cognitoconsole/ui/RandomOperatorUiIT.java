package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.await;
import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.app.Console;
import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditLog;
import dev.cognitoconsole.common.AppPaths;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.StatefulCognito;
import dev.cognitoconsole.testing.StatefulCognito.Fault;
import dev.cognitoconsole.testing.StatefulCognito.FaultPlan;
import dev.cognitoconsole.users.UserRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A random operator: two thousand actions (switch pool, search, clear, refresh, stop, continue, disable, enable,
 * confirm or cancel, the banner's buttons) on the real console, against a stub that keeps state and answers with
 * random latency and a fault in one answer of four. The seed is printed; {@code -Drandom.seed} repeats its choices
 * (what they meet still depends on timing) and {@code -Drandom.actions} changes the count. Afterwards: nothing was
 * thrown on any thread, the UI state changed only on the FX thread, the table shows what the server holds, and every write has exactly one audit attempt and one
 * outcome.
 */
@ExtendWith(ApplicationExtension.class)
class RandomOperatorUiIT {
    private static final long SEED = Long.getLong("random.seed", 20261125L);
    private static final int ACTIONS = Integer.getInteger("random.actions", 2000);
    private static final List<String> POOLS = List.of("us-east-1_RandomA", "us-east-1_RandomB", "us-east-1_RandomC");
    /** Share of requests answered with a fault (the SDK retries once, so about one in twenty reaches the operator). */
    private static final double FAULT_RATE = 0.25;
    private static final List<String> FAULTED = List.of("ListUsers", "AdminGetUser", "AdminDisableUser",
            "AdminEnableUser");
    private static final List<Fault> FAULTS = List.of(Fault.THROTTLE, Fault.INTERNAL_ERROR, Fault.HTTP_503,
            Fault.RESET, Fault.TRUNCATED_JSON, Fault.EMPTY_200, Fault.EMPTY_RESPONSE);

    @RegisterExtension
    static final FakeAws<StatefulCognito> aws = FakeAws.of(dir -> StatefulCognito.start(), StatefulCognito::endpoint,
            RandomOperatorUiIT::seed);

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(this::startWatched).recordingUncaughtOnEveryThread();
    private final List<String> offFxThread = Collections.synchronizedList(new ArrayList<>());
    private Instant started;

    private static void seed(StatefulCognito cognito) {
        cognito.pool(POOLS.get(0), "Random A", CognitoStub.users("rand-a", 150));
        cognito.pool(POOLS.get(1), "Random B", CognitoStub.users("rand-b", 45));
        cognito.pool(POOLS.get(2), "Random C", CognitoStub.users("rand-c", 7));
    }

    /** Starts the console and, before it changes anything, watches that its UI state changes on the FX thread only. */
    private Console startWatched(Stage stage) {
        started = Instant.now();
        Console console = ConsoleFixture.start(stage, aws.files(), 2);
        watchFxThread("rows", console.users().rows());
        watchFxThread("banner", console.banner().noticeProperty());
        watchFxThread("loading", console.users().loadingProperty());
        watchFxThread("count", console.users().countTextProperty());
        watchFxThread("last change", console.users().lastChangeProperty());
        watchFxThread("selection", console.users().selectionProperty());
        watchFxThread("pools", console.connection().pools());
        return console;
    }

    @Test
    void aRandomOperatorLeavesATableThatMatchesTheServerAndOneAuditPairPerWrite(FxRobot robot) {
        System.out.printf("RandomOperatorUiIT: seed %d, %d actions (-Drandom.seed, -Drandom.actions)%n", SEED, ACTIONS);
        ConsoleDriver ui = new ConsoleDriver(robot);
        Random random = new Random(SEED);
        aws.cognito().latency(SEED, Duration.ofMillis(30));
        aws.cognito().faults(FaultPlan.seeded(SEED, FAULT_RATE, FAULTED, FAULTS));
        ui.awaitPools(POOLS.size());
        Map<String, Integer> done = new LinkedHashMap<>();
        int confirmed = 0;
        int writeRetries = 0;

        long began = System.nanoTime();
        for (int i = 0; i < ACTIONS; i++) {
            boolean answerBanner = random.nextInt(100) < 30;
            int dice = random.nextInt(100);
            String action;
            if (answerBanner && ui.bannerShown()) {
                PressedBannerButton pressed = pressBannerButton(ui, random);
                action = pressed.action();
                if (pressed.retriedAWrite()) {
                    writeRetries++;
                }
            } else if (dice < 8) {
                action = switchPool(ui, random);
            } else if (dice < 18) {
                action = search(ui, random);
            } else if (dice < 22) {
                action = fire(ui, "#clearSearchButton");
            } else if (dice < 34) {
                action = fire(ui, "#refreshButton");
            } else if (dice < 38) {
                action = fire(ui, random.nextBoolean() ? "#stopButton" : "#continueButton");
            } else {
                action = toggle(ui, random);
                if (action.startsWith("confirm")) {
                    confirmed++;
                }
            }
            done.merge(action.startsWith("skip") ? action : action.replaceAll(" .*", ""), 1, Integer::sum);
            if (random.nextInt(4) == 0) {
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        System.out.printf("RandomOperatorUiIT: %d actions in %.1f s: %s; %d changes confirmed by the operator; server "
                + "saw %d requests and injected %s%n", ACTIONS, (System.nanoTime() - began) / 1e9, done, confirmed,
                aws.cognito().requestsInAll(), aws.cognito().faultsInjected());

        aws.cognito().faults(FaultPlan.NONE);
        aws.cognito().latency(SEED, Duration.ZERO);
        await("every write attempt has its outcome in the audit log", () -> openAttempts().isEmpty());
        awaitFx("no change is in flight", () -> session.console().users().rows().stream().noneMatch(UserRow::isBusy));
        showEverythingFresh(ui);

        assertThat(session.uncaught()).as("exceptions thrown on any thread").isEmpty();
        assertThat(offFxThread).as("UI state changed off the FX thread").isEmpty();
        String poolId = fx(() -> session.console().users().selectionProperty().get().poolId());
        Map<String, Boolean> shown = fx(() -> session.console().users().rows().stream().collect(Collectors.toMap(
                r -> r.getUser().username(), r -> r.getUser().enabled(), (a, b) -> {
                    throw new AssertionError("A user shown twice");
                }, LinkedHashMap::new)));
        Map<String, Boolean> held = aws.cognito().users(poolId).values().stream().collect(Collectors.toMap(
                CognitoStub.User::username, CognitoStub.User::enabled, (a, b) -> a, LinkedHashMap::new));
        assertThat(shown).as("the table against the server").isEqualTo(held);

        List<AuditEntry> audit = ours();
        // A user a bulk run left alone has one SKIPPED line and no write.
        Map<String, List<AuditEntry>> byOperation = audit.stream()
                .filter(e -> e.outcome() != AuditEntry.Outcome.SKIPPED)
                .collect(Collectors.groupingBy(AuditEntry::operationId));
        assertThat(byOperation.values()).as("one attempt and one outcome per write").allSatisfy(lines ->
                assertThat(lines).extracting(AuditEntry::phase)
                        .containsExactly(AuditEntry.Phase.ATTEMPT, AuditEntry.Phase.OUTCOME));
        assertThat(byOperation.size()).as("writes audited").isBetween(confirmed, confirmed + writeRetries);
        for (String pool : POOLS) {
            for (String user : aws.cognito().users(pool).keySet()) {
                long tries = audit.stream().filter(e -> e.phase() == AuditEntry.Phase.OUTCOME
                        && pool.equals(e.poolId()) && user.equals(e.username())
                        && e.outcome() != AuditEntry.Outcome.FAILED).count();
                assertThat(aws.cognito().changes(pool, user)).as("changes of " + user + " against tries not refused")
                        .isLessThanOrEqualTo((int) tries);
            }
        }
    }

    // Actions

    private String switchPool(ConsoleDriver ui, Random random) {
        ComboBox<UserPool> picker = ui.poolPicker();
        int index = random.nextInt(POOLS.size());
        onFx(() -> picker.setValue(picker.getItems().get(index)));
        return "switch pool";
    }

    private String search(ConsoleDriver ui, Random random) {
        TextField field = ui.node("#searchField", TextField.class);
        String shownPool = fx(() -> session.console().users().selectionProperty().get() == null ? "A"
                : session.console().users().selectionProperty().get().poolId());
        // Mostly a prefix of the pool shown; now and then one that matches nobody there.
        char letter = random.nextInt(5) == 0 ? "abc".charAt(random.nextInt(3))
                : Character.toLowerCase(shownPool.charAt(shownPool.length() - 1));
        String prefix = "rand-" + letter + "-0" + random.nextInt(2);
        onFx(() -> field.setText(prefix));
        return fire(ui, "#searchButton");
    }

    /** Fires the control when it is shown and enabled, as a click would. */
    private String fire(ConsoleDriver ui, String query) {
        return ui.maybe(query).filter(n -> n instanceof Button).map(n -> fx(() -> {
            Button button = (Button) n;
            if (button.isVisible() && !button.isDisabled() && button.getScene() != null) {
                button.fire();
                return query;
            }
            return "skip " + query;
        })).orElse("skip " + query);
    }

    /** What pressing a banner button did; a Retry under a write's banner may run the write once more. */
    private record PressedBannerButton(String action, boolean retriedAWrite) {
    }

    /**
     * Presses one of the banner's visible buttons. The title is read and the button fired in one go on the FX thread:
     * a failure arriving in between would otherwise replace the banner, and a write's Retry would go uncounted.
     */
    private PressedBannerButton pressBannerButton(ConsoleDriver ui, Random random) {
        int pick = random.nextInt(1000);
        Node banner = ui.node("#banner", Node.class);
        return fx(() -> {
            if (!banner.isVisible() || !banner.isManaged()) {
                return new PressedBannerButton("skip", false);
            }
            List<Button> buttons = new ArrayList<>();
            for (String id : List.of("#bannerRetry", "#bannerRefresh", "#bannerReload", "#bannerContinue",
                    "#bannerClose")) {
                if (banner.lookup(id) instanceof Button b && b.isVisible() && !b.isDisabled()) {
                    buttons.add(b);
                }
            }
            if (buttons.isEmpty()) {
                return new PressedBannerButton("skip banner", false);
            }
            Button button = buttons.get(pick % buttons.size());
            String title = ((Label) banner.lookup("#bannerTitle")).getText();
            button.fire();
            String id = "#" + button.getId();
            return new PressedBannerButton(id, id.equals("#bannerRetry")
                    && (title.startsWith("Disabling") || title.startsWith("Enabling")));
        });
    }

    /**
     * Clicks the Disable or Enable button of a random visible row (picked and clicked in one go on the FX thread, so
     * the row cannot change in between), then confirms or cancels the dialog.
     */
    private String toggle(ConsoleDriver ui, Random random) {
        TableView<UserRow> table = ui.table();
        int pick = random.nextInt(1000);
        AtomicReference<String> clicked = new AtomicReference<>();
        Platform.runLater(() -> {
            List<Button> buttons = table.lookupAll(".row-action").stream()
                    .filter(n -> n instanceof Button b && b.isVisible() && !b.isDisabled()
                            && b.getProperties().get("username") != null && b.getParent() != null
                            && b.getParent().isVisible())
                    .map(Button.class::cast).toList();
            if (buttons.isEmpty()) {
                clicked.set("");
                return;
            }
            Button button = buttons.get(pick % buttons.size());
            clicked.set(String.valueOf(button.getProperties().get("username")));
            button.fire(); // opens the confirmation and waits in it
        });
        while (clicked.get() == null) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        if (clicked.get().isEmpty()) {
            return "skip toggle";
        }
        boolean confirm = random.nextInt(10) < 7;
        DialogPane dialog = awaitShowing("confirmDialog", true);
        onFx(() -> ((Button) dialog.lookup(confirm ? "#confirmButton" : "#cancelButton")).fire());
        awaitShowing("confirmDialog", false);
        return (confirm ? "confirm " : "cancel ") + clicked.get();
    }

    /**
     * Waits until the window whose root has this id is shown (or, with {@code shown} false, until none is), polling
     * the FX thread's window list: cheaper than a lookup through every node, which matters over hundreds of actions.
     */
    private static DialogPane awaitShowing(String id, boolean shown) {
        long deadline = System.nanoTime() + ConsoleDriver.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            DialogPane pane = fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                    .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                    .filter(root -> root instanceof DialogPane && id.equals(root.getId()))
                    .map(DialogPane.class::cast).findFirst().orElse(null));
            if ((pane != null) == shown) {
                return pane;
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        throw new AssertionError("#" + id + (shown ? " was not shown" : " did not close") + " within "
                + ConsoleDriver.PATIENCE.toSeconds() + " s");
    }

    // Checks

    /** Clears the search and reloads until the list loads without a banner. */
    private void showEverythingFresh(ConsoleDriver ui) {
        fire(ui, "#clearSearchButton");
        for (int round = 0; round < 5; round++) {
            onFx(() -> session.console().banner().dismiss());
            fire(ui, "#refreshButton");
            awaitFx("the listing ends", () -> !session.console().users().loadingProperty().get());
            if (!ui.bannerShown() && !fx(() -> session.console().users().canContinueProperty().get())) {
                return;
            }
        }
        throw new AssertionError("The listing did not end cleanly without faults: " + ui.text("#bannerTitle"));
    }

    private List<String> openAttempts() {
        Map<String, Long> lines = ours().stream().collect(Collectors.groupingBy(AuditEntry::operationId,
                Collectors.counting()));
        return lines.entrySet().stream().filter(e -> e.getValue() < 2).map(Map.Entry::getKey).toList();
    }

    /** This run's audit lines (the audit file is shared by the UI tests). */
    private List<AuditEntry> ours() {
        try {
            return AuditLog.read(AppPaths.auditFile()).entries().stream()
                    .filter(e -> POOLS.contains(e.poolId()) && !e.time().isBefore(started)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void watchFxThread(String what, ObservableValue<?> value) {
        value.addListener((obs, old, now) -> checkFxThread(what));
    }

    private void watchFxThread(String what, javafx.collections.ObservableList<?> list) {
        list.addListener((ListChangeListener<Object>) change -> checkFxThread(what));
    }

    private void checkFxThread(String what) {
        if (!Platform.isFxApplicationThread()) {
            offFxThread.add(what + " on " + Thread.currentThread().getName());
        }
    }
}
