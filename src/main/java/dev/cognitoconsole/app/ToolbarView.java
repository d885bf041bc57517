package dev.cognitoconsole.app;

import dev.cognitoconsole.audit.AuditView;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.export.ExportView;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.safety.SafetyView;
import dev.cognitoconsole.settings.SettingsView;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** The tools at the right of the top bar, in their focus order: Export, Read-only, Audit log, Settings. */
final class ToolbarView {
    private final ExportView export;
    private final SafetyView safety;
    private final AuditView audit;
    private final SettingsView settings;
    private final ObservableObjectValue<Connection> connection;
    private final Notifier banner;
    private final Window owner;

    /**
     * @param connection the connection in use, whose profile the settings dialog offers to mark production
     * @param owner      the window that owns the audit log and settings windows
     */
    ToolbarView(ExportView export, SafetyView safety, AuditView audit, SettingsView settings,
                ObservableObjectValue<Connection> connection, Notifier banner, Window owner) {
        this.export = export;
        this.safety = safety;
        this.audit = audit;
        this.settings = settings;
        this.connection = connection;
        this.banner = banner;
        this.owner = owner;
    }

    Region createView() {
        Button settingsButton = new Button("⚙ Settings");
        settingsButton.setId("settingsButton");
        settingsButton.setAccessibleText("Settings: request-rate budgets and production marks");
        settingsButton.setOnAction(e -> showSettings());
        Button auditButton = new Button("Audit log");
        auditButton.setId("auditButton");
        auditButton.setAccessibleText("Audit log: every change made from this computer");
        auditButton.setOnAction(e -> audit.show(owner));
        HBox tools = new HBox(8, export.createView(), safety.createToggle(), auditButton, settingsButton);
        tools.setAlignment(Pos.CENTER_RIGHT);
        // The pickers give way when the window is narrow; the buttons keep their labels whole.
        auditButton.setMinWidth(Region.USE_PREF_SIZE);
        settingsButton.setMinWidth(Region.USE_PREF_SIZE);
        return tools;
    }

    private void showSettings() {
        Connection current = connection.get();
        String problem = settings.show(owner, current == null ? null : current.profile().name());
        if (problem != null) {
            banner.show(Notice.warning("SettingsNotSaved", "Settings not saved")
                    .message(problem)
                    .advice("The new budgets apply until the console closes.")
                    .build());
        }
    }
}
