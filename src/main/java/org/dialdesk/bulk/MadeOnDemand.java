package org.dialdesk.bulk;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A list whose elements are made when asked for, from arrays kept compact. It compares and hashes
 * as itself only: comparing or hashing by content would make every element.
 */
abstract class MadeOnDemand<E> extends AbstractList<E> implements RandomAccess {
    @Override
    public final boolean equals(Object other) {
        return this == other;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }
}
