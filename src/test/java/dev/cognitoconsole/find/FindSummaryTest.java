package dev.cognitoconsole.find;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindSummaryTest {

    @Test
    void theCompletenessLineSaysNoUserFoundOnlyWhenEveryPoolWasSearched() {
        assertThat(FindSummary.line(FindSummary.State.DONE, 0, 50, 50, 0, 0))
                .isEqualTo("No user found in the 50 pools searched.");
        assertThat(FindSummary.line(FindSummary.State.DONE, 0, 47, 50, 3, 0))
                .startsWith("Searched 47 of 50 pools: 0 users found there.")
                .doesNotContainIgnoringCase("no user found");
        assertThat(FindSummary.line(FindSummary.State.DONE, 0, 50, 50, 0, 1))
                .startsWith("Searched 50 of 50 pools")
                .contains("1 region or profile could not be listed")
                .doesNotContainIgnoringCase("no user found");
        assertThat(FindSummary.line(FindSummary.State.STOPPED, 1, 20, 50, 0, 0))
                .isEqualTo("Stopped: searched 20 of 50 pools; 1 user found so far.");
        assertThat(FindSummary.line(FindSummary.State.DONE, 2, 50, 50, 0, 0))
                .isEqualTo("2 users found in 50 pools (all searched).");
        assertThat(FindSummary.line(FindSummary.State.DONE, 0, 0, 0, 0, 0))
                .isEqualTo("No user pools in the places searched.");
    }
}
