package org.dialdesk.sandbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Past calls with varied statuses, use cases, campaigns and dates, for demos and benchmarks. */
final class DemoCalls {
    private static final String[] CAMPAIGNS = {"spring-renewals", "q4-reminders", "win-back", "survey-2026", null};
    private static final String[] COUNTRY_PREFIXES = {"+1415555", "+1312555", "+52555", "+49301", "+44207"};
    private static final String[] NAMES = {"Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson",
        "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth", "Frances Allen", "Linus Torvalds", "Margaret Hamilton"};
    private static final long DAY = 86_400_000L;
    private static final int CHUNK = 5_000;

    private final SandboxOrganisation org;
    private final SandboxStore store;
    private final long nowMs;
    private final SplittableRandom random;
    private final Ids ids = new Ids();

    DemoCalls(SandboxOrganisation org, SandboxStore store, long nowMs, long seed) {
        this.org = org;
        this.store = store;
        this.nowMs = nowMs;
        this.random = new SplittableRandom(seed);
    }

    long add(int count) throws SQLException {
        long started = System.nanoTime();
        List<CallRecord> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < count; i++) {
            chunk.add(next());
            if (chunk.size() == CHUNK) {
                store.insertAll(chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            store.insertAll(chunk);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private CallRecord next() {
        // Over the last 60 days, a little denser towards today.
        long age = (long) (Math.pow(random.nextDouble(), 1.3) * 60 * DAY);
        long created = nowMs - age - 60_000;
        SandboxOrganisation.Number number = org.numbers.get(random.nextInt(org.numbers.size()));
        List<SandboxOrganisation.UseCase> visible = org.useCases.stream().filter(u -> !u.hidden()).toList();
        SandboxOrganisation.UseCase useCase = visible.get(random.nextInt(visible.size()));
        String prefix = COUNTRY_PREFIXES[random.nextInt(COUNTRY_PREFIXES.length)];
        StringBuilder phone = new StringBuilder(prefix);
        while (phone.length() < 12) {
            phone.append(random.nextInt(10));
        }
        String to = phone.toString();
        String outcome = random.nextInt(25) == 0 ? CallSimulator.CANCELED : CallSimulator.outcomeFor(to);
        int talk = CallSimulator.talkSecondsFor(to);
        String campaign = CAMPAIGNS[random.nextInt(CAMPAIGNS.length)];
        String name = NAMES[random.nextInt(NAMES.length)];
        String params = "{\"" + useCase.variables().get(0) + "\":\"" + name + "\"}";
        boolean answered = switch (outcome) {
            case CallSimulator.COMPLETED, CallSimulator.TRANSFERRED, CallSimulator.AMD_TERMINATED -> true;
            default -> false;
        };
        int maxMins = useCase.maxDurationMins() != null ? useCase.maxDurationMins() : SandboxService.DEFAULT_DURATION_MINS;
        CallRecord call = new CallRecord(ids.next(created), created, outcome, "Outbound", number.id(), number.number(),
                to, useCase.id(), org.agents.get(random.nextInt(org.agents.size())).id(), null, null, campaign, null,
                null, maxMins, params, "{}", outcome, talk, null, answered ? created + 9_000 : null,
                created + 9_000 + (answered ? 1000L * talk : 0), 0, "[]",
                SandboxService.searchText(to, number.number(), campaign, null, null) + name.toLowerCase() + " ");
        int duration = answered ? CallSimulator.talkSeconds(call) : 0;
        return call.withProgress(outcome, null, call.answeredMs(), call.endedMs(), duration);
    }
}
