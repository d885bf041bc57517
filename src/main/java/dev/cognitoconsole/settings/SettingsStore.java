package dev.cognitoconsole.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cognitoconsole.common.AtomicFile;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as JSON. A damaged file, or one from an unknown version, is set aside
 * under a new name and the console starts with defaults, telling the operator where the old file went; a file
 * that cannot be read is never written over. Every write re-reads the file under a lock, so consoles running
 * side by side keep each other's changes.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    // The file names profiles and account ids, so others have no business reading it.
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    // A JVM holds file locks for all its threads, so two stores in one JVM would fail rather than wait.
    private static final Object IN_THIS_JVM = new Object();

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

    /** What the file holds: its settings (null when there is no file), or why they cannot be had. */
    private record OnDisk(Settings settings, String unusable, IOException unreadable) {
    }

    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Settings.defaults(), null);
        }
        try {
            return locked(this::readOrSetAside);
        } catch (IOException e) {
            LOG.warn("Could not lock {}", file, e);
            return readOrSetAside();
        }
    }

    private Loaded readOrSetAside() {
        OnDisk read = read();
        if (read.unreadable() != null) {
            return new Loaded(Settings.defaults(), "The settings file " + file + " cannot be read ("
                    + read.unreadable().getMessage()
                    + "); the console starts with default settings and will not overwrite it.");
        }
        if (read.unusable() != null) {
            return setAside(read.unusable());
        }
        return new Loaded(read.settings() == null ? Settings.defaults() : read.settings(), null);
    }

    /** Writes these settings as they are, over what the file holds; a file that cannot be read is left alone. */
    public void save(Settings settings) throws IOException {
        update(settings, s -> settings);
    }

    /**
     * Reads the file again under a lock every console takes, applies the change to what it holds and writes the
     * result, so what another console saved meanwhile is kept. When there is no file, or a damaged one (set aside
     * first), the change goes onto {@code lastKnown}; a file that cannot be read is left as it is and nothing is
     * written.
     *
     * @return the settings now in the file, and a message for the operator when the old file was set aside
     */
    public Loaded update(Settings lastKnown, UnaryOperator<Settings> change) throws IOException {
        return locked(() -> {
            OnDisk read = read();
            if (read.unreadable() != null) {
                throw new IOException("it cannot be read (" + read.unreadable().getMessage()
                        + ") and was left as it is", read.unreadable());
            }
            Loaded base = read.unusable() != null ? setAsideBeforeWriting(read.unusable(), lastKnown)
                    : new Loaded(read.settings() == null ? lastKnown : read.settings(), null);
            Settings next = sanitised(change.apply(base.settings()));
            AtomicFile.write(file, out -> json.writeValue(out, next), ownerOnly());
            return new Loaded(next, base.problem());
        });
    }

    private interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs the action holding the lock every console takes before it reads the file to change it. */
    private <T> T locked(Locked<T> action) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        synchronized (IN_THIS_JVM) {
            try (FileChannel channel = FileChannel.open(lockFile(),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly());
                 FileLock held = channel.lock()) {
                return action.run();
            }
        }
    }

    private OnDisk read() {
        if (!Files.exists(file)) {
            return new OnDisk(null, null, null);
        }
        try {
            Settings read = json.readValue(file.toFile(), Settings.class);
            if (read == null || read.version() != Settings.CURRENT_VERSION) {
                return unusable("it was written by another version of the console (format "
                        + (read == null ? "unknown" : read.version()) + ")");
            }
            return new OnDisk(sanitised(read), null, null);
        } catch (JacksonException e) {
            LOG.warn("Settings file {} is damaged", file, e);
            return unusable("it is damaged (" + e.getOriginalMessage() + ")");
        } catch (CharConversionException e) {
            // Bytes Jackson cannot decode (garbage taken for UTF-32, say): damage too, not a failure to read.
            LOG.warn("Settings file {} is damaged", file, e);
            return unusable("it is damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            LOG.warn("Settings file {} cannot be read", file, e);
            return new OnDisk(null, null, e);
        }
    }

    private static OnDisk unusable(String why) {
        return new OnDisk(null, why, null);
    }

    private Loaded setAside(String why) {
        try {
            return new Loaded(Settings.defaults(), "The settings file could not be used: " + why + ". It was kept as "
                    + moveAside() + " and the console starts with default settings.");
        } catch (IOException e) {
            LOG.warn("Could not set {} aside", file, e);
            return new Loaded(Settings.defaults(), "The settings file " + file + " could not be used: " + why
                    + ". The console starts with default settings and will not overwrite it.");
        }
    }

    private Loaded setAsideBeforeWriting(String why, Settings lastKnown) throws IOException {
        return new Loaded(lastKnown, "The settings file could not be used: " + why + ". It was kept as "
                + moveAside() + " and the settings this console knew were saved in its place.");
    }

    /** Moves the file to a name no other file has, so a file set aside earlier is never replaced. */
    private Path moveAside() throws IOException {
        String name = file.getFileName() + ".unusable-" + STAMP.format(clock.instant());
        for (int n = 1; ; n++) {
            Path aside = file.resolveSibling(n == 1 ? name : name + "-" + n);
            try {
                return Files.move(file, aside);
            } catch (FileAlreadyExistsException taken) {
                // Set aside twice within one second: try the next name.
            }
        }
    }

    private Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    /** Values outside their range come back inside it, so a hand-edited file cannot break the console. */
    private static Settings sanitised(Settings s) {
        int list = s.listUsersPerSecond() <= 0 ? 15 : Math.min(30, s.listUsersPerSecond());
        int updates = s.updatesPerSecond() <= 0 ? 10 : Math.min(25, s.updatesPerSecond());
        int resourceReads = s.userResourceReadsPerSecond() <= 0 ? 20 : Math.min(50, s.userResourceReadsPerSecond());
        Settings.DetailsPane details = s.details() == null || !(s.details().divider() >= 0.2)
                || !(s.details().divider() <= 0.9) ? Settings.DetailsPane.FIRST : s.details();
        Settings.WindowBounds w = s.window();
        if (w != null && (!(w.width() >= 400) || !(w.height() >= 300) || w.width() > 20_000 || w.height() > 20_000
                || !Double.isFinite(w.x()) || !Double.isFinite(w.y()))) {
            w = null;
        }
        return new Settings(Settings.CURRENT_VERSION, s.lastProfile(), s.connections(), w,
                s.columns().stream().filter(c -> c.id() != null && c.width() > 10 && c.width() < 5_000).toList(),
                list, updates, s.productionProfiles(),
                s.productionAccounts().stream().filter(Settings::isAccountId).collect(Collectors.toSet()),
                s.exportFolder(), resourceReads, details, s.findScope());
    }
}
