package org.dialdesk.cli;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Where the command line reads a key or a passphrase: a prompt with echo off on a terminal, else a
 * line of standard input (a pipe or a file). Never an argument: arguments are seen by every user of
 * the machine (ps) and kept in shell history.
 */
public interface Terminal {
    /** The line typed or piped, or null at the end of input. */
    String readSecret(String prompt) throws IOException;

    /** Over this process's console when there is one, else its standard input. */
    static Terminal system() {
        java.io.Console console = System.console();
        if (console != null) {
            return prompt -> {
                char[] typed = console.readPassword("%s", prompt);
                return typed == null ? null : new String(typed);
            };
        }
        // One reader for every question: a reader per question would swallow the lines after its first.
        return lines(new BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** For tests and scripts: the lines given, one per question. */
    static Terminal lines(BufferedReader input) {
        return prompt -> input.readLine();
    }
}
