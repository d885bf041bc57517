package dev.cognitoconsole.find;

/** The line under the results of "Find user": what was found, and how completely the search looked. */
final class FindSummary {

    /** Where a search stands. */
    enum State { IDLE, RUNNING, DONE, STOPPED }

    private FindSummary() {
    }

    /**
     * The line under the results. It says "no user found" only when every pool of every place was searched: an
     * operator must never read that while some pools were not looked in.
     */
    static String line(State state, int found, int searched, int listed, int poolsFailed, int placesNotListed) {
        String users = found == 1 ? "1 user found" : found + " users found";
        String pools = listed == 1 ? "pool" : "pools";
        if (state == State.IDLE) {
            return "";
        }
        if (state == State.RUNNING) {
            return "Searching… " + users + " so far.";
        }
        String unlisted = placesNotListed == 0 ? ""
                : placesNotListed == 1 ? " 1 region or profile could not be listed, so its pools are not counted."
                : " " + placesNotListed + " regions or profiles could not be listed, so their pools are not counted.";
        if (state == State.STOPPED) {
            return "Stopped: searched " + searched + " of " + listed + " " + pools + "; " + users + " so far."
                    + unlisted;
        }
        if (poolsFailed == 0 && placesNotListed == 0) {
            if (found == 0) {
                return listed == 0 ? "No user pools in the places searched." : "No user found in the " + listed
                        + " " + pools + " searched.";
            }
            return users + " in " + listed + " " + pools + " (all searched).";
        }
        return "Searched " + searched + " of " + listed + " " + pools + ": " + users + " there." + unlisted
                + " See Not searched: a user may be in the places listed there.";
    }
}
