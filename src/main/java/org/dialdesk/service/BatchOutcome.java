package org.dialdesk.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dialdesk.api.DialResponse;
import org.dialdesk.api.FieldError;

/**
 * What became of one {@code POST /dial/outbound-batched}: the batch is created, refused or never
 * sent as a whole, or its outcome is unknown for every row in it.
 */
public sealed interface BatchOutcome {

    /** The service created the calls; {@code responses} in the order sent. */
    record Created(List<DialResponse> responses) implements BatchOutcome {
        public Created {
            responses = List.copyOf(responses);
        }

        /** Whether it is a call, with its ID, for each of {@code rows} rows sent: nothing to look up or refuse. */
        public boolean callForEach(int rows) {
            return responses.size() == rows && responses.stream().allMatch(response -> response.id() != null);
        }
    }

    /**
     * The service answered and placed none of them. {@code fieldErrors} name rows as
     * {@code [i].field} when it said which; {@code retryAfter} is set for a 429 that gave one.
     */
    record Rejected(DialOutcome.Rejected.Reason reason, int status, String message, List<FieldError> fieldErrors,
                    Optional<Duration> retryAfter) implements BatchOutcome {
        public Rejected {
            fieldErrors = List.copyOf(fieldErrors);
        }

        /** 413: the batch is larger than the service takes; smaller ones may go. */
        public boolean tooLarge() {
            return status == 413;
        }
    }

    /** Nothing left this machine: the rows broke the API's rules, or no connection could be made. */
    record NeverSent(String message, List<FieldError> fieldErrors) implements BatchOutcome {
        public NeverSent {
            fieldErrors = List.copyOf(fieldErrors);
        }
    }

    /** Sent without a clear answer: any of its calls may exist. */
    record Uncertain(String message, Instant attemptedAt) implements BatchOutcome {
    }
}
