package dev.cognitoconsole.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final Map<String, Page<String>> PAGES = new HashMap<>();

    static {
        PAGES.put(null, new Page<>(List.of("a", "b"), "t1"));
        PAGES.put("t1", new Page<>(List.of(), "t2"));
        PAGES.put("t2", new Page<>(List.of("c"), ""));
    }

    @Test
    void allFollowsEveryTokenIncludingPastAnEmptyPageAndEndsOnAnEmptyToken() {
        List<String> asked = new ArrayList<>();

        List<String> items = Page.all(token -> {
            asked.add(token);
            return PAGES.get(token);
        }, () -> false);

        assertThat(items).containsExactly("a", "b", "c");
        assertThat(asked).containsExactly(null, "t1", "t2");
    }

    @Test
    void allAsksWhetherToStopAfterEachPageAndKeepsWhatItHas() {
        List<String> asked = new ArrayList<>();

        List<String> items = Page.all(token -> {
            asked.add(token);
            return PAGES.get(token);
        }, () -> asked.size() == 2);

        assertThat(items).containsExactly("a", "b");
        assertThat(asked).containsExactly(null, "t1");
    }
}
