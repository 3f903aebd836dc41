package org.dialdesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.dialdesk.bulk.BulkProgress;

/** A progress bar redrawn in place on a terminal; a plain line every few seconds otherwise. */
final class ProgressPrinter {
    private final PrintWriter out;
    private final boolean terminal;
    private final Clock clock;
    private Instant lastLine;
    private String lastText;
    private boolean drawn;
    private String lastNote;

    ProgressPrinter(PrintWriter out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    void show(BulkProgress progress) {
        // What the run does meanwhile (it waits to read call history…) on a line of its own, once, at once.
        if (progress.note() != null && !progress.note().equals(lastNote)) {
            if (drawn) {
                out.println(); // the bar's line ends; the bar is drawn again below it
            }
            out.println(progress.note());
            out.flush();
        }
        lastNote = progress.note();
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(progress.fraction() * width);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + progress.line() + "   ");
            out.flush();
            drawn = true;
            return;
        }
        Instant now = clock.instant();
        String line = progress.line();
        if (!line.equals(lastText) && (lastLine == null || Duration.between(lastLine, now).compareTo(Duration.ofSeconds(5)) >= 0
                || progress.toSend() == 0)) {
            out.println(line);
            out.flush();
            lastLine = now;
            lastText = line;
        }
    }

    /** Ends the bar's line, and prints where the run ended unless that was the last line printed. */
    void end(BulkProgress last) {
        if (drawn) {
            out.println();
        }
        if (!last.line().equals(lastText)) {
            out.println(last.line());
        }
    }
}
