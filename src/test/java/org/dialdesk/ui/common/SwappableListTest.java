package org.dialdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

class SwappableListTest {

    @Test
    void aSwapIsOneChangeWhoseRemovedElementsAreThePreviousContent() {
        SwappableList<String> list = new SwappableList<>();
        list.swap(new ArrayList<>(List.of("a", "b", "c")));
        List<String> seen = new ArrayList<>();
        list.addListener((ListChangeListener<String>) change -> {
            int parts = 0;
            while (change.next()) {
                parts++;
                assertTrue(change.wasReplaced());
                seen.add(change.getFrom() + ".." + change.getTo() + " removed " + change.getRemoved());
            }
            assertEquals(1, parts);
            change.reset();
            assertTrue(change.next(), "a change can be read again after reset");
        });

        list.swap(new ArrayList<>(List.of("x", "y")));

        assertEquals(List.of("0..2 removed [a, b, c]"), seen);
        assertEquals(List.of("x", "y"), List.copyOf(list));
    }

    @Test
    void swappingNothingForNothingTellsNobody() {
        SwappableList<String> list = new SwappableList<>();
        int[] changes = {0};
        list.addListener((ListChangeListener<String>) change -> changes[0]++);
        list.swap(new ArrayList<>());
        assertEquals(0, changes[0]);
    }

    /** JavaFX's own views of a list follow it only if every change it reports is exactly right. */
    @Test
    void sortedAndFilteredViewsFollowSwapsSetsAddsAndRemoves() {
        SwappableList<String> list = new SwappableList<>();
        SortedList<String> sorted = new SortedList<>(list, Comparator.naturalOrder());
        FilteredList<String> filtered = new FilteredList<>(list, s -> !s.startsWith("x"));
        ObservableList<String> readOnly = FXCollections.unmodifiableObservableList(list);
        List<String> mirror = new ArrayList<>();
        readOnly.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                mirror.addAll(change.getFrom(), change.getAddedSubList());
            }
        });

        list.swap(new ArrayList<>(List.of("d", "b", "x1", "a")));
        check(list, sorted, filtered, mirror);
        list.set(1, "x2");
        check(list, sorted, filtered, mirror);
        list.addAll(0, List.of("c", "x3"));
        check(list, sorted, filtered, mirror);
        list.add(3, "e");
        check(list, sorted, filtered, mirror);
        list.remove(0);
        check(list, sorted, filtered, mirror);
        list.swap(new ArrayList<>(List.of("z")));
        check(list, sorted, filtered, mirror);
        list.swap(new ArrayList<>());
        check(list, sorted, filtered, mirror);
        assertFalse(list.addAll(0, List.of()), "adding nothing changes nothing");
    }

    private static void check(List<String> list, List<String> sorted, List<String> filtered, List<String> mirror) {
        assertEquals(list.stream().sorted().toList(), List.copyOf(sorted));
        assertEquals(list.stream().filter(s -> !s.startsWith("x")).toList(), List.copyOf(filtered));
        assertEquals(List.copyOf(list), mirror);
    }
}
