package dev.cognitoconsole.app;

import dev.cognitoconsole.connection.ConnectionMemory;
import dev.cognitoconsole.settings.Settings;
import dev.cognitoconsole.settings.SettingsService;
import java.util.Objects;
import java.util.Optional;

/** The connection bar's memory, kept in the settings file. */
final class RememberedConnections implements ConnectionMemory {
    private final SettingsService settings;

    RememberedConnections(SettingsService settings) {
        this.settings = settings;
    }

    @Override
    public Optional<String> lastProfile() {
        return Optional.ofNullable(settings.get().lastProfile());
    }

    @Override
    public Optional<String> lastRegion(String profile) {
        return settings.lastFor(profile).map(Settings.LastConnection::region);
    }

    @Override
    public Optional<String> lastPool(String profile, String region) {
        return settings.lastFor(profile)
                .filter(last -> Objects.equals(last.region(), region))
                .map(Settings.LastConnection::poolId);
    }

    @Override
    public void remember(String profile, String region, String poolId) {
        settings.remember(profile, region, poolId);
    }
}
