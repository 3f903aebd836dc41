package org.dialdesk.ui.common;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One change of a list, fired as it is: elements {@code from} to {@code to} are new, in place of
 * {@code removed}. JavaFX's change builder records removed elements one at a time into a growing
 * list; a list whose whole content changes at once (a filter keystroke over 100,000 rows, a million
 * stand-ins of a paged table) fires this instead and hands its removed elements over as they are.
 */
public final class RangeChange<E> extends ListChangeListener.Change<E> {
    private static final int[] NO_PERMUTATION = new int[0];
    private final int from;
    private final int to;
    private final List<E> removed;
    /** -1 before the first {@link #next()}, 0 on the one change, 1 past it. */
    private int cursor = -1;

    public RangeChange(ObservableList<E> list, int from, int to, List<E> removed) {
        super(list);
        this.from = from;
        this.to = to;
        this.removed = removed;
    }

    @Override
    public boolean next() {
        cursor = Math.min(cursor + 1, 1);
        return cursor == 0;
    }

    @Override
    public void reset() {
        cursor = -1;
    }

    @Override
    public int getFrom() {
        checkOnChange();
        return from;
    }

    @Override
    public int getTo() {
        checkOnChange();
        return to;
    }

    @Override
    public List<E> getRemoved() {
        checkOnChange();
        return removed;
    }

    @Override
    protected int[] getPermutation() {
        checkOnChange();
        return NO_PERMUTATION;
    }

    private void checkOnChange() {
        if (cursor != 0) {
            throw new IllegalStateException("Invalid Change state: next() must be called before inspecting the Change.");
        }
    }
}
