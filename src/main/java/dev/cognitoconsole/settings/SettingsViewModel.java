package dev.cognitoconsole.settings;

import dev.cognitoconsole.aws.RateBudgets;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/** The settings dialog: the request-rate budgets the console spends of Cognito's shared quotas. */
public final class SettingsViewModel {
    private final SettingsService settings;
    private final RateBudgets budgets;

    // Properties
    private final IntegerProperty listUsersPerSecond = new SimpleIntegerProperty();
    private final IntegerProperty updatesPerSecond = new SimpleIntegerProperty();
    private final IntegerProperty resourceReadsPerSecond = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper listUsersProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper updatesProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper resourceReadsProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper acceptable = new ReadOnlyBooleanWrapper();

    public SettingsViewModel(SettingsService settings, RateBudgets budgets) {
        this.settings = settings;
        this.budgets = budgets;
        listUsersProblem.bind(Bindings.createStringBinding(
                () -> problem(listUsersPerSecond.get(), RateBudgets.Category.USER_LIST), listUsersPerSecond));
        updatesProblem.bind(Bindings.createStringBinding(
                () -> problem(updatesPerSecond.get(), RateBudgets.Category.USER_UPDATE), updatesPerSecond));
        resourceReadsProblem.bind(Bindings.createStringBinding(
                () -> problem(resourceReadsPerSecond.get(), RateBudgets.Category.USER_RESOURCE_READ),
                resourceReadsPerSecond));
        acceptable.bind(listUsersProblem.isEmpty().and(updatesProblem.isEmpty())
                .and(resourceReadsProblem.isEmpty()));
        reset();
    }

    public IntegerProperty listUsersPerSecondProperty() {
        return listUsersPerSecond;
    }

    public IntegerProperty updatesPerSecondProperty() {
        return updatesPerSecond;
    }

    /** The budget of the detail pane's reads: AdminListGroupsForUser and AdminListUserAuthEvents. */
    public IntegerProperty resourceReadsPerSecondProperty() {
        return resourceReadsPerSecond;
    }

    /** As {@link #listUsersProblemProperty()}, for the detail pane's reads. */
    public ReadOnlyStringProperty resourceReadsProblemProperty() {
        return resourceReadsProblem.getReadOnlyProperty();
    }

    /** Why the ListUsers budget typed cannot be used, with the range that can; empty when it can. */
    public ReadOnlyStringProperty listUsersProblemProperty() {
        return listUsersProblem.getReadOnlyProperty();
    }

    /** As {@link #listUsersProblemProperty()}, for the disable, enable and sign-out budget. */
    public ReadOnlyStringProperty updatesProblemProperty() {
        return updatesProblem.getReadOnlyProperty();
    }

    /** Whether every budget lies within their quotas, so that they can be applied. */
    public ReadOnlyBooleanProperty acceptableProperty() {
        return acceptable.getReadOnlyProperty();
    }

    public int listUsersQuota() {
        return RateBudgets.Category.USER_LIST.quota();
    }

    public int updatesQuota() {
        return RateBudgets.Category.USER_UPDATE.quota();
    }

    public int resourceReadsQuota() {
        return RateBudgets.Category.USER_RESOURCE_READ.quota();
    }

    private static String problem(int perSecond, RateBudgets.Category category) {
        return perSecond >= 1 && perSecond <= category.quota() ? ""
                : perSecond + " is out of range: enter 1 to " + category.quota() + " requests per second.";
    }

    // Commands

    /** Shows the values in force. */
    public void reset() {
        listUsersPerSecond.set(settings.get().listUsersPerSecond());
        updatesPerSecond.set(settings.get().updatesPerSecond());
        resourceReadsPerSecond.set(settings.get().userResourceReadsPerSecond());
    }

    /**
     * Applies the values and writes them; returns a problem to show, if any. A value outside its quota is refused
     * (nothing changes), never silently brought into range.
     */
    public Optional<String> apply() {
        if (!acceptable.get()) {
            return Optional.of(java.util.stream.Stream.of(listUsersProblem.get(), updatesProblem.get(),
                    resourceReadsProblem.get()).filter(p -> !p.isEmpty()).findFirst().orElseThrow());
        }
        int list = budgets.setBudget(RateBudgets.Category.USER_LIST, listUsersPerSecond.get());
        int updates = budgets.setBudget(RateBudgets.Category.USER_UPDATE, updatesPerSecond.get());
        int resourceReads = budgets.setBudget(RateBudgets.Category.USER_RESOURCE_READ, resourceReadsPerSecond.get());
        settings.update(s -> s.withBudgets(list, updates).withUserResourceReads(resourceReads));
        return settings.save();
    }
}
