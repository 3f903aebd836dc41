package org.dialdesk.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialdesk.api.DialRequest;
import org.dialdesk.service.DialOutcome;
import org.dialdesk.service.DialService;

/** A real dial service that also writes down every dial the screen asked it to send. */
public final class RecordingDialService implements DialService {
    private final DialService real;
    private final List<DialRequest> sent = new CopyOnWriteArrayList<>();

    public RecordingDialService(DialService real) {
        this.real = real;
    }

    /** Every dial asked for, in order, whatever became of it. */
    public List<DialRequest> sent() {
        return sent;
    }

    @Override
    public java.time.Duration answerWithin() {
        return real.answerWithin();
    }

    @Override
    public String baseUrl() {
        return real.baseUrl();
    }

    @Override
    public DialOutcome send(DialRequest request) {
        sent.add(request);
        return real.send(request);
    }

    @Override
    public LookUp lookUp(DialOutcome.Uncertain uncertain) {
        return real.lookUp(uncertain);
    }
    @Override
    public org.dialdesk.service.BatchOutcome sendBatch(List<DialRequest> requests) {
        sent.addAll(requests);
        return real.sendBatch(requests);
    }

    @Override
    public List<org.dialdesk.api.Call> callsCreatedSince(java.time.Instant since, int max) {
        return real.callsCreatedSince(since, max);
    }
}
