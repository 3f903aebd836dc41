package org.dialdesk.profile;

import org.dialdesk.domain.ToldToOperator;

/**
 * A key could not be kept or read. The message says what happened and what to do, for the
 * operator; it never holds the key.
 */
public final class SecretException extends Exception implements ToldToOperator {
    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
