package dev.cognitoconsole.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** A mapped view of an observable list: read through the mapping, following the source's changes. */
class MappedListTest {
    private final ObservableList<String> source = FXCollections.observableArrayList("alice", "bob");
    private final AtomicInteger mapped = new AtomicInteger();
    private final MappedList<String, Integer> lengths = new MappedList<>(source, name -> {
        mapped.incrementAndGet();
        return name.length();
    });

    @Test
    void readsEachElementThroughTheMappingOnlyWhenAskedFor() {
        source.addAll("carol", "dave");
        assertThat(mapped).hasValue(0);

        assertThat(lengths).containsExactly(5, 3, 5, 4);
        assertThat(lengths.get(1)).isEqualTo(3);
    }

    @Test
    void passesOnAddsAndRemovalsWithTheRemovedElementsMapped() {
        List<String> seen = new ArrayList<>();
        lengths.addListener((ListChangeListener<Integer>) change -> {
            while (change.next()) {
                seen.add(change.getFrom() + ":+" + change.getAddedSubList() + "-" + change.getRemoved());
            }
        });

        source.add("carol");
        source.remove("alice");
        source.setAll("x");

        assertThat(seen).containsExactly("2:+[5]-[]", "0:+[]-[5]", "0:+[1]-[3, 5]");
    }

    @Test
    void passesOnASortAsAPermutation() {
        source.setAll("ccc", "a", "bb");
        List<Integer> moved = new ArrayList<>();
        lengths.addListener((ListChangeListener<Integer>) change -> {
            while (change.next()) {
                assertThat(change.wasPermutated()).isTrue();
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    moved.add(change.getPermutation(i));
                }
            }
        });

        FXCollections.sort(source, Comparator.comparing(String::length));

        assertThat(moved).containsExactly(2, 0, 1);
        assertThat(lengths).containsExactly(1, 2, 3);
    }

    @Test
    void aBindingOnTheViewFollowsTheSource() {
        BooleanBinding empty = Bindings.isEmpty(lengths);
        assertThat(empty.get()).isFalse();

        source.clear();

        assertThat(empty.get()).isTrue();
    }
}
