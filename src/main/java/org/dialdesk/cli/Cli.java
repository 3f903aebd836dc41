package org.dialdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import org.dialdesk.profile.Profiles;
import org.dialdesk.profile.SecretStores;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.AuditLog;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command-line interface; never touches the UI toolkit. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, Map<String, String> environment, Clock clock,
                          PrintWriter out, PrintWriter err) {
        return run(args, environment, clock, SandboxCommand::untilInterrupted,
                SecretStores.system(AppPaths.dataDir(environment)), Terminal.system(), out, err);
    }

    public static int run(String[] args, Map<String, String> environment, Clock clock,
                          SandboxCommand.Lifetime sandboxLifetime, PrintWriter out, PrintWriter err) {
        return run(args, environment, clock, sandboxLifetime, SecretStores.system(AppPaths.dataDir(environment)),
                Terminal.system(), out, err);
    }

    /**
     * @param secrets  where profiles' keys are kept (tests give stores that never touch the system keyring)
     * @param terminal where keys and passphrases are read from
     */
    public static int run(String[] args, Map<String, String> environment, Clock clock,
                          SandboxCommand.Lifetime sandboxLifetime, SecretStores secrets, Terminal terminal,
                          PrintWriter out, PrintWriter err) {
        Path dataDir = AppPaths.dataDir(environment);
        AuditLog[] audit = {null};
        Profiles[] profiles = {null};
        // Opened when a command first uses them (picocli makes every command up front): "dialdesk sandbox"
        // and --help touch no profile and no audit log.
        boolean[] auditTried = {false};
        java.util.function.Supplier<AuditLog> openAudit = () -> {
            if (!auditTried[0]) {
                auditTried[0] = true;
                try {
                    audit[0] = new AuditLog(AuditLog.fileIn(dataDir));
                } catch (SQLException e) {
                    err.println("dialdesk: the audit log cannot be opened (" + e.getMessage() + "); actions are not recorded.");
                }
            }
            return audit[0];
        };
        java.util.function.Supplier<Profiles> openProfiles = () -> {
            if (profiles[0] == null) {
                profiles[0] = new Profiles(dataDir, secrets, openAudit.get(), clock);
            }
            return profiles[0];
        };
        try {
            return run(args, environment, clock, sandboxLifetime, openProfiles, openAudit, terminal, out, err);
        } finally {
            if (audit[0] != null) {
                try {
                    audit[0].close();
                } catch (SQLException e) {
                    err.println("dialdesk: closing the audit log failed: " + e.getMessage());
                }
            }
        }
    }

    private static int run(String[] args, Map<String, String> environment, Clock clock,
                           SandboxCommand.Lifetime sandboxLifetime, java.util.function.Supplier<Profiles> profiles,
                           java.util.function.Supplier<AuditLog> audit, Terminal terminal, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == DialCommand.class) {
                    return type.cast(new DialCommand(environment, clock, profiles, audit, terminal));
                }
                if (type == DoNotCallCommand.class) {
                    return type.cast(new DoNotCallCommand(environment, clock, audit));
                }
                if (type == BatchCommand.class) {
                    return type.cast(new BatchCommand(environment, clock, profiles, audit, terminal));
                }
                if (type == ProfilesCommand.class) {
                    return type.cast(new ProfilesCommand(environment, clock, profiles, terminal));
                }
                if (type == CallsCommand.class) {
                    return type.cast(new CallsCommand(environment, clock, profiles, terminal));
                }
                if (type == SandboxCommand.class) {
                    return type.cast(new SandboxCommand(environment, clock, sandboxLifetime));
                }
                return fallback.create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new DialDeskCommand(), factory)
                .setOut(out)
                .setErr(err)
                // "@file" means "read this JSON file" for --params/--metadata, not picocli's argument files.
                .setExpandAtFiles(false)
                // Wide enough that a --faults example or a base URL is not broken across lines.
                .setUsageHelpWidth(100)
                .setExecutionExceptionHandler((exception, cmd, parseResult) -> {
                    cmd.getErr().println("dialdesk: " + exception.getMessage());
                    return ExitCodes.OTHER;
                });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
