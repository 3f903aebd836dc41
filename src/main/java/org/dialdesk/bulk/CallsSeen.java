package org.dialdesk.bulk;

import static org.dialdesk.bulk.BulkEngine.ROW_KEY;
import static org.dialdesk.bulk.BulkEngine.RUN_KEY;
import static org.dialdesk.bulk.BulkEngine.createdBefore;
import static org.dialdesk.bulk.BulkEngine.rowNumber;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialdesk.api.Call;

/**
 * Call history read to settle a run's uncertain rows, sorted: the run's own calls by the row they
 * are tagged with, the other calls made since by whom they rang, and whether any call says
 * neither (then no row can be proved unplaced).
 */
record CallsSeen(Map<Integer, Call> tagged, Map<String, List<Call>> others, boolean blind) {

    static CallsSeen of(List<Call> calls, String runId, Instant since) {
        Map<Integer, Call> tagged = new HashMap<>();
        Map<String, List<Call>> others = new HashMap<>();
        boolean blind = false;
        for (Call call : calls) {
            JsonNode metadata = call.metadata();
            Integer rowNo = metadata != null && runId.equals(metadata.path(RUN_KEY).asText(null))
                    ? rowNumber(metadata.path(ROW_KEY)) : null;
            if (rowNo != null) {
                tagged.put(rowNo, call); // this run's own call, however the service dated it
            } else if (createdBefore(call, since)) {
                continue;
            } else if (call.to() != null) {
                others.computeIfAbsent(call.to(), k -> new ArrayList<>()).add(call);
            } else {
                blind = true; // a call that says neither whose it is nor whom it rang
            }
        }
        return new CallsSeen(tagged, others, blind);
    }
}
