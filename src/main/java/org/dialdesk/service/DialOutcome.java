package org.dialdesk.service;

import java.time.Instant;
import java.util.List;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.dialdesk.api.FieldError;

/**
 * What became of one dial: the one classification the dial form, {@code dialdesk dial} and the
 * bulk engine act on. Only {@link Uncertain} may have rung someone without a call to show for it.
 */
public sealed interface DialOutcome {

    DialRequest request();

    /** The service created the call. */
    record Created(DialRequest request, DialResponse response) implements DialOutcome {
    }

    /**
     * The service answered and did not place the call: it refused the request (with the fields it
     * named, if any), the key, or the rate. Nothing rang; fixing what it says and sending again is safe.
     */
    record Rejected(DialRequest request, Reason reason, String message, List<FieldError> fieldErrors)
            implements DialOutcome {
        public enum Reason { REFUSED, NOT_FOUND, UNAUTHORIZED, RATE_LIMITED }

        public Rejected {
            fieldErrors = List.copyOf(fieldErrors);
        }

        /** Whether the service refused this call (what it asks, whom it rings), rather than the key or the pace. */
        public boolean aboutTheRequest() {
            return reason == Reason.REFUSED || reason == Reason.NOT_FOUND;
        }
    }

    /**
     * The dial never left this machine: the request broke the API's rules ({@code fieldErrors}
     * says where) or no connection could be made. Sending again is safe.
     */
    record NeverSent(DialRequest request, String message, List<FieldError> fieldErrors) implements DialOutcome {
        public NeverSent {
            fieldErrors = List.copyOf(fieldErrors);
        }

        public boolean invalid() {
            return !fieldErrors.isEmpty();
        }
    }

    /**
     * The dial was sent and no clear answer came back: the call may exist. It must not be sent
     * again until call history says whether it does ({@link DialService#lookUp}).
     */
    record Uncertain(DialRequest request, String message, Instant attemptedAt) implements DialOutcome {
    }
}
