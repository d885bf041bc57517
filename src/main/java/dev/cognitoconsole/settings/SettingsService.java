package dev.cognitoconsole.settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in use: read once at start, changed in memory, written when asked and at exit. A save writes only
 * this console's changes onto what the file holds then, so consoles running side by side keep each other's.
 */
public final class SettingsService {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsStore store;
    private final String loadProblem;
    /** The settings as last read or written. */
    private Settings known;
    /** The changes made since, to apply again onto the file's content at the next save. */
    private final List<UnaryOperator<Settings>> changes = new ArrayList<>();
    private Settings current;
    private Consumer<String> setAsideReport = problem -> { };

    public SettingsService(SettingsStore store) {
        this.store = store;
        SettingsStore.Loaded loaded = store.load();
        this.known = loaded.settings();
        this.current = known;
        this.loadProblem = loaded.problem();
    }

    private SettingsService() {
        this.store = null;
        this.known = Settings.defaults();
        this.current = known;
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

    /** Where to tell the operator that a save found the file damaged and kept it under another name. */
    public synchronized void onFileSetAside(Consumer<String> report) {
        this.setAsideReport = report;
    }

    public synchronized Settings get() {
        return current;
    }

    /**
     * Changes the settings in memory. The change is applied again to the file's content when saved, so it should
     * set what this console changed (a mark, a connection) rather than copy a whole earlier state.
     */
    public synchronized void update(UnaryOperator<Settings> change) {
        current = change.apply(current);
        if (store != null) {
            changes.add(change);
        }
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

    /**
     * Writes this console's changes onto the file, and takes in what other consoles saved. A failure is logged and
     * reported, the changes are kept for the next save, and the console goes on.
     *
     * @return why the save failed, or empty; a damaged file set aside on the way goes to {@link #onFileSetAside}
     */
    public synchronized Optional<String> save() {
        if (store == null) {
            return Optional.empty();
        }
        try {
            SettingsStore.Loaded saved = store.update(known, s -> applied(changes, s));
            known = saved.settings();
            current = known;
            changes.clear();
            if (saved.problem() != null) {
                LOG.warn("{}", saved.problem());
                setAsideReport.accept(saved.problem());
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save settings to {}", store.file(), e);
            return Optional.of("The settings could not be saved to " + store.file() + ": " + e.getMessage());
        }
    }

    private static Settings applied(List<UnaryOperator<Settings>> pending, Settings start) {
        Settings result = start;
        for (UnaryOperator<Settings> change : pending) {
            result = change.apply(result);
        }
        return result;
    }
}
