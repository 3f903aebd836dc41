package org.dialdesk.testing;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dialdesk.api.Call;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.dialdesk.service.DialOutcome;
import org.dialdesk.service.DialService;

/**
 * A dial service whose answers the test scripts, one per dial, and which remembers every dial it
 * was sent: view-model tests check what the screen makes of each outcome, and that nothing was sent
 * twice, without a server.
 */
public final class FakeDialService implements DialService {
    private final Clock clock;
    private final Deque<Function<DialRequest, DialOutcome>> answers = new ArrayDeque<>();
    private final Deque<Optional<Call>> lookUps = new ArrayDeque<>();
    private final List<DialRequest> sent = new ArrayList<>();
    private int lookUpCount;

    public FakeDialService(Clock clock) {
        this.clock = clock;
    }

    /** The next dial is created with this ID. */
    public FakeDialService createsCall(String id) {
        answers.add(request -> new DialOutcome.Created(request, new DialResponse(id, null, null, null, null, null)));
        return this;
    }

    /** The next dial gets this answer. */
    public FakeDialService answers(Function<DialRequest, DialOutcome> answer) {
        answers.add(answer);
        return this;
    }

    /** The next dial gets no clear answer. */
    public FakeDialService losesTheAnswer() {
        answers.add(request -> new DialOutcome.Uncertain(request, "The connection dropped.", clock.instant()));
        return this;
    }

    /** The next look-up in call history finds this call (empty: finds nothing). */
    public FakeDialService historyShows(Optional<Call> call) {
        lookUps.add(call);
        return this;
    }

    /** Every dial sent, in order. */
    public List<DialRequest> sent() {
        return sent;
    }

    public int lookUpCount() {
        return lookUpCount;
    }

    @Override
    public java.time.Duration answerWithin() {
        return java.time.Duration.ZERO; // its answers come at once
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:9/api/v1";
    }

    @Override
    public DialOutcome send(DialRequest request) {
        sent.add(request);
        Function<DialRequest, DialOutcome> answer = answers.poll();
        if (answer == null) {
            throw new AssertionError("a dial nobody expected: " + request);
        }
        return answer.apply(request);
    }

    @Override
    public LookUp lookUp(DialOutcome.Uncertain uncertain) {
        lookUpCount++;
        Optional<Call> found = lookUps.poll();
        if (found == null) {
            throw new AssertionError("a history look-up nobody expected");
        }
        return new LookUp(found, uncertain.attemptedAt());
    }
    @Override
    public org.dialdesk.service.BatchOutcome sendBatch(List<DialRequest> requests) {
        throw new AssertionError("a batch nobody expected: " + requests.size() + " rows");
    }

    @Override
    public List<Call> callsCreatedSince(java.time.Instant since, int max) {
        throw new AssertionError("a history listing nobody expected");
    }
}
