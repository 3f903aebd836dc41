package org.dialdesk.ui.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;
import javafx.collections.ObservableListBase;

/**
 * An observable list whose whole content can be swapped for another list in one change
 * ({@link RangeChange}), without copying. JavaFX's own {@code setAll} records every removed element
 * one at a time into a growing list: with 100,000 rows that is megabytes of garbage on the UI thread
 * per filter keystroke, enough to bring on long full garbage collections while someone types.
 * Read-only to its readers (it is changed by swaps and {@link #updated} only), so it is handed out
 * as it is: JavaFX's read-only wrapper looks an element up by reading every one before it, which
 * for a table finding its selected row again after a swap meant 100,000 rows made on the UI thread.
 */
public final class SwappableList<E> extends ObservableListBase<E> implements RandomAccess {
    private List<E> items = new ArrayList<>();

    /**
     * Makes {@code content} this list's content, in one change whose removed elements are the
     * previous content. The list takes {@code content} over: the caller must not change it afterwards.
     */
    public void swap(List<E> content) {
        List<E> previous = items;
        items = content instanceof RandomAccess ? content : new ArrayList<>(content);
        if (!previous.isEmpty() || !items.isEmpty()) {
            fireChange(new RangeChange<>(this, 0, items.size(), Collections.unmodifiableList(previous)));
        }
    }

    /**
     * Tells listeners that the elements from {@code from} (inclusive) to {@code to} (exclusive) read
     * differently now, in place: a table redraws those rows and keeps its selection and scroll.
     */
    public void updated(int from, int to) {
        if (from >= to) {
            return;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }

    /** A copy of the content as it is now, for work on another thread (one array copy, no iteration). */
    public List<E> snapshot() {
        return new ArrayList<>(items);
    }

    @Override
    public E get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** As the content finds it: a content that finds an element without reading every one keeps that speed here. */
    @Override
    public int indexOf(Object element) {
        return items.indexOf(element);
    }

    @Override
    public int lastIndexOf(Object element) {
        return items.lastIndexOf(element);
    }

    @Override
    public boolean contains(Object element) {
        return items.contains(element);
    }
}
