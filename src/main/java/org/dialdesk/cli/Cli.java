package org.dialdesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command-line interface; never touches the UI toolkit. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, Map<String, String> environment, Clock clock,
                          PrintWriter out, PrintWriter err) {
        return run(args, environment, clock, SandboxCommand::untilInterrupted, out, err);
    }

    public static int run(String[] args, Map<String, String> environment, Clock clock,
                          SandboxCommand.Lifetime sandboxLifetime, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == DialCommand.class) {
                    return type.cast(new DialCommand(environment, clock));
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
