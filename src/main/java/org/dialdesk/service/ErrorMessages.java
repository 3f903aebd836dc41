package org.dialdesk.service;

import org.dialdesk.api.DialServiceException;

/** Turns a failure into one sentence an operator can act on. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static String describe(Throwable failure) {
        if (failure instanceof DialServiceException e) {
            return e.getMessage();
        }
        if (failure instanceof IllegalArgumentException || failure instanceof org.dialdesk.domain.ToldToOperator) {
            return failure.getMessage();
        }
        String message = failure.getMessage();
        return "Unexpected error (" + failure.getClass().getSimpleName() + ")" + (message == null ? "" : ": " + message);
    }
}
