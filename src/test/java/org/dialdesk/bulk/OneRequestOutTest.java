package org.dialdesk.bulk;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Future;
import org.dialdesk.api.DialRequest;
import org.dialdesk.service.BatchOutcome;
import org.dialdesk.testing.BatchOnlyDials;
import org.junit.jupiter.api.Test;

class OneRequestOutTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T16:00:00Z"), ZoneOffset.UTC);

    @Test
    void anotherRequestGoesOnlyOnceTheAnswerToTheOneOutIsTaken() throws Exception {
        BatchOnlyDials dials = new BatchOnlyDials() {
            @Override
            public BatchOutcome sendBatch(List<DialRequest> requests) {
                return new BatchOutcome.Created(List.of());
            }

            @Override
            public List<org.dialdesk.api.Call> callsCreatedSince(Instant since, int max) {
                return List.of();
            }
        };
        try (OneRequestOut requests = new OneRequestOut(dials, clock, "r-1")) {
            Future<BatchOutcome> first = requests.send(List.of());
            assertThrows(IllegalStateException.class, () -> requests.send(List.of()), "two out at once");
            assertInstanceOf(BatchOutcome.Created.class, requests.answer(first));
            requests.answer(requests.send(List.of()));
        }
    }

    @Test
    void aFailureOfTheSendingThreadLeavesTheRowsUncertain() {
        BatchOnlyDials failing = new BatchOnlyDials() {
            @Override
            public BatchOutcome sendBatch(List<DialRequest> requests) {
                throw new IllegalStateException("broken");
            }

            @Override
            public List<org.dialdesk.api.Call> callsCreatedSince(Instant since, int max) {
                return List.of();
            }
        };
        try (OneRequestOut requests = new OneRequestOut(failing, clock, "r-1")) {
            assertInstanceOf(BatchOutcome.Uncertain.class, requests.answer(requests.send(List.of())));
        }
    }
}
