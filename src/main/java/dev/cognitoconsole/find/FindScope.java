package dev.cognitoconsole.find;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Where a search looks: the current profile and region, the current profile in every Cognito region, or chosen
 * profiles, each in its own region or in every region.
 *
 * @param mode   which of the three
 * @param chosen the chosen profiles (used in {@link Mode#CHOSEN} only)
 */
public record FindScope(Mode mode, List<Chosen> chosen) {

    public FindScope {
        mode = mode == null ? Mode.CURRENT : mode;
        chosen = chosen == null ? List.of() : List.copyOf(chosen);
    }

    /** The three kinds of scope. */
    public enum Mode {
        CURRENT("This profile and region"),
        CURRENT_ALL_REGIONS("This profile, all regions"),
        CHOSEN("Chosen profiles");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One chosen profile.
     *
     * @param profile    the profile's name
     * @param allRegions every Cognito region, or only the profile's own region
     */
    public record Chosen(String profile, boolean allRegions) {
    }

    public static final FindScope DEFAULT = new FindScope(Mode.CURRENT, List.of());

    public FindScope withMode(Mode next) {
        return new FindScope(next, chosen);
    }

    /** The (profile, region) places to search, in order, without repeats. */
    public List<Connection> places(Connection current, List<AwsProfile> profiles, List<String> cognitoRegions) {
        List<String> regions = searchable(cognitoRegions);
        LinkedHashSet<Connection> places = new LinkedHashSet<>();
        switch (mode) {
            case CURRENT -> {
                if (current != null) {
                    places.add(current);
                }
            }
            case CURRENT_ALL_REGIONS -> {
                if (current != null) {
                    regions.forEach(r -> places.add(new Connection(current.profile(), r)));
                }
            }
            case CHOSEN -> {
                for (Chosen c : chosen) {
                    profiles.stream().filter(p -> p.name().equals(c.profile())).findFirst().ifPresent(p -> {
                        if (c.allRegions()) {
                            regions.forEach(r -> places.add(new Connection(p, r)));
                        } else {
                            places.add(new Connection(p, p.regionIfSet()
                                    .orElse(current == null ? "us-east-1" : current.region())));
                        }
                    });
                }
            }
            default -> throw new IllegalStateException(mode.name());
        }
        return List.copyOf(places);
    }

    /** Why this scope has nowhere to search, or empty. */
    public Optional<String> problem(Connection current, List<AwsProfile> profiles) {
        if (mode != Mode.CHOSEN && current == null) {
            return Optional.of("Pick a profile and a region first.");
        }
        if (mode == Mode.CHOSEN && chosen.stream().noneMatch(c -> profiles.stream()
                .anyMatch(p -> p.name().equals(c.profile())))) {
            return Optional.of("Choose at least one profile to search (Where: Chosen profiles…).");
        }
        return Optional.empty();
    }

    /** The short label of the scope chooser. */
    public String describe() {
        if (mode != Mode.CHOSEN) {
            return mode.label();
        }
        return chosen.size() == 1 ? "Profile " + chosen.get(0).profile()
                + (chosen.get(0).allRegions() ? ", all regions" : "") : chosen.size() + " profiles";
    }

    /**
     * The commercial regions: FIPS endpoints reach the same pools as their region (a pool would be found twice), and
     * GovCloud and the European sovereign cloud are other partitions that these credentials cannot sign for.
     */
    static List<String> searchable(List<String> cognitoRegions) {
        List<String> regions = new ArrayList<>();
        for (String r : cognitoRegions) {
            if (!r.startsWith("fips-") && !r.startsWith("us-gov-") && !r.startsWith("eusc-")) {
                regions.add(r);
            }
        }
        return regions;
    }

    static FindScope fromSettings(Settings.FindScope saved) {
        if (saved == null) {
            return DEFAULT;
        }
        Mode mode;
        try {
            mode = saved.mode() == null ? Mode.CURRENT : Mode.valueOf(saved.mode());
        } catch (IllegalArgumentException unknown) {
            mode = Mode.CURRENT;
        }
        return new FindScope(mode, saved.profiles().stream()
                .map(p -> new Chosen(p.profile(), p.allRegions())).toList());
    }

    Settings.FindScope toSettings() {
        return new Settings.FindScope(mode.name(), chosen.stream()
                .map(c -> new Settings.FindProfile(c.profile(), c.allRegions())).toList());
    }
}
