package org.dialdesk.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallQuery;
import org.dialdesk.api.DialClient;

/** What a sandbox's call history holds, read whole, for checking that nobody was called twice. */
public final class SandboxCalls {
    private SandboxCalls() {
    }

    /** Calls per callee; a read that fails (a sandbox with faults) is tried again. */
    public static Map<String, Integer> perCallee(DialClient client) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                Map<String, Integer> counts = new HashMap<>();
                for (int skip = 0; ; skip += CallQuery.MAX_LIMIT) {
                    List<Call> calls = client.listCalls(CallQuery.builder().limit(CallQuery.MAX_LIMIT).skip(skip).build()).calls();
                    calls.forEach(call -> counts.merge(call.to(), 1, Integer::sum));
                    if (calls.size() < CallQuery.MAX_LIMIT) {
                        return counts;
                    }
                }
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }
}
