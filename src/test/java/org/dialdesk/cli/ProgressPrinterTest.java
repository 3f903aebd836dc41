package org.dialdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.dialdesk.bulk.BulkProgress;
import org.dialdesk.store.OutboxJournal.State;
import org.dialdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T16:00:00Z"));
    final StringWriter written = new StringWriter();

    static BulkProgress sending(int created) {
        return new BulkProgress("r-1", Map.of(State.CREATED, created, State.PLANNED, 10 - created), 2.0,
                Optional.of(Duration.ofSeconds(5)), null);
    }

    static BulkProgress waiting(String note) {
        return new BulkProgress("r-1", Map.of(State.CREATED, 5, State.UNCERTAIN, 5), 2.0, Optional.of(Duration.ofSeconds(3)), note);
    }

    @Test
    void withoutATerminalALineEveryFewSecondsButWhatTheRunWaitsForAtOnce() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(written, true), false, clock);
        printer.show(sending(4));
        clock.advance(Duration.ofSeconds(1));
        printer.show(sending(5)); // within the few seconds: not printed
        printer.show(waiting("Call history is checked at 16:01:10."));
        printer.show(waiting("Call history is checked at 16:01:10.")); // said once
        assertEquals(String.join(System.lineSeparator(), "4 of 10 · 4 created · 2.0/s · about 5 s left",
                "Call history is checked at 16:01:10.", "5 of 10 · 5 created · 5 uncertain", ""), written.toString());
    }

    @Test
    void onATerminalTheNoteGoesOnALineOfItsOwnAndTheBarIsDrawnBelowIt() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(written, true), true, clock);
        printer.show(sending(4));
        printer.show(waiting("Call history is checked at 16:01:10."));
        String[] lines = written.toString().split(System.lineSeparator(), -1);
        assertEquals("Call history is checked at 16:01:10.", lines[1]);
        assertEquals("\r[###############               ] 5 of 10 · 5 created · 5 uncertain   ", lines[2]);
    }
}
