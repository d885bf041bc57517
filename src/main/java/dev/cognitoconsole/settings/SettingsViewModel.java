package dev.cognitoconsole.settings;

import dev.cognitoconsole.aws.RateBudgets;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** The settings dialog: the request-rate budgets the console spends of Cognito's shared quotas. */
public final class SettingsViewModel {
    private final SettingsService settings;
    private final RateBudgets budgets;

    // Properties
    private final IntegerProperty listUsersPerSecond = new SimpleIntegerProperty();
    private final IntegerProperty updatesPerSecond = new SimpleIntegerProperty();

    public SettingsViewModel(SettingsService settings, RateBudgets budgets) {
        this.settings = settings;
        this.budgets = budgets;
        reset();
    }

    public IntegerProperty listUsersPerSecondProperty() {
        return listUsersPerSecond;
    }

    public IntegerProperty updatesPerSecondProperty() {
        return updatesPerSecond;
    }

    public int listUsersQuota() {
        return RateBudgets.Category.USER_LIST.quota();
    }

    public int updatesQuota() {
        return RateBudgets.Category.USER_UPDATE.quota();
    }

    // Commands

    /** Shows the values in force. */
    public void reset() {
        listUsersPerSecond.set(settings.get().listUsersPerSecond());
        updatesPerSecond.set(settings.get().updatesPerSecond());
    }

    /** Applies the values (clamped to the quotas) and writes them; returns a problem to show, if any. */
    public Optional<String> apply() {
        int list = budgets.setBudget(RateBudgets.Category.USER_LIST, listUsersPerSecond.get());
        int updates = budgets.setBudget(RateBudgets.Category.USER_UPDATE, updatesPerSecond.get());
        listUsersPerSecond.set(list);
        updatesPerSecond.set(updates);
        settings.update(s -> s.withBudgets(list, updates));
        return settings.save();
    }
}
