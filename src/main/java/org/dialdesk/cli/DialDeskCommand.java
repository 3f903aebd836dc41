package org.dialdesk.cli;

import org.dialdesk.api.DialDeskVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "dialdesk",
        mixinStandardHelpOptions = true,
        versionProvider = DialDeskCommand.Version.class,
        description = {
            "Operator console for outbound AI voice-agent calls.",
            "Run with no command to open the console window."},
        subcommands = {DialCommand.class, BatchCommand.class, DoNotCallCommand.class, CallsCommand.class, ProfilesCommand.class, SandboxCommand.class})
public final class DialDeskCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"DialDesk " + DialDeskVersion.get()};
        }
    }
}
