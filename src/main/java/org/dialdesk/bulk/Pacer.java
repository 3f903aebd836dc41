package org.dialdesk.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How fast rows go out: at most {@code target} dials a second, measured from the start of one
 * request to the next. A 429 halves the pace and waits (as long as {@code Retry-After} says, when
 * it says); three answered requests in a row win half of it back.
 */
final class Pacer {
    static final double MIN_RATE = 0.05;
    private static final int WIN_BACK_AFTER = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

    private final Clock clock;
    private double target;
    private double rate;
    private Instant nextStart;
    private int answeredInARow;
    private int limitedInARow;

    Pacer(Clock clock, double target) {
        this.clock = clock;
        this.target = target;
        this.rate = target;
        this.nextStart = clock.instant();
    }

    double rate() {
        return rate;
    }

    void setTarget(double newTarget) {
        target = newTarget;
        rate = Math.min(rate, newTarget);
    }

    /** How long to wait before sending {@code rows} more; zero when it may go now. */
    Duration waitBefore() {
        Duration wait = Duration.between(clock.instant(), nextStart);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** A request of {@code rows} starts now: the next may start when they are paid for at the current rate. */
    void started(int rows) {
        Instant now = clock.instant();
        Instant from = now.isAfter(nextStart) ? now : nextStart;
        nextStart = from.plusNanos((long) (rows / rate * 1e9));
    }

    void answered() {
        limitedInARow = 0;
        if (++answeredInARow >= WIN_BACK_AFTER && rate < target) {
            rate = Math.min(target, rate * 1.5);
            answeredInARow = 0;
        }
    }

    /** The service asked to slow down: halve the pace, and wait before the next request. */
    void limited(Optional<Duration> retryAfter) {
        answeredInARow = 0;
        rate = Math.max(floor(), rate / 2);
        limitedInARow++;
        // The service's own word on how long, within reason: a run must not stop for hours on one answer.
        Duration backoff = retryAfter.filter(d -> d.compareTo(MAX_BACKOFF.multipliedBy(5)) <= 0).orElseGet(() -> {
            long seconds = FIRST_BACKOFF.getSeconds() << Math.min(limitedInARow - 1, 10);
            return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.getSeconds()));
        });
        Instant until = clock.instant().plus(backoff);
        if (until.isAfter(nextStart)) {
            nextStart = until;
        }
    }

    /**
     * The service failed or could not be reached: ease off a quarter, not half. A 5xx may be one
     * bad request rather than load; a 429 is the service's own word that the pace is too high.
     */
    void struggled() {
        answeredInARow = 0;
        rate = Math.max(floor(), rate * 0.75);
    }

    /** Never slower than a twentieth of the pace asked for (or {@link #MIN_RATE}): a run must still end. */
    private double floor() {
        return Math.max(MIN_RATE, Math.min(target, target / 20));
    }
}
