package dev.cognitoconsole.find;

import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.UserPool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The places one search could not look in, one line each, with the reason and the fix. */
final class NotSearchedList {
    private static final Set<String> UNRECOGNISED_KEYS = Set.of("UnrecognizedClientException", "InvalidClientTokenId");

    private final Runnable retry;
    private final ObservableList<NotSearched> lines = FXCollections.observableArrayList();
    private final Map<String, NotSearched> byPlace = new LinkedHashMap<>();
    private final Map<String, List<String>> unrecognisedRegions = new HashMap<>();

    /** @param retry what a sign-in runs once done: the search again */
    NotSearchedList(Runnable retry) {
        this.retry = retry;
    }

    ObservableList<NotSearched> lines() {
        return lines;
    }

    void clear() {
        lines.clear();
        byPlace.clear();
        unrecognisedRegions.clear();
    }

    /**
     * Credentials that cannot be had (an expired SSO session, no keys) fail the profile everywhere: one line for the
     * profile. Keys AWS does not recognise in a region usually mean an opt-in region the account has not enabled:
     * those regions share one line per profile, and the search goes on in the others.
     */
    void add(Connection place, UserPool pool, ConsoleFailure failure) {
        boolean unrecognised = failure.awsCode() != null && UNRECOGNISED_KEYS.contains(failure.awsCode());
        String profile = place.profile().name();
        if (unrecognised) {
            addUnrecognisedRegion(profile, place.region());
            return;
        }
        boolean wholeProfile = failure.kind() == ConsoleFailure.Kind.CREDENTIALS_UNAVAILABLE;
        String where = wholeProfile ? "Profile " + profile + " (every region)"
                : pool != null ? "Pool " + pool.displayName() + " · " + profile + " · " + place.region()
                : "Region " + place.region() + " · profile " + profile + " (its pools could not be listed)";
        if (byPlace.containsKey(where)) {
            return;
        }
        Notice notice = FailureNotices.describe(failure, FailureContext.read("Searching", place,
                pool == null ? null : pool.id(), retry));
        NotSearched line = new NotSearched(where, notice.message(), notice.advice(), notice.signIn());
        byPlace.put(where, line);
        lines.add(line);
    }

    private void addUnrecognisedRegion(String profile, String region) {
        String key = "unrecognised\n" + profile;
        NotSearched before = byPlace.get(key);
        List<String> regions = new ArrayList<>(unrecognisedRegions.getOrDefault(profile, List.of()));
        if (regions.contains(region)) {
            return;
        }
        regions.add(region);
        unrecognisedRegions.put(profile, regions);
        NotSearched line = new NotSearched((regions.size() == 1 ? "Region " : "Regions ") + String.join(", ", regions)
                + " · profile " + profile, "AWS does not recognise the keys of profile " + profile + " there: "
                + (regions.size() == 1 ? "the region is" : "these regions are")
                + " probably not enabled for the account (opt-in regions), so no pool can be there.",
                "Enable the region for the account, or leave it out of the search. If no region works, renew the "
                        + "profile's credentials.", null);
        byPlace.put(key, line);
        if (before == null) {
            lines.add(line);
        } else {
            lines.set(lines.indexOf(before), line);
        }
    }
}
