package dev.cognitoconsole.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        java.util.Map<String, LastConnection> next = new java.util.HashMap<>(connections);
        next.put(profile, new LastConnection(region, poolId));
        return new Settings(version, profile, next, window, columns, listUsersPerSecond, updatesPerSecond,
                productionProfiles, productionAccounts, exportFolder,
                userResourceReadsPerSecond, details, findScope);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(version, lastProfile, connections, bounds, columns, listUsersPerSecond,
                updatesPerSecond, productionProfiles, productionAccounts, exportFolder,
                userResourceReadsPerSecond, details, findScope);
    }

    public Settings withColumns(List<ColumnLayout> layout) {
        return new Settings(version, lastProfile, connections, window, layout, listUsersPerSecond,
                updatesPerSecond, productionProfiles, productionAccounts, exportFolder,
                userResourceReadsPerSecond, details, findScope);
    }

    public Settings withBudgets(int listUsers, int updates) {
        return new Settings(version, lastProfile, connections, window, columns, listUsers, updates,
                productionProfiles, productionAccounts, exportFolder, userResourceReadsPerSecond, details, findScope);
    }

    /** The budget of the detail pane's reads (groups, sign-in history). */
    public Settings withUserResourceReads(int perSecond) {
        return new Settings(version, lastProfile, connections, window, columns, listUsersPerSecond,
                updatesPerSecond, productionProfiles, productionAccounts, exportFolder, perSecond, details, findScope);
    }

    /** Remembers whether the detail pane is shown and where its divider is. */
    public Settings withDetails(DetailsPane pane) {
        return new Settings(version, lastProfile, connections, window, columns, listUsersPerSecond,
                updatesPerSecond, productionProfiles, productionAccounts, exportFolder, userResourceReadsPerSecond,
                pane, findScope);
    }

    /** Marks a profile as production, or takes the mark away. */
    public Settings withProductionProfile(String profile, boolean production) {
        Set<String> next = new java.util.HashSet<>(productionProfiles);
        if (production) {
            next.add(profile);
        } else {
            next.remove(profile);
        }
        return new Settings(version, lastProfile, connections, window, columns, listUsersPerSecond,
                updatesPerSecond, next, productionAccounts, exportFolder,
                userResourceReadsPerSecond, details, findScope);
    }

    /**
     * Marks these accounts as production and takes the mark from those, leaving the others as they are: saved
     * onto the file, it keeps the accounts another console marked meanwhile.
     */
    public Settings withProductionAccountsChanged(Set<String> added, Set<String> removed) {
        Set<String> next = new java.util.HashSet<>(productionAccounts);
        next.removeAll(removed);
        next.addAll(added);
        return new Settings(version, lastProfile, connections, window, columns, listUsersPerSecond,
                updatesPerSecond, productionProfiles, next, exportFolder,
                userResourceReadsPerSecond, details, findScope);
    }

    /** Remembers the folder an export was written to, so the next export dialog opens there. */
    public Settings withExportFolder(String folder) {
        return new Settings(version, lastProfile, connections, window, columns, listUsersPerSecond,
                updatesPerSecond, productionProfiles, productionAccounts, folder,
                userResourceReadsPerSecond, details, findScope);
    }

    /** Remembers where "Find user" looks. */
    public Settings withFindScope(FindScope scope) {
        return new Settings(version, lastProfile, connections, window, columns, listUsersPerSecond,
                updatesPerSecond, productionProfiles, productionAccounts, exportFolder, userResourceReadsPerSecond,
                details, scope);
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
