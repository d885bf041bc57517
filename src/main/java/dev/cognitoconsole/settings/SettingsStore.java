package dev.cognitoconsole.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cognitoconsole.common.AtomicFile;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as JSON. A damaged file, or one from an unknown version, is set aside
 * under a new name and the console starts with defaults, telling the operator where the old file went.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** The settings, and a message for the operator when the file could not be used. */
    public record Loaded(Settings settings, String problem) {
    }

    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Settings.defaults(), null);
        }
        try {
            Settings read = json.readValue(file.toFile(), Settings.class);
            if (read == null || read.version() != Settings.CURRENT_VERSION) {
                return setAside("it was written by another version of the console (format "
                        + (read == null ? "unknown" : read.version()) + ")");
            }
            return new Loaded(sanitised(read), null);
        } catch (JacksonException e) {
            LOG.warn("Settings file {} is damaged", file, e);
            return setAside("it is damaged (" + e.getOriginalMessage() + ")");
        } catch (CharConversionException e) {
            // Bytes Jackson cannot decode (garbage taken for UTF-32, say): damage too, not a failure to read.
            LOG.warn("Settings file {} is damaged", file, e);
            return setAside("it is damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            LOG.warn("Settings file {} cannot be read", file, e);
            return new Loaded(Settings.defaults(), "The settings file " + file + " cannot be read ("
                    + e.getMessage() + "); the console starts with default settings and will not overwrite it.");
        }
    }

    /** Writes the settings atomically: a crash leaves the old file or the new one, never half of one. */
    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, out -> json.writeValue(out, sanitised(settings)));
    }

    private Loaded setAside(String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".unusable-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Could not set {} aside", file, e);
            return new Loaded(Settings.defaults(), "The settings file " + file + " could not be used: " + why
                    + ". The console starts with default settings.");
        }
        return new Loaded(Settings.defaults(), "The settings file could not be used: " + why
                + ". It was kept as " + aside + " and the console starts with default settings.");
    }

    /** Values outside their range come back inside it, so a hand-edited file cannot break the console. */
    private static Settings sanitised(Settings s) {
        int list = s.listUsersPerSecond() <= 0 ? 15 : Math.min(30, s.listUsersPerSecond());
        int updates = s.updatesPerSecond() <= 0 ? 10 : Math.min(25, s.updatesPerSecond());
        Settings.WindowBounds w = s.window();
        if (w != null && (!(w.width() >= 400) || !(w.height() >= 300) || w.width() > 20_000 || w.height() > 20_000
                || !Double.isFinite(w.x()) || !Double.isFinite(w.y()))) {
            w = null;
        }
        return new Settings(Settings.CURRENT_VERSION, s.lastProfile(), s.connections(), w,
                s.columns().stream().filter(c -> c.id() != null && c.width() > 10 && c.width() < 5_000).toList(),
                list, updates, s.productionProfiles(),
                s.productionAccounts().stream().filter(Settings::isAccountId).collect(Collectors.toSet()));
    }
}
