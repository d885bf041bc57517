package dev.cognitoconsole.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the console remembers between runs. It holds names, ids and numbers only: never a key, token or
 * any other secret.
 *
 * @param version            the file format, {@link #CURRENT_VERSION}
 * @param lastProfile        the profile used last, or {@code null}
 * @param connections        per profile: the region and pool used last
 * @param window             the main window's bounds, or {@code null}
 * @param columns            the users table's columns in their order, with widths
 * @param listUsersPerSecond the ListUsers budget, 1..30 requests per second
 * @param updatesPerSecond   the UserUpdate budget (AdminDisableUser, AdminEnableUser, AdminUserGlobalSignOut), 1..25
 *                           requests per second
 * @param productionProfiles profiles marked as production
 * @param productionAccounts AWS account ids marked as production (12 digits each)
 * @param exportFolder       the folder an export was last written to, or {@code null}
 * @param userResourceReadsPerSecond the AdminListGroupsForUser/AdminListUserAuthEvents budget, 1..50 per second
 * @param details            the user detail pane beside the table: shown or hidden, and its divider; {@code null}:
 *                           as at first
 * @param findScope          where "Find user" looks, or {@code null} for the current profile and region
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(int version, String lastProfile, Map<String, LastConnection> connections,
                       WindowBounds window, List<ColumnLayout> columns, int listUsersPerSecond,
                       int updatesPerSecond, Set<String> productionProfiles, Set<String> productionAccounts,
                       String exportFolder, int userResourceReadsPerSecond, DetailsPane details,
                       FindScope findScope) {

    public static final int CURRENT_VERSION = 1;

    public Settings {
        connections = connections == null ? Map.of() : Map.copyOf(connections);
        columns = columns == null ? List.of() : List.copyOf(columns);
        productionProfiles = productionProfiles == null ? Set.of() : Set.copyOf(productionProfiles);
        productionAccounts = productionAccounts == null ? Set.of() : Set.copyOf(productionAccounts);
    }

    /** Whether the text is an AWS account id: twelve digits. */
    public static boolean isAccountId(String text) {
        return text != null && text.matches("[0-9]{12}");
    }

    public static Settings defaults() {
        return new Settings(CURRENT_VERSION, null, Map.of(), null, List.of(), 15, 10, Set.of(), Set.of(), null, 20,
                DetailsPane.FIRST, null);
    }

    /** The region and pool last used with one profile. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastConnection(String region, String poolId) {
    }

    /** Where the main window was. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    /**
     * The user detail pane beside the table.
     *
     * @param shown   whether it is shown
     * @param divider where the divider between the table and the pane is, as a fraction of the width (0.2..0.9)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DetailsPane(boolean shown, double divider) {
        /** Shown, the table taking 70% of the width. */
        public static final DetailsPane FIRST = new DetailsPane(true, 0.7);
    }

    /** One column of the users table, by its id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ColumnLayout(String id, double width) {
    }

    public Settings withLastConnection(String profile, String region, String poolId) {
        return edit(d -> {
            d.lastProfile = profile;
            d.connections.put(profile, new LastConnection(region, poolId));
        });
    }

    public Settings withWindow(WindowBounds bounds) {
        return edit(d -> d.window = bounds);
    }

    public Settings withColumns(List<ColumnLayout> layout) {
        return edit(d -> d.columns = layout);
    }

    public Settings withBudgets(int listUsers, int updates) {
        return edit(d -> {
            d.listUsersPerSecond = listUsers;
            d.updatesPerSecond = updates;
        });
    }

    /** The budget of the detail pane's reads (groups, sign-in history). */
    public Settings withUserResourceReads(int perSecond) {
        return edit(d -> d.userResourceReadsPerSecond = perSecond);
    }

    /** Remembers whether the detail pane is shown and where its divider is. */
    public Settings withDetails(DetailsPane pane) {
        return edit(d -> d.details = pane);
    }

    /** Marks a profile as production, or takes the mark away. */
    public Settings withProductionProfile(String profile, boolean production) {
        return edit(d -> {
            if (production) {
                d.productionProfiles.add(profile);
            } else {
                d.productionProfiles.remove(profile);
            }
        });
    }

    /**
     * Marks these accounts as production and takes the mark from those, leaving the others as they are: saved
     * onto the file, it keeps the accounts another console marked meanwhile.
     */
    public Settings withProductionAccountsChanged(Set<String> added, Set<String> removed) {
        return edit(d -> {
            d.productionAccounts.removeAll(removed);
            d.productionAccounts.addAll(added);
        });
    }

    /** Remembers the folder an export was written to, so the next export dialog opens there. */
    public Settings withExportFolder(String folder) {
        return edit(d -> d.exportFolder = folder);
    }

    /** Remembers where "Find user" looks. */
    public Settings withFindScope(FindScope scope) {
        return edit(d -> d.findScope = scope);
    }

    // One copy of the field list for every change: a new setting is added here and in the record, nowhere else.
    private Settings edit(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new Settings(d.version, d.lastProfile, d.connections, d.window, d.columns, d.listUsersPerSecond,
                d.updatesPerSecond, d.productionProfiles, d.productionAccounts, d.exportFolder,
                d.userResourceReadsPerSecond, d.details, d.findScope);
    }

    /** A changeable copy of the settings, for {@link #edit}. */
    private static final class Draft {
        final int version;
        String lastProfile;
        final Map<String, LastConnection> connections;
        WindowBounds window;
        List<ColumnLayout> columns;
        int listUsersPerSecond;
        int updatesPerSecond;
        final Set<String> productionProfiles;
        final Set<String> productionAccounts;
        String exportFolder;
        int userResourceReadsPerSecond;
        DetailsPane details;
        FindScope findScope;

        Draft(Settings s) {
            version = s.version;
            lastProfile = s.lastProfile;
            connections = new HashMap<>(s.connections);
            window = s.window;
            columns = s.columns;
            listUsersPerSecond = s.listUsersPerSecond;
            updatesPerSecond = s.updatesPerSecond;
            productionProfiles = new HashSet<>(s.productionProfiles);
            productionAccounts = new HashSet<>(s.productionAccounts);
            exportFolder = s.exportFolder;
            userResourceReadsPerSecond = s.userResourceReadsPerSecond;
            details = s.details;
            findScope = s.findScope;
        }
    }

    /**
     * Where "Find user" looks.
     *
     * @param mode     CURRENT, CURRENT_ALL_REGIONS or CHOSEN
     * @param profiles the chosen profiles
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FindScope(String mode, List<FindProfile> profiles) {
        public FindScope {
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }
    }

    /** A profile chosen for "Find user", in its own region or in all. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FindProfile(String profile, boolean allRegions) {
    }
}
