package org.dialdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallPage;
import org.dialdesk.api.CallQuery;
import org.dialdesk.api.CallStatus;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialServiceException;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.profile.Profiles;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.SettingsStore;
import org.dialdesk.service.HistorySync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "calls",
        mixinStandardHelpOptions = true,
        description = {
            "List the account's calls, newest first, page by page as they come (100,000 calls print without"
                    + " being held in memory).",
            "",
            "Exit codes: 0 listed, 2 invalid input, 1 the service could not be read."})
public final class CallsCommand implements Callable<Integer> {
    /** Calls asked for per request: the API allows up to 2,000; smaller pages start printing sooner. */
    static final int PAGE = 500;
    static final List<String> COLUMNS = List.of("id", "created", "status", "callee", "caller", "use_case", "outcome",
            "duration_seconds", "campaign", "type");

    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", description = "The profile whose account to list.")
    String profile;

    @Option(names = "--base-url", paramLabel = "URL", description = "Or an account's base URL, with its key in "
            + Account.API_KEY_VARIABLE + ".")
    String baseUrl;

    @Option(names = "--status", split = ",", paramLabel = "S", description = "Only these statuses, e.g. completed,failed.")
    List<String> statuses;

    @Option(names = "--campaign", paramLabel = "ID")
    String campaign;

    @Option(names = "--use-case", paramLabel = "ID")
    String useCase;

    @Option(names = "--from", paramLabel = "DATE", description = "From this day (yyyy-mm-dd).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "To this day (yyyy-mm-dd).")
    String to;

    @Option(names = "--search", paramLabel = "TEXT", description = "A phone number or extracted data.")
    String search;

    @Option(names = "--limit", paramLabel = "N", description = "At most N calls (default: all).")
    Long limit;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "table (default), csv (with a header) or json (one array).")
    Format format;

    private final Map<String, String> environment;
    private final Clock clock;
    private final Supplier<Profiles> profilesSource;
    private final Terminal terminal;

    CallsCommand(Map<String, String> environment, Clock clock, Supplier<Profiles> profiles, Terminal terminal) {
        this.environment = environment;
        this.clock = clock;
        this.profilesSource = profiles;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        CallQuery.Builder query = CallQuery.builder().sort(CallQuery.Sort.desc).campaigns(list(campaign))
                .useCases(list(useCase)).search(search == null || search.isBlank() ? null : search.strip());
        if (statuses != null) {
            List<String> wire = new ArrayList<>();
            for (String status : statuses) {
                String sought = status.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
                Arrays.stream(CallStatus.values()).filter(s -> s != CallStatus.UNKNOWN)
                        .filter(s -> s.wireName().equalsIgnoreCase(sought) || s.name().equalsIgnoreCase(sought.replace('-', '_')))
                        .findFirst().ifPresentOrElse(s -> wire.add(s.wireName()), () -> problems.add("--status: \"" + status
                                + "\" is not a status; one of " + String.join(", ", Arrays.stream(CallStatus.values())
                                .filter(s -> s != CallStatus.UNKNOWN).map(CallStatus::wireName).toList()) + "."));
            }
            query.statuses(wire);
        }
        query.from(date("--from", from, problems)).to(date("--to", to, problems));
        if (limit != null && limit < 1) {
            problems.add("--limit: give 1 or more.");
        }
        Account account = null;
        try {
            account = Account.resolve(profile, baseUrl, environment, profiles(), terminal);
        } catch (Account.Problem e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return ExitCodes.INVALID_INPUT;
        }
        try (DialClient client = new DialClient(account.clientConfig(new SettingsStore(AppPaths.dataDir(environment)).load()), clock);
             Printer printer = new Printer(format, out)) {
            long printed = 0;
            int skip = 0;
            long wanted = limit == null ? Long.MAX_VALUE : limit;
            long countAtStart = -1;
            // Newest first: calls made while paging push older ones down, so a page may repeat the end of
            // the last. Whole pages are always asked for (a small last page would see less of that).
            Set<String> previousPage = Set.of();
            while (printed < wanted) {
                CallPage page = client.listCalls(query.limit(PAGE).skip(skip).build());
                countAtStart = countAtStart < 0 ? page.count() : countAtStart;
                Set<String> thisPage = new HashSet<>();
                for (Call call : page.calls()) {
                    thisPage.add(call.id());
                    if (!previousPage.contains(call.id()) && printed < wanted) {
                        printer.print(call);
                        printed++;
                    }
                }
                if (out.checkError()) {
                    return ExitCodes.OTHER; // the reader went away (| head): nothing more is fetched
                }
                skip += page.calls().size();
                if (page.calls().size() < PAGE || skip >= page.count()) {
                    if (page.count() < countAtStart) {
                        err.println("Note: " + (countAtStart - page.count()) + " matching calls left the list while it was"
                                + " read (changed status, or removed); some may be missing. Run it again to see them as"
                                + " they are now.");
                    }
                    break;
                }
                previousPage = thisPage;
            }
            printer.end(printed);
            return ExitCodes.OK;
        } catch (DialServiceException e) {
            out.flush();
            err.println("The calls could not be read: " + e.getMessage());
            return ExitCodes.OTHER;
        }
    }

    private static List<String> list(String one) {
        return one == null || one.isBlank() ? null : List.of(one.strip());
    }

    private static LocalDate date(String option, String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(option + ": \"" + text + "\" is not a date; write it as yyyy-mm-dd, e.g. 2026-11-30.");
            return null;
        }
    }

    /** Prints calls one at a time in the chosen format. */
    private static final class Printer implements AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final Format format;
        private final PrintWriter out;
        private final SequenceWriter csv;
        private boolean first = true;

        Printer(Format format, PrintWriter out) throws IOException {
            this.format = format;
            this.out = out;
            if (format == Format.csv) {
                CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                COLUMNS.forEach(schema::addColumn);
                csv = new CsvMapper().writer(schema.build()).writeValues(out);
            } else {
                csv = null;
            }
            if (format == Format.table) {
                out.printf("%-20s  %-15s  %-13s  %-16s  %-16s  %-24s  %-16s  %6s  %s%n", "CREATED", "STATUS", "OUTCOME",
                        "CALLEE", "CALLER", "USE CASE", "CAMPAIGN", "SECS", "ID");
            } else if (format == Format.json) {
                out.print("[");
            }
        }

        void print(Call call) throws IOException {
            HistoryRow row = HistorySync.toRow(call);
            String created = row.createdMs() == 0 ? "" : Instant.ofEpochMilli(row.createdMs()).toString();
            switch (format) {
                case table -> out.printf("%-20s  %-15s  %-13s  %-16s  %-16s  %-24s  %-16s  %6d  %s%n",
                        created.replaceFirst("\\.\\d+Z$", "Z"), cut(row.status(), 15), cut(row.outcome(), 13),
                        cut(row.callee(), 16), cut(row.caller(), 16), cut(row.useCase(), 24), cut(row.campaign(), 16),
                        row.durationSeconds(), row.id());
                case csv -> csv.write(List.of(row.id(), created, nz(row.status()), nz(row.callee()), nz(row.caller()),
                        nz(row.useCase()), nz(row.outcome()), Integer.toString(row.durationSeconds()), nz(row.campaign()),
                        nz(row.type())));
                case json -> {
                    out.print(first ? "\n" : ",\n");
                    out.print(JSON.writeValueAsString(call));
                }
            }
            first = false;
        }

        void end(long printed) {
            if (format == Format.json) {
                out.println(printed == 0 ? "]" : "\n]");
            } else if (format == Format.table && printed == 0) {
                out.println("(no calls match)");
            }
        }

        @Override
        public void close() throws IOException {
            if (csv != null) {
                csv.flush();
            }
            out.flush();
        }

        /**
         * A cell as given, for scripts, unless a spreadsheet would run it as a formula: then kept
         * as text. A number in E.164 is left as it is (its + is not a formula to a script).
         */
        private static String nz(String text) {
            if (text == null) {
                return "";
            }
            return text.matches("\\+[0-9]{1,15}") ? text : org.dialdesk.service.CsvExport.text(text);
        }

        private static String cut(String text, int width) {
            String t = nz(text);
            return t.length() <= width ? t : t.substring(0, width - 1) + "…";
        }
    }

    private Profiles profiles() {
        return profilesSource.get();
    }
}
