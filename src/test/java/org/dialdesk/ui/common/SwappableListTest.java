package org.dialdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
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
    void sortedAndFilteredViewsFollowSwapsAndUpdates() {
        SwappableList<String> list = new SwappableList<>();
        SortedList<String> sorted = new SortedList<>(list, Comparator.naturalOrder());
        FilteredList<String> filtered = new FilteredList<>(list, s -> !s.startsWith("x"));
        List<String> mirror = new ArrayList<>();
        List<Integer> updated = new ArrayList<>();
        list.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    for (int i = change.getFrom(); i < change.getTo(); i++) {
                        updated.add(i);
                    }
                    continue;
                }
                mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                mirror.addAll(change.getFrom(), change.getAddedSubList());
            }
        });

        list.swap(new ArrayList<>(List.of("d", "b", "x1", "a")));
        check(list, sorted, filtered, mirror);
        list.updated(1, 3);
        assertEquals(List.of(1, 2), updated);
        check(list, sorted, filtered, mirror);
        list.swap(new ArrayList<>(List.of("z")));
        check(list, sorted, filtered, mirror);
        list.swap(new ArrayList<>());
        check(list, sorted, filtered, mirror);
    }

    @Test
    void itIsReadOnlyToItsReaders() {
        SwappableList<String> list = new SwappableList<>();
        list.swap(new ArrayList<>(List.of("a")));
        assertThrows(UnsupportedOperationException.class, () -> list.add("b"));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, "b"));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        assertEquals(List.of("a"), List.copyOf(list));
    }

    /** A table looks its selected row up after every swap: the content's own quick look-up is used, not a read of every row. */
    @Test
    void anElementIsFoundAsTheContentFindsIt() {
        final class RowsMadeOnDemand extends java.util.AbstractList<String> implements java.util.RandomAccess {
            @Override
            public String get(int index) {
                throw new AssertionError("row " + index + " made to look one up");
            }

            @Override
            public int size() {
                return 100_000;
            }

            @Override
            public int indexOf(Object element) {
                return "row 70000".equals(element) ? 69_999 : -1;
            }

            @Override
            public int lastIndexOf(Object element) {
                return indexOf(element);
            }

            @Override
            public boolean contains(Object element) {
                return indexOf(element) >= 0;
            }
        }
        SwappableList<String> list = new SwappableList<>();
        list.swap(new RowsMadeOnDemand());
        assertEquals(69_999, list.indexOf("row 70000"));
        assertEquals(69_999, list.lastIndexOf("row 70000"));
        assertTrue(list.contains("row 70000"));
        assertEquals(-1, list.indexOf("row 7"));
    }

    private static void check(List<String> list, List<String> sorted, List<String> filtered, List<String> mirror) {
        assertEquals(list.stream().sorted().toList(), List.copyOf(sorted));
        assertEquals(list.stream().filter(s -> !s.startsWith("x")).toList(), List.copyOf(filtered));
        assertEquals(List.copyOf(list), mirror);
    }
}
