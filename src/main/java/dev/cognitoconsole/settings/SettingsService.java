package dev.cognitoconsole.settings;

import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The settings in use: read once at start, changed in memory, written when asked and at exit. */
public final class SettingsService {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsStore store;
    private Settings current;
    private final String loadProblem;

    public SettingsService(SettingsStore store) {
        this.store = store;
        SettingsStore.Loaded loaded = store.load();
        this.current = loaded.settings();
        this.loadProblem = loaded.problem();
    }

    private SettingsService() {
        this.store = null;
        this.current = Settings.defaults();
        this.loadProblem = null;
    }

    /** Settings that live only as long as the console: for tests and embedded uses. */
    public static SettingsService inMemory() {
        return new SettingsService();
    }

    /** Why the settings file was not used at start, or empty. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    public synchronized Settings get() {
        return current;
    }

    public synchronized void update(UnaryOperator<Settings> change) {
        current = change.apply(current);
    }

    /** The region and pool last used with this profile. */
    public Optional<Settings.LastConnection> lastFor(String profile) {
        return Optional.ofNullable(get().connections().get(profile));
    }

    /** Remembers the connection and writes it at once, so a crash or a kill does not forget it. */
    public void remember(String profile, String region, String poolId) {
        update(s -> s.withLastConnection(profile, region, poolId));
        save();
    }

    /** Writes the settings; a failure is logged and reported, and the console goes on. */
    public Optional<String> save() {
        if (store == null) {
            return Optional.empty();
        }
        try {
            store.save(get());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save settings to {}", store.file(), e);
            return Optional.of("The settings could not be saved to " + store.file() + ": " + e.getMessage());
        }
    }
}
