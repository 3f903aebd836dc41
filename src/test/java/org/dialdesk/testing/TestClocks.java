package org.dialdesk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clocks for tests that need time to pass on its own (a sandbox playing calls forward) but not today's date. */
public final class TestClocks {
    /** A Monday afternoon in the United States: inside calling hours for its callees. */
    public static final Instant START = Instant.parse("2026-06-15T16:00:00Z");

    private TestClocks() {
    }

    /** Ticks in real time from {@link #START}, in UTC: what a test sees does not change with the day it runs. */
    public static Clock ticking() {
        Clock system = Clock.systemUTC();
        return Clock.offset(system, Duration.between(system.instant(), START)).withZone(ZoneOffset.UTC);
    }
}
