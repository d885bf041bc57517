package dev.cognitoconsole.settings;

import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;

/** The production marks the settings view shows and changes; kept by {@code safety.SafetyViewModel}. */
public interface ProductionMarks {
    /** Whether the profile in use is marked production. */
    ReadOnlyBooleanProperty profileMarkedProperty();

    /** Marks the profile in use as production, or takes the mark away; a problem saving, if any. */
    Optional<String> markProfile(boolean marked);

    /** The production accounts as the settings view shows them: ids separated by commas. */
    String productionAccountsText();

    /** Why this list of production accounts cannot be taken, or empty. */
    Optional<String> productionAccountsProblem(String text);

    /** Takes the production accounts typed; a problem with them or with saving, if any. */
    Optional<String> setProductionAccounts(String text);
}
