package org.dialdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.dialdesk.bulk.BulkInputException;
import org.dialdesk.bulk.DoNotCallSheet;
import org.dialdesk.service.AuditTrail;
import org.dialdesk.service.DoNotCallRecords;
import org.dialdesk.store.AuditLog;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.DoNotCallList;
import org.dialdesk.store.SettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "dnc",
        mixinStandardHelpOptions = true,
        description = {"The do-not-call list, shared by every profile: no dial, single or bulk, rings a number on it.",
            "  dnc list | dnc add NUMBER... [--note TEXT] | dnc remove NUMBER... | dnc import FILE | dnc export FILE",
            "",
            "Exit codes:",
            "  0  done",
            "  2  a number or file that cannot be used (import: the numbers that could be read were added; the rest are"
                    + " listed)",
            "  1  the list could not be read or written"})
public final class DoNotCallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, add, remove, import or export.")
    String action;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Numbers (add, remove) or a file (import, export).")
    List<String> args = new ArrayList<>();

    @Option(names = "--note", paramLabel = "TEXT", description = "Why the numbers are listed (add, import).")
    String note = "";

    @Option(names = "--country", paramLabel = "CC", description = "Country national numbers are read in"
            + " (default: the console's default country).")
    String country;

    /** What the audit log names as where a change to the shared list was made from. */
    static final String AUDIT_PROFILE = "(command line)";

    private final Map<String, String> environment;
    private final Clock clock;
    private final Supplier<AuditLog> audit;

    DoNotCallCommand(Map<String, String> environment, Clock clock, Supplier<AuditLog> audit) {
        this.environment = environment;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dataDir = AppPaths.dataDir(environment);
        String region = country != null ? country : new SettingsStore(dataDir).load().defaultCountry();
        try (DoNotCallList list = new DoNotCallList(DoNotCallList.fileIn(dataDir))) {
            boolean changes = !action.equalsIgnoreCase("list") && !action.equalsIgnoreCase("export");
            AuditLog log = changes ? audit.get() : null;
            DoNotCallRecords records = new DoNotCallRecords(list, clock,
                    log == null ? AuditTrail.NONE : AuditTrail.into(log, AUDIT_PROFILE, clock));
            switch (action.toLowerCase(Locale.ROOT)) {
                case "list" -> {
                    list.forEach(entry -> out.println(entry.e164() + "  " + entry.added() + "  " + entry.note()));
                    out.println(list.count() + " numbers on the do-not-call list.");
                    return ExitCodes.OK;
                }
                case "add" -> {
                    return needsArgs(err) ? ExitCodes.INVALID_INPUT : add(records, region, out, err);
                }
                case "remove" -> {
                    if (needsArgs(err)) {
                        return ExitCodes.INVALID_INPUT;
                    }
                    for (String number : args) {
                        out.println(records.remove(number, region) ? "Removed " + number + "." : number + " was not listed.");
                    }
                    return ExitCodes.OK;
                }
                case "import" -> {
                    if (args.size() != 1) {
                        err.println("Give the one file to import: dialdesk dnc import FILE");
                        return ExitCodes.INVALID_INPUT;
                    }
                    DoNotCallRecords.Imported imported = records.importLines(DoNotCallSheet.lines(Path.of(args.get(0))), region, note,
                            String.valueOf(Path.of(args.get(0)).getFileName()));
                    out.println("Added " + imported.added() + " numbers; " + imported.alreadyListed() + " were listed already.");
                    imported.problems().forEach(problem -> err.println("  not added: " + problem));
                    return imported.problems().isEmpty() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
                }
                case "export" -> {
                    if (args.size() != 1) {
                        err.println("Give the file to write: dialdesk dnc export FILE");
                        return ExitCodes.INVALID_INPUT;
                    }
                    out.println("Wrote " + records.export(Path.of(args.get(0))) + " numbers to " + args.get(0) + ".");
                    return ExitCodes.OK;
                }
                default -> {
                    err.println("Unknown action \"" + action + "\": use list, add, remove, import or export.");
                    return ExitCodes.INVALID_INPUT;
                }
            }
        } catch (BulkInputException e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (SQLException | java.io.IOException e) {
            err.println("The do-not-call list could not be used: " + e.getMessage());
            return ExitCodes.OTHER;
        }
    }

    private boolean needsArgs(PrintWriter err) {
        if (args.isEmpty()) {
            err.println("Give at least one number, e.g. dialdesk dnc " + action + " +14155550123");
            return true;
        }
        return false;
    }

    private int add(DoNotCallRecords records, String region, PrintWriter out, PrintWriter err) throws SQLException {
        int code = ExitCodes.OK;
        for (String number : args) {
            try {
                DoNotCallRecords.Added added = records.add(number, region, note);
                out.println(added.isNew() ? "Listed " + added.e164() + "." : added.e164() + " was listed already.");
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                code = ExitCodes.INVALID_INPUT;
            }
        }
        return code;
    }
}
