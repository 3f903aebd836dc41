package org.dialdesk.bulk;

import org.dialdesk.domain.ToldToOperator;

/** A file or a mapping that cannot be used as it is; the message says why and what to do. */
public final class BulkInputException extends Exception implements ToldToOperator {
    public BulkInputException(String message) {
        super(message);
    }

    public BulkInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
