package org.dialdesk.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.dialdesk.store.OutboxJournal.State;
import org.junit.jupiter.api.Test;

class BulkProgressTest {

    @Test
    void theBarCountsTheRowsToDialNotTheRowsThePreviewSkipped() {
        BulkProgress starting = new BulkProgress("r", Map.of(State.SKIPPED, 900, State.PLANNED, 100), 2, Optional.empty(), null);
        assertEquals(0.0, starting.fraction(), "nothing is dialled yet, whatever the preview skipped");
        BulkProgress halfway = new BulkProgress("r", Map.of(State.SKIPPED, 900, State.CREATED, 40, State.REJECTED, 10,
                State.UNCERTAIN, 5, State.PLANNED, 45), 2, Optional.of(Duration.ofSeconds(30)), null);
        assertEquals(0.5, halfway.fraction(), 1e-9, "an uncertain row is not settled");
        assertEquals("950 of 1,000 · 40 created · 10 rejected · 5 uncertain · 900 skipped · 2.0/s · about 30 s left",
                halfway.line());
        assertEquals(1.0, new BulkProgress("r", Map.of(State.SKIPPED, 3), 2, Optional.empty(), null).fraction(),
                "a run with nothing to dial is done");
        assertEquals("950 of 1,000 · 40 created · 10 rejected · 5 uncertain · 900 skipped", halfway.standingLine(),
                "stopped: no pace and no time left");
    }

    @Test
    void aCancelledRunsBarShowsWhatWasDialledNotTheRowsTheCancelLeftUnsent() {
        BulkProgress cancelled = new BulkProgress("r", Map.of(State.CREATED, 40, State.CANCELED, 60), 2, Optional.empty(), null);
        assertEquals(0.4, cancelled.fraction(), 1e-9);
        assertEquals("100 of 100 · 40 created · 60 cancelled", cancelled.standingLine());
    }
}
