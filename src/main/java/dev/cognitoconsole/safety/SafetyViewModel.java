package dev.cognitoconsole.safety;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.settings.Settings;
import dev.cognitoconsole.settings.SettingsService;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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
 * Production marks and read-only mode. A profile or an AWS account marked production in the settings gets a
 * strong band across the window and confirmations that ask for the username typed. Read-only mode turns every
 * change off; the operator can turn it on, and it turns itself on when IAM denies the caller
 * AdminDisableUser on the pool shown, which is found out without changing anything (see {@link #poolChosen}).
 */
public final class SafetyViewModel implements WriteSafety {
    private static final Logger LOG = LoggerFactory.getLogger(SafetyViewModel.class);
    /** A name no real user has: disabling it can only fail, and how it fails says whether IAM allows the call. */
    public static final String ACCESS_CHECK_PREFIX = "cognito-console-access-check-";
    static final String OPERATOR_READ_ONLY = "Read-only mode is on: Disable and Enable are off (a bulk dry run still "
            + "works). Turn it off with the Read-only switch.";

    private final SettingsService settings;
    private final UserDirectory directory;
    private final TaskExecutor executor;
    private final Supplier<String> checkNames;

    // Properties
    private final ReadOnlyBooleanWrapper production = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper productionLabel = new ReadOnlyStringWrapper();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper profileMarked = new ReadOnlyBooleanWrapper();

    private Connection connection;
    private CallerIdentity caller;
    private PoolSelection pool;
    /** The pools found to deny AdminDisableUser, and those found to allow it, this session. */
    private final Map<PoolSelection, Boolean> writeAllowed = new HashMap<>();
    private boolean turnedOnByCheck;
    private long checkGeneration;

    public SafetyViewModel(SettingsService settings, UserDirectory directory, TaskExecutor executor) {
        this(settings, directory, executor, () -> ACCESS_CHECK_PREFIX + UUID.randomUUID());
    }

    SafetyViewModel(SettingsService settings, UserDirectory directory, TaskExecutor executor,
                    Supplier<String> checkNames) {
        this.settings = settings;
        this.directory = directory;
        this.executor = executor;
        this.checkNames = checkNames;
        readOnly.addListener((obs, was, now) -> {
            if (!now) {
                turnedOnByCheck = false;
            }
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
    public ReadOnlyBooleanProperty profileMarkedProperty() {
        return profileMarked.getReadOnlyProperty();
    }

    /** Read-only mode: every change is off. The toolbar's toggle writes it. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** Why read-only mode is on, or {@code null} when it is off. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    // Commands

    /** The operator now works on this connection (or none). */
    public void connectionChanged(Connection next) {
        connection = next;
        caller = null;
        pool = null;
        if (turnedOnByCheck) {
            // The check's finding was about the previous pool's caller; the next pool is checked afresh.
            readOnly.set(false);
        }
        recompute();
    }

    /** STS said who the operator acts as on the current connection. */
    public void callerKnown(CallerIdentity identity) {
        caller = identity;
        recompute();
    }

    /**
     * The operator picked a pool: finds out, once per pool and session, whether IAM lets the caller disable users
     * there, by disabling a user that cannot exist. Cognito answers UserNotFoundException when IAM allows the call
     * and AccessDenied when it does not; nothing is changed either way. A denial turns read-only mode on.
     */
    public void poolChosen(PoolSelection chosen) {
        pool = chosen;
        long mine = ++checkGeneration;
        if (chosen == null) {
            return;
        }
        Boolean known = writeAllowed.get(chosen);
        if (known != null) {
            applyCheck(chosen, known);
            return;
        }
        String name = checkNames.get();
        executor.run(job -> checkWriteAccess(chosen, name), allowed -> {
            allowed.ifPresent(a -> writeAllowed.put(chosen, a));
            if (mine == checkGeneration) {
                allowed.ifPresent(a -> applyCheck(chosen, a));
            }
        }, error -> LOG.info("Could not check write access on {}", chosen.poolId(), error));
    }

    /** Marks the current profile as production, or takes the mark away, and saves the settings. */
    public Optional<String> markProfile(boolean marked) {
        if (connection == null) {
            return Optional.empty();
        }
        settings.update(s -> s.withProductionProfile(connection.profile().name(), marked));
        recompute();
        return settings.save();
    }

    /** The production accounts as the settings dialog shows them: ids separated by commas. */
    public String productionAccountsText() {
        return settings.get().productionAccounts().stream().sorted().collect(Collectors.joining(", "));
    }

    /** Why this list of production accounts cannot be taken, or empty when every entry is a 12-digit id. */
    public static Optional<String> accountsProblem(String text) {
        List<String> wrong = entries(text).stream().filter(a -> !Settings.isAccountId(a)).toList();
        return wrong.isEmpty() ? Optional.empty() : Optional.of("An AWS account id has 12 digits: "
                + wrong.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", ")) + " is not one.");
    }

    /** Takes the production accounts typed in the settings dialog; nothing changes when one is not an id. */
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
        return readOnly.get() ? Optional.of(readOnlyReason.get()) : Optional.empty();
    }

    @Override
    public boolean isProduction(Connection target) {
        Settings s = settings.get();
        if (target == null) {
            return false;
        }
        boolean account = caller != null && Objects.equals(target, connection)
                && s.productionAccounts().contains(caller.account());
        return account || s.productionProfiles().contains(target.profile().name());
    }

    // Helpers

    private Optional<Boolean> checkWriteAccess(PoolSelection target, String name) {
        try {
            directory.disableUser(target.connection(), target.poolId(), name);
            LOG.warn("The write-access check disabled a user named {} in {}: it exists", name, target.poolId());
            return Optional.of(true);
        } catch (ConsoleFailure failure) {
            return switch (failure.kind()) {
                case USER_NOT_FOUND -> Optional.of(true);
                case ACCESS_DENIED -> Optional.of(false);
                default -> {
                    LOG.info("Write-access check on {} inconclusive: {}", target.poolId(), failure.getMessage());
                    yield Optional.empty();
                }
            };
        }
    }

    private void applyCheck(PoolSelection target, boolean allowed) {
        if (!allowed && !readOnly.get()) {
            turnedOnByCheck = true;
            readOnly.set(true);
        } else if (allowed && turnedOnByCheck) {
            readOnly.set(false);
        }
        describeReadOnly();
    }

    private void describeReadOnly() {
        if (!readOnly.get()) {
            readOnlyReason.set(null);
        } else if (turnedOnByCheck && connection != null && pool != null) {
            readOnlyReason.set("Read-only: IAM does not let profile " + connection.profile().name()
                    + " call cognito-idp:AdminDisableUser on " + pool.poolId()
                    + " (found without changing anything), so Disable and Enable are off.");
        } else {
            readOnlyReason.set(OPERATOR_READ_ONLY);
        }
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
        String account = caller == null ? "" : " · account " + caller.account();
        productionLabel.set("PRODUCTION · profile " + connection.profile().name() + account + " · "
                + connection.region() + " — changes here affect real users");
    }

    private static List<String> entries(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).map(String::strip)
                .filter(e -> !e.isEmpty()).toList();
    }
}
