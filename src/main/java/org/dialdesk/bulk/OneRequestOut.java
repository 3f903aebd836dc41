package org.dialdesk.bulk;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dialdesk.api.DialRequest;
import org.dialdesk.service.BatchOutcome;
import org.dialdesk.service.DialService;

/**
 * Where a run attempt's batched requests are made: on one thread of their own, so the attempt can
 * do the outbox's work for the next chunk while one is out. The attempt never has two out at once;
 * and it ends only once the last has ended, whatever ended the attempt, as a resume looking that
 * request's rows up meanwhile could find nothing yet and send them again.
 */
final class OneRequestOut implements AutoCloseable {
    private final DialService dials;
    private final Clock clock;
    private final String runId;
    private ExecutorService thread;
    /** The request whose answer has not been taken yet, if any. */
    private Future<BatchOutcome> out;

    OneRequestOut(DialService dials, Clock clock, String runId) {
        this.dials = dials;
        this.clock = clock;
        this.runId = runId;
    }

    /**
     * Makes the request on the requests' thread (made at the first).
     *
     * @throws IllegalStateException while the answer to the one before has not been taken
     */
    Future<BatchOutcome> send(List<DialRequest> requests) {
        if (out != null) {
            throw new IllegalStateException("A request is out already: its answer is taken before another goes.");
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(task -> {
                Thread sender = new Thread(task, "bulk-sender-" + runId);
                sender.setDaemon(true);
                return sender;
            });
        }
        out = thread.submit(() -> dials.sendBatch(requests));
        return out;
    }

    /**
     * The answer to a request that is out, waited for through an interrupt (which stays set): what
     * the service did with its rows is recorded, not left to a look-up. A failure of the thread
     * itself (the service classifies every answer, so never expected) leaves them uncertain.
     */
    BatchOutcome answer(Future<BatchOutcome> answer) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    BatchOutcome outcome = answer.get();
                    out = null;
                    return outcome;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    out = null;
                    return new BatchOutcome.Uncertain("The request failed in the console: " + e.getCause(), clock.instant());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for a request still out (the client's timeouts bound it), through interrupts, which it keeps. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
