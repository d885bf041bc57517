package dev.cognitoconsole.safety;

import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.settings.ProductionMarks;
import dev.cognitoconsole.settings.Settings;
import dev.cognitoconsole.settings.SettingsService;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides whether a change may be made and whether its target is production. A profile or an
 * AWS account marked production in the settings gets a strong band across the window and confirmations that ask for
 * the username or count typed; while accounts are marked and the caller of a connection is unknown, it counts as
 * production (fail closed). Read-only mode turns every change off; a pool where IAM refused a real change has its
 * changes turned off with that reason. Nothing is ever called to find that out. Write paths ask from any thread.
 */
public final class SafetyViewModel implements WriteSafety, ProductionMarks {
    private static final Logger LOG = LoggerFactory.getLogger(SafetyViewModel.class);
    static final String OPERATOR_READ_ONLY = "Read-only mode is on: Disable, Enable and Sign out are off (a bulk dry "
            + "run still works). Turn it off with the Read-only switch.";

    private final SettingsService settings;
    private final Consumer<Runnable> uiThread;

    // Properties
    private final ReadOnlyBooleanWrapper production = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper productionLabel = new ReadOnlyStringWrapper();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper writesOff = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper profileMarked = new ReadOnlyBooleanWrapper();

    private Connection connection;
    private PoolSelection pool;
    /** Read on write threads: the switch as last set on the UI thread. */
    private volatile boolean readOnlyNow;
    /** Who signs each connection's calls, as last learned (the connection bar or a write). */
    private final Map<Connection, CallerIdentity> signers = new ConcurrentHashMap<>();
    /** Pools where IAM refused a real change this session, with the reason shown. */
    private final Map<PoolSelection, String> denied = new ConcurrentHashMap<>();

    /** For tests and callers on one thread: updates of the properties happen at once. */
    public SafetyViewModel(SettingsService settings) {
        this(settings, Runnable::run);
    }

    /** @param uiThread runs property updates where the views expect them (Platform::runLater in the console) */
    public SafetyViewModel(SettingsService settings, Consumer<Runnable> uiThread) {
        this.settings = settings;
        this.uiThread = uiThread;
        readOnly.addListener((obs, was, now) -> {
            readOnlyNow = now;
            describeReadOnly();
        });
    }

    // Properties

    /** Whether the connection shown is marked production (by its profile or its account). */
    public ReadOnlyBooleanProperty productionProperty() {
        return production.getReadOnlyProperty();
    }

    /** What the production band says, or {@code null} when the connection is not production. */
    public ReadOnlyStringProperty productionLabelProperty() {
        return productionLabel.getReadOnlyProperty();
    }

    /** Whether the current profile itself is marked production (the settings dialog's check box). */
    @Override
    public ReadOnlyBooleanProperty profileMarkedProperty() {
        return profileMarked.getReadOnlyProperty();
    }

    /** Read-only mode: every change is off. The toolbar's toggle writes it. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** Whether changes to the pool shown are off: read-only mode, or IAM refused a change there. */
    public ReadOnlyBooleanProperty writesOffProperty() {
        return writesOff.getReadOnlyProperty();
    }

    /** Why changes to the pool shown are off, or {@code null} when they may be made. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    // Commands

    /** The operator now works on this connection (or none). */
    public void connectionChanged(Connection next) {
        connection = next;
        pool = null;
        recompute();
        describeReadOnly();
    }

    /** STS said who the operator acts as on the current connection; {@code null} while it is asked again. */
    public void callerKnown(CallerIdentity identity) {
        if (connection != null && identity != null) {
            signers.put(connection, identity);
        } else if (connection != null) {
            signers.remove(connection);
        }
        recompute();
    }

    /** The operator picked a pool (or none). Nothing is called: write access is learned from real changes. */
    public void poolChosen(PoolSelection chosen) {
        pool = chosen;
        describeReadOnly();
    }

    /** Marks the current profile as production, or takes the mark away, and saves the settings. */
    @Override
    public Optional<String> markProfile(boolean marked) {
        if (connection == null) {
            return Optional.empty();
        }
        settings.update(s -> s.withProductionProfile(connection.profile().name(), marked));
        recompute();
        return settings.save();
    }

    /** The production accounts as the settings dialog shows them: ids separated by commas. */
    @Override
    public String productionAccountsText() {
        return settings.get().productionAccounts().stream().sorted().collect(Collectors.joining(", "));
    }

    /** Why this list of production accounts cannot be taken, or empty when every entry is a 12-digit id. */
    public static Optional<String> accountsProblem(String text) {
        List<String> wrong = entries(text).stream().filter(a -> !Settings.isAccountId(a)).toList();
        return wrong.isEmpty() ? Optional.empty() : Optional.of("An AWS account id has 12 digits: "
                + wrong.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", ")) + " is not one.");
    }

    @Override
    public Optional<String> productionAccountsProblem(String text) {
        return accountsProblem(text);
    }

    /** Takes the production accounts typed in the settings dialog; nothing changes when one is not an id. */
    @Override
    public Optional<String> setProductionAccounts(String text) {
        Optional<String> problem = accountsProblem(text);
        if (problem.isPresent()) {
            return problem;
        }
        Set<String> wanted = Set.copyOf(entries(text));
        Set<String> shown = settings.get().productionAccounts();
        Set<String> added = wanted.stream().filter(a -> !shown.contains(a)).collect(Collectors.toSet());
        Set<String> removed = shown.stream().filter(a -> !wanted.contains(a)).collect(Collectors.toSet());
        settings.update(s -> s.withProductionAccountsChanged(added, removed));
        recompute();
        return settings.save();
    }

    // WriteSafety

    @Override
    public Optional<String> writesBlocked() {
        return readOnlyNow ? Optional.of(OPERATOR_READ_ONLY) : Optional.empty();
    }

    @Override
    public Optional<String> writesBlocked(PoolSelection target) {
        return writesBlocked().or(() -> Optional.ofNullable(target == null ? null : denied.get(target)));
    }

    @Override
    public boolean isProduction(Connection target) {
        return target != null && isProduction(target, signers.get(target));
    }

    @Override
    public boolean isProduction(Connection target, CallerIdentity signer) {
        if (target == null) {
            return false;
        }
        Settings s = settings.get();
        if (s.productionProfiles().contains(target.profile().name())) {
            return true;
        }
        // Fail closed: with accounts marked, an unknown caller may be in one of them.
        return !s.productionAccounts().isEmpty() && (signer == null || s.productionAccounts().contains(signer.account()));
    }

    @Override
    public void signerSeen(Connection target, CallerIdentity signer) {
        if (target != null && signer != null && !signer.equals(signers.put(target, signer))) {
            uiThread.accept(this::recompute);
        }
    }

    @Override
    public void writeDenied(PoolSelection target, String reason) {
        LOG.warn("Changes to {} turned off: {}", target.poolId(), reason);
        denied.put(target, reason);
        uiThread.accept(this::describeReadOnly);
    }

    // Helpers

    private void describeReadOnly() {
        String poolDenied = pool == null ? null : denied.get(pool);
        readOnlyReason.set(readOnly.get() ? OPERATOR_READ_ONLY : poolDenied);
        writesOff.set(readOnly.get() || poolDenied != null);
    }

    private void recompute() {
        boolean isProduction = isProduction(connection);
        production.set(isProduction);
        profileMarked.set(connection != null
                && settings.get().productionProfiles().contains(connection.profile().name()));
        if (!isProduction) {
            productionLabel.set(null);
            return;
        }
        CallerIdentity caller = signers.get(connection);
        String account = caller != null ? " · account " + caller.account()
                : settings.get().productionProfiles().contains(connection.profile().name()) ? ""
                : " · account unknown, treated as production";
        productionLabel.set("PRODUCTION · profile " + connection.profile().name() + account + " · "
                + connection.region() + " — changes here affect real users");
    }

    private static List<String> entries(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).map(String::strip)
                .filter(e -> !e.isEmpty()).toList();
    }
}
