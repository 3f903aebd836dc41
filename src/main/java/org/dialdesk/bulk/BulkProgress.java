package org.dialdesk.bulk;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dialdesk.store.OutboxJournal.State;

/**
 * Where a run stands, after each request: counts by state, the pace rows are going out at, and
 * how long the rest will take at that pace.
 */
public record BulkProgress(String runId, Map<State, Integer> counts, double ratePerSecond, Optional<Duration> eta,
                           String note) {

    public int count(State state) {
        return counts.getOrDefault(state, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Rows still to send: planned, or being sent. */
    public int toSend() {
        return count(State.PLANNED) + count(State.SENDING);
    }

    /** Rows that will not be sent again by themselves and whose outcome is known. */
    public int done() {
        return count(State.CREATED) + count(State.REJECTED) + count(State.SKIPPED) + count(State.CANCELED);
    }

    /**
     * The share of the rows to dial that is settled, 0 to 1, for a progress bar. Rows the preview
     * skipped are not counted: a run of 1,000 rows with 900 skipped starts at nothing done, not at 90 %.
     */
    public double fraction() {
        // Of the rows to dial: the ones the preview skipped are not progress, nor are the ones a cancel left unsent.
        int toDial = total() - count(State.SKIPPED);
        return toDial == 0 ? 1 : (double) (done() - count(State.SKIPPED) - count(State.CANCELED)) / toDial;
    }

    /** As {@link #line()}, without the pace and time left: for a run that has stopped or ended. */
    public String standingLine() {
        String line = line();
        int pace = line.indexOf(String.format(Locale.ROOT, " · %.1f/s", ratePerSecond));
        return toSend() > 0 && pace >= 0 ? line.substring(0, pace) : line;
    }

    /** "412 of 1,000 · 388 created · 12 rejected · 2 uncertain · 3.9/s · about 2 min left". */
    public String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d · %,d created", done(), total(),
                count(State.CREATED)));
        append(line, State.REJECTED, "rejected");
        append(line, State.UNCERTAIN, "uncertain");
        append(line, State.NEEDS_DECISION, "waiting for you");
        append(line, State.SKIPPED, "skipped");
        append(line, State.CANCELED, "cancelled");
        if (toSend() > 0 && note == null) { // with a note the run is not sending meanwhile: no pace, no time left
            line.append(String.format(Locale.ROOT, " · %.1f/s", ratePerSecond));
            eta.ifPresent(left -> line.append(" · about ").append(words(left)).append(" left"));
        }
        return line.toString();
    }

    /** As {@link #line()}, and what the run is doing meanwhile when it says (waiting to read call history…). */
    public String lineAndNote() {
        return note == null ? line() : line() + " · " + note;
    }

    private void append(StringBuilder line, State state, String word) {
        if (count(state) > 0) {
            line.append(String.format(Locale.ROOT, " · %,d %s", count(state), word));
        }
    }

    static String words(Duration left) {
        long seconds = left.getSeconds();
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
