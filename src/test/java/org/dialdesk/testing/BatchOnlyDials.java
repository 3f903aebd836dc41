package org.dialdesk.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.dialdesk.api.DialRequest;
import org.dialdesk.service.DialOutcome;
import org.dialdesk.service.DialService;

/**
 * A dial service for bulk tests: bulk sends batches and reads history by its run tags, so a single
 * dial or a look-up by attempt is a mistake the test should hear about. Subclasses script the batches.
 */
public abstract class BatchOnlyDials implements DialService {
    /** What {@link #answerWithin} says: none unless a test sets it, so a stopped run's rows are looked up at once. */
    public Duration answerWithin = Duration.ZERO;

    @Override
    public Duration answerWithin() {
        return answerWithin;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:1/api/v1";
    }

    @Override
    public DialOutcome send(DialRequest request) {
        throw new AssertionError("bulk sends batches only");
    }

    @Override
    public LookUp lookUp(DialOutcome.Uncertain uncertain) {
        throw new AssertionError("bulk reads history by run tags");
    }

    /**
     * Waits, on the thread a request is made on, for what the engine does meanwhile on its own
     * thread (the engine gives no signal to wait on); fails after 30 s.
     */
    public static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }
}
