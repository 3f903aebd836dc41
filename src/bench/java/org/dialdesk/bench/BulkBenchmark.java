package org.dialdesk.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.bulk.BulkEngine;
import org.dialdesk.bulk.BulkPlan;
import org.dialdesk.bulk.BulkPlanner;
import org.dialdesk.bulk.ColumnMapping;
import org.dialdesk.bulk.RunControl;
import org.dialdesk.bulk.Sheet;
import org.dialdesk.bulk.SheetReader;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.service.DialService;
import org.dialdesk.store.DoNotCallList;
import org.dialdesk.store.OutboxJournal;

/**
 * Bulk dialing's speed: reading, checking and previewing a 100,000-row CSV and a 100,000-row
 * .xlsx (each number parsed once, on every core), and sending 10,000 rows to the sandbox through
 * the outbox, printed beside the rate the same sandbox takes batches at with nothing around them.
 *
 * <pre>mvn -q -B test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=@packaging/jvm.options -classpath %classpath org.dialdesk.bench.BulkBenchmark"</pre>
 *
 * {@code -Ddialdesk.bench.rows=N} changes the preview's row count, {@code -Ddialdesk.bench.send=N}
 * the sent one, {@code -Ddialdesk.bench.chunk=N} the rows a request.
 */
public final class BulkBenchmark {
    private static final String NUMBER_ID = "640000000000000000000002";
    private static final int RUNS = 3;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = org.dialdesk.api.Json.mapper();

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("dialdesk.bench.rows", 100_000);
        int send = Integer.getInteger("dialdesk.bench.send", 10_000);
        int chunk = Integer.getInteger("dialdesk.bench.chunk", 100);
        Path dir = Files.createTempDirectory("dialdesk-bulk-bench");
        System.out.printf("%d cores, java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));

        Path csv = dir.resolve("campaign.csv");
        Path xlsx = dir.resolve("campaign.xlsx");
        List<String[]> data = rowsOf(rows);
        writeCsv(csv, data);
        writeXlsx(xlsx, data);
        // A real do-not-call list, as the console asks it: 5,000 numbers, one in 40 of them in the file.
        DoNotCallList doNotCall = new DoNotCallList(dir.resolve("do-not-call.db"));
        List<DoNotCallList.Entry> listed = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String e164 = i % 40 == 0 ? org.dialdesk.domain.PhoneCheck.check(data.get(i * 17 % rows)[0], "US").e164()
                    : String.format(Locale.ROOT, "+1503%07d", 2_000_000 + i);
            if (e164 != null) {
                listed.add(new DoNotCallList.Entry(e164, java.time.Instant.EPOCH, "bench"));
            }
        }
        doNotCall.add(listed);
        data = null; // the files are what is read; the rows they were written from are not kept
        System.out.printf("files: %,d rows; CSV %.1f MB, xlsx %.1f MB%n", rows, Files.size(csv) / 1e6, Files.size(xlsx) / 1e6);

        Clock clock = Clock.systemUTC();
        CalleeZones zones = CalleeZones.load();
        // As the console does when a profile opens: every country's numbering rules read once.
        org.dialdesk.domain.PhoneCheck.loadAllCountries();
        BulkPlanner planner = null;
        BulkPlan kept = null;
        for (Path file : List.of(csv, xlsx)) {
            long[] read = new long[RUNS];
            long[] planned = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                kept = null; // one plan at a time, as the screen holds one
                // A planner of its own each run: a file imported for the first time, no number read before.
                planner = planner(zones, doNotCall, clock);
                long start = System.nanoTime();
                Sheet sheet = SheetReader.read(file);
                long between = System.nanoTime();
                BulkPlan plan = planner.plan(sheet, ColumnMapping.automatic(sheet.columns(), List.of("first_name")),
                        BulkPlanner.Defaults.none(ZoneOffset.UTC, "US").withNumber(NUMBER_ID), null, Set.of());
                long end = System.nanoTime();
                read[run] = between - start;
                planned[run] = end - between;
                if (run == 0) {
                    System.out.printf("%s: %s; %s%n", file.getFileName(), sheet.format().describe(), plan.summary());
                }
                kept = plan;
            }
            System.out.printf("preview %-14s read %s ms · check %s ms · total first %d ms, best %d ms%n",
                    file.getFileName(), ms(read), ms(planned), (read[0] + planned[0]) / 1_000_000,
                    best(read, planned) / 1_000_000);
        }
        // What the screen does at each change the operator makes (a row left out, a column remapped):
        // the same sheet planned again by the planner that read it.
        long[] again = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            kept = planner.plan(kept.sheet(), kept.mapping(), BulkPlanner.Defaults.none(ZoneOffset.UTC, "US")
                    .withNumber(NUMBER_ID), null, Set.of(kept.rows().get(run).number()));
            again[run] = System.nanoTime() - start;
        }
        System.out.printf("preview again after a change (a row left out): %s ms%n", ms(again));
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("memory with the %,d-row plan held: heap used after GC %d MB, RSS %d MB%n", kept.total(),
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024), rssMb());
        kept = null;

        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), clock));
             DialClient client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(sandbox.apiKey())), clock);
             OutboxJournal journal = new OutboxJournal(dir.resolve("outbox.db"))) {
            // In two halves, alternately: the sandbox's own ceiling (the same kind of batches, their
            // bodies as the engine sends them, posted back to back with nothing around them), then the
            // engine sending its half through the outbox; so both meet the sandbox as full as the other.
            TimedDials timed = new TimedDials(DialService.over(client, clock));
            BulkEngine engine = new BulkEngine(timed, journal, clock, BulkEngine.Waiter.REAL, Duration.ZERO,
                    BulkEngine.SendCheck.NONE);
            int sentDirect = 0;
            int sentByEngine = 0;
            double directSeconds = 0;
            double engineSeconds = 0;
            OutboxJournal.RunState ended = null;
            for (int half = 0; half < 2; half++) {
                List<DialRequest> direct = launched(journal, dir, "direct-" + half, rowsOf(send / 2, 20_000_000 + half * send),
                        zones, doNotCall, clock, sandbox.baseUrl(), chunk);
                long start = System.nanoTime();
                for (int from = 0; from < direct.size(); from += chunk) {
                    client.dialBatched(direct.subList(from, Math.min(direct.size(), from + chunk)));
                }
                directSeconds += (System.nanoTime() - start) / 1e9;
                sentDirect += direct.size();

                String run = launch(journal, dir, "send-" + half, rowsOf(send / 2, 30_000_000 + half * send), zones,
                        doNotCall, clock, sandbox.baseUrl(), chunk).id();
                start = System.nanoTime();
                BulkEngine.Result result = engine.run(run, new RunControl(), progress -> { });
                engineSeconds += (System.nanoTime() - start) / 1e9;
                sentByEngine += result.progress().count(OutboxJournal.State.CREATED);
                ended = result.state();
            }
            double ceiling = sentDirect / directSeconds;
            double engineRate = sentByEngine / engineSeconds;
            double waiting = timed.seconds();
            System.out.printf("send %,d rows, %d a request: %s in %.1f s · engine %.0f rows/s · the sandbox alone %.0f rows/s"
                            + " (engine at %.0f%% of the sandbox's ceiling)%n", sentByEngine, chunk, ended, engineSeconds,
                    engineRate, ceiling, 100 * engineRate / ceiling);
            System.out.printf("  a request was out %.0f%% of the engine's %.1f s (%.1f s); the rest is the outbox's work that"
                            + " could not go beside a request (each run's start and end: its first chunk marked, its last answer recorded)%n",
                    100 * waiting / engineSeconds, engineSeconds, waiting);
            System.out.printf("calls in the sandbox: %,d (%,d direct + %,d through the engine)%n", sandbox.callCount(),
                    sentDirect, sentByEngine);
        }
        doNotCall.close();
    }

    /** A run of these rows put in the outbox, as the screen and `dialdesk batch` launch one. */
    private static OutboxJournal.Run launch(OutboxJournal journal, Path dir, String name, List<String[]> rows,
                                            CalleeZones zones, DoNotCallList doNotCall, Clock clock, String baseUrl,
                                            int chunk) throws Exception {
        Path file = dir.resolve(name + ".csv");
        writeCsv(file, rows);
        Sheet sheet = SheetReader.read(file);
        BulkPlan plan = planner(zones, doNotCall, clock).plan(sheet, ColumnMapping.automatic(sheet.columns(), List.of("first_name")),
                BulkPlanner.Defaults.none(ZoneOffset.UTC, "US").withNumber(NUMBER_ID), null, Set.of());
        return BulkEngine.launch(journal, plan, new OutboxJournal.RunSpec(file.toString(), name, "Sandbox", baseUrl, false,
                chunk, 100_000, "bench"), clock);
    }

    /** The dials a launched run of these rows would send, exactly as the engine sends them. */
    private static List<DialRequest> launched(OutboxJournal journal, Path dir, String name, List<String[]> rows,
                                              CalleeZones zones, DoNotCallList doNotCall, Clock clock, String baseUrl,
                                              int chunk) throws Exception {
        String run = launch(journal, dir, name, rows, zones, doNotCall, clock, baseUrl, chunk).id();
        List<DialRequest> requests = new ArrayList<>();
        for (OutboxJournal.Row row : journal.rowsIn(run, OutboxJournal.State.PLANNED)) {
            requests.add(JSON.readValue(row.requestJson(), DialRequest.class));
        }
        journal.cancelPlanned(run, "Sent directly by the benchmark.");
        return requests;
    }

    /** The dial service, timing how long its batched requests are out (one at a time). */
    private static final class TimedDials implements DialService {
        private final DialService dials;
        private long nanos;

        TimedDials(DialService dials) {
            this.dials = dials;
        }

        double seconds() {
            return nanos / 1e9;
        }

        @Override
        public String baseUrl() {
            return dials.baseUrl();
        }

        @Override
        public Duration answerWithin() {
            return dials.answerWithin();
        }

        @Override
        public org.dialdesk.service.DialOutcome send(DialRequest request) {
            return dials.send(request);
        }

        @Override
        public LookUp lookUp(org.dialdesk.service.DialOutcome.Uncertain uncertain) {
            return dials.lookUp(uncertain);
        }

        @Override
        public org.dialdesk.service.BatchOutcome sendBatch(List<DialRequest> requests) {
            long start = System.nanoTime();
            try {
                return dials.sendBatch(requests);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public List<org.dialdesk.api.Call> callsCreatedSince(java.time.Instant since, int max) {
            return dials.callsCreatedSince(since, max);
        }
    }

    private static BulkPlanner planner(CalleeZones zones, DoNotCallList doNotCall, Clock clock) {
        return new BulkPlanner(new CallingRule(new CallingHours(LocalTime.MIN, LocalTime.of(23, 59)), zones),
                numbers -> Set.copyOf(doNotCall.listed(numbers)), clock);
    }

    /** Rows as a campaign file has them: numbers in several formats, a few bad and a few repeated. */
    static List<String[]> rowsOf(int count) {
        return rowsOf(count, 0);
    }

    static List<String[]> rowsOf(int count, int offset) {
        Random random = new Random(42 + offset);
        String[] areas = {"312", "212", "415", "617", "713", "206", "305", "404"};
        List<String[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = offset + i;
            String area = areas[n % areas.length];
            String line = String.format(Locale.ROOT, "%07d", 2_000_000 + (n / areas.length) % 7_999_999);
            String phone = switch (n % 4) {
                case 0 -> "+1" + area + line;
                case 1 -> "(" + area + ") " + line.substring(0, 3) + "-" + line.substring(3);
                case 2 -> area + "." + line.substring(0, 3) + "." + line.substring(3);
                default -> "1-" + area + "-" + line.substring(0, 3) + "-" + line.substring(3);
            };
            if (random.nextInt(200) == 0) {
                phone = "n/a";
            }
            rows.add(new String[] {phone, "Name" + n, "Ref-" + n, random.nextBoolean() ? "gold" : "silver"});
        }
        return rows;
    }

    static void writeCsv(Path file, List<String[]> rows) throws IOException {
        writeCsv(file, rows, "phone,first_name,ref,tier");
    }

    /** The rows under another header (the same four columns named otherwise). */
    static void writeCsv(Path file, List<String[]> rows, String header) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header + "\n");
            for (String[] row : rows) {
                out.write(String.join(",", row));
                out.write('\n');
            }
        }
    }

    /** A workbook as spreadsheet programs write one, with inline strings, streamed. */
    static void writeXlsx(Path file, List<String[]> rows) throws IOException {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of("phone", "first_name", "ref", "tier"));
        rows.forEach(row -> all.add(List.of(row)));
        org.dialdesk.testing.Workbooks.write(file, all);
    }

    private static String ms(long[] nanos) {
        return Arrays.toString(Arrays.stream(nanos).map(n -> n / 1_000_000).toArray());
    }

    private static long best(long[] a, long[] b) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < a.length; i++) {
            best = Math.min(best, a[i] + b[i]);
        }
        return best;
    }

    private static long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
