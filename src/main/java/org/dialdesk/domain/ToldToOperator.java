package org.dialdesk.domain;

/** Marks an exception whose message is written for the operator (what happened, what to do): it is shown as it is. */
public interface ToldToOperator {
}
