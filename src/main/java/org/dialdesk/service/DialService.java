package org.dialdesk.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dialdesk.api.Call;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;

/**
 * The one place that sends a dial and tells what became of it, and looks an uncertain dial up in
 * call history; the dial form, {@code dialdesk dial} and the bulk engine all go through it. It never
 * sends a dial again by itself: the service does not deduplicate, so a blind retry can ring a real
 * person twice. Its methods block: call them off the UI thread.
 */
public interface DialService {

    /** Over the dial service's API; {@code clock} stamps each attempt, for finding it again in history. */
    static DialService over(DialClient client, Clock clock) {
        return new ClientDialService(client, clock, AuditTrail.NONE, DoNotCall.NONE);
    }

    /** As {@link #over(DialClient, Clock)}, recording every dial and its outcome in {@code audit}. */
    static DialService over(DialClient client, Clock clock, AuditTrail audit) {
        return new ClientDialService(client, clock, audit, DoNotCall.NONE);
    }

    /** As {@link #over(DialClient, Clock, AuditTrail)}, refusing every number {@code doNotCall} lists. */
    static DialService over(DialClient client, Clock clock, AuditTrail audit, DoNotCall doNotCall) {
        return new ClientDialService(client, clock, audit, doNotCall);
    }

    /** Where the dials go, for showing the same request as a command. */
    String baseUrl();

    /**
     * The longest a request is waited on before its answer is given up. A request that a stopped
     * process left with the service has had its answer, or been given up, this long after it was sent;
     * until then the service may still be placing its calls.
     */
    Duration answerWithin();

    /** Sends the dial once and classifies the answer; never throws for what the service or the network did. */
    DialOutcome send(DialRequest request);

    /** What call history says of an uncertain dial: the call it made, if one shows, and since when it was sought. */
    record LookUp(Optional<Call> found, Instant since) {
    }

    /**
     * Looks in call history for the uncertain dial: a call to the same number created since just
     * before the attempt. A failure to read history is thrown (the outcome stays unknown).
     */
    LookUp lookUp(DialOutcome.Uncertain uncertain);

    /**
     * Sends the rows as one {@code POST /dial/outbound-batched}, once, and classifies the answer;
     * never throws for what the service or the network did. Rows on the do-not-call list are not
     * the bulk engine's to send: it leaves them out in planning, and this refuses the batch if one slips in.
     */
    BatchOutcome sendBatch(List<DialRequest> requests);

    /**
     * The calls created since {@code since} (to the second, newest first), as call history lists
     * them, for reconciling uncertain bulk rows; at most {@code max}. A failure to read is thrown.
     *
     * @throws TooManyCalls when more than {@code max} were created since then
     */
    List<Call> callsCreatedSince(Instant since, int max);

    /** Thrown when a look-up window holds more calls than the caller can check. */
    final class TooManyCalls extends RuntimeException {
        public TooManyCalls(String message) {
            super(message);
        }
    }
}
