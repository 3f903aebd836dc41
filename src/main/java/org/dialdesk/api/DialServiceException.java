package org.dialdesk.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every way a call to the dial service can fail, as types the caller can branch on.
 * Messages are meant for an operator and never contain the API key.
 */
public abstract sealed class DialServiceException extends RuntimeException {

    protected DialServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether repeating the same request is safe and may succeed. */
    public abstract boolean isRetryable();

    /** Checked before sending: the request breaks a rule of the contract. Nothing was sent. */
    public static final class InvalidRequest extends DialServiceException {
        private final List<FieldError> errors;

        public InvalidRequest(List<FieldError> errors) {
            super("Nothing was sent; fix these first: " + errors, null);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** 401 or 403: the key is wrong, revoked, or lacks access. */
    public static final class Unauthorized extends DialServiceException {
        private final int status;

        public Unauthorized(int status, String message) {
            super(message, null);
            this.status = status;
        }

        public int status() {
            return status;
        }

        public boolean isForbidden() {
            return status == 403;
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** 404: the path or the ID named does not exist (or the endpoint is not offered). */
    public static final class NotFound extends DialServiceException {
        private final List<FieldError> fieldErrors;

        public NotFound(String message) {
            this(message, List.of());
        }

        /** With the fields whose IDs name nothing, when the service says which. */
        public NotFound(String message, List<FieldError> fieldErrors) {
            super(message, null);
            this.fieldErrors = List.copyOf(fieldErrors);
        }

        public List<FieldError> fieldErrors() {
            return fieldErrors;
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** The service read the request and refused it (400, 409, 413, 422 …), with its reasons. */
    public static final class Rejected extends DialServiceException {
        private final int status;
        private final String serverMessage;
        private final List<FieldError> fieldErrors;

        public Rejected(int status, String serverMessage, List<FieldError> fieldErrors) {
            super("The service rejected the request (" + status + "): " + serverMessage, null);
            this.status = status;
            this.serverMessage = serverMessage;
            this.fieldErrors = List.copyOf(fieldErrors);
        }

        public int status() {
            return status;
        }

        public String serverMessage() {
            return serverMessage;
        }

        public List<FieldError> fieldErrors() {
            return fieldErrors;
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** 429: too many requests. The service did not act on this one. */
    public static final class RateLimited extends DialServiceException {
        private final Duration retryAfter;

        public RateLimited(Duration retryAfter, String message) {
            super(message, null);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public boolean isRetryable() {
            return true;
        }
    }

    /** 5xx: the service failed. For a dial this may still have created the call: see the client. */
    public static final class ServerError extends DialServiceException {
        private final int status;

        public ServerError(int status, String message) {
            super(message, null);
            this.status = status;
        }

        public int status() {
            return status;
        }

        @Override
        public boolean isRetryable() {
            return true;
        }
    }

    /** The request never left this machine (no connection, DNS, TLS): safe to send again. */
    public static final class NetworkFailure extends DialServiceException {
        public NetworkFailure(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean isRetryable() {
            return true;
        }
    }

    /**
     * A dial was sent and no answer came back (timeout, reset, unreadable answer). The call may
     * exist: it must not be sent again until call history shows whether it does.
     */
    public static final class OutcomeUncertain extends DialServiceException {
        public OutcomeUncertain(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** A read failed after it was sent, or its answer could not be read. Reads are safe to repeat. */
    public static final class ReadFailure extends DialServiceException {
        public ReadFailure(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean isRetryable() {
            return true;
        }
    }
}
