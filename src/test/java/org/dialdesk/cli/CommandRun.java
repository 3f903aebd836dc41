package org.dialdesk.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.dialdesk.testing.TestSecrets;

/**
 * One run of the command line as a user's: its own data folder, the environment given (no
 * keyring: keys go to the encrypted key file), standard input as text, and what it printed.
 */
record CommandRun(int status, StringWriter out, StringWriter err) {
    /** The passphrase of the encrypted key file in these runs' environment. */
    static final String PASSPHRASE = "horse battery";

    static CommandRun of(Path home, Clock clock, Map<String, String> environment, String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(environment);
        env.put("DIALDESK_HOME", home.toString());
        int status = Cli.run(args, env, clock, lifetime -> { }, TestSecrets.withoutKeyring(home),
                Terminal.lines(new BufferedReader(new StringReader(input))), new PrintWriter(out), new PrintWriter(err));
        return new CommandRun(status, out, err);
    }
}
