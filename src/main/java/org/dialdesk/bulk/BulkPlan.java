package org.dialdesk.bulk;

import java.util.List;
import java.util.Map;
import org.dialdesk.api.DialRequest;

/**
 * A spreadsheet checked row by row before anything is sent: each row is ready, with the dial it
 * becomes, or skipped, with the reason the operator reads in the preview and in the rejects export.
 */
public record BulkPlan(Sheet sheet, ColumnMapping mapping, List<Row> rows, Drafts drafts, int ringingAgain,
                       int waitingForHours) {

    /** Makes a ready row's dial from its cells, by the rules it was checked with. */
    @FunctionalInterface
    public interface Drafts {
        DialRequest of(Row ready);
    }

    /** Why a row is not sent. */
    public enum Skip {
        UNREADABLE("Unreadable row"),
        BAD_PHONE("Unparseable phone"),
        DUPLICATE("Duplicate callee"),
        DO_NOT_CALL("On the do-not-call list"),
        CALLED_RECENTLY("Called in the last 24 hours"),
        OUTSIDE_HOURS("Outside calling hours"),
        MISSING_VARIABLES("Missing template variables"),
        INVALID("Invalid values"),
        UNKNOWN_ID("Unknown ID"),
        EXCLUDED("Excluded by you");

        private final String label;

        Skip(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One row of the file. {@code callee} is the number in E.164 when it could be read, else as
     * written; {@code reason} says why a skipped row is, and what a ready row waits for, if anything.
     */
    public record Row(int number, String callee, Skip skip, String reason) {
        public boolean ready() {
            return skip == null;
        }
    }

    /**
     * {@code ringingAgain}: of the ready rows, how many ring someone the account called in the last
     * 24 hours or has a call waiting for (the operator chose to ring them again); -1 when the
     * account's recent calls could not be read. {@code waitingForHours}: of the ready rows, how many
     * are outside calling hours now and scheduled for when they open.
     */
    public BulkPlan {
        rows = PlanRows.of(rows); // a row is made when asked for: a plan of a large file stays small
    }

    public BulkPlan(Sheet sheet, ColumnMapping mapping, List<Row> rows, Drafts drafts) {
        this(sheet, mapping, rows, drafts, 0, 0);
    }

    /**
     * The dial a ready row becomes (null for a skipped one), made afresh: a plan keeps how to make
     * its dials, not the dials.
     */
    public DialRequest request(Row row) {
        return row.ready() ? drafts.of(row) : null;
    }

    /**
     * The indexes of the rows this says yes to, by why each is skipped (null for a ready row), in file
     * order; read without making the rows.
     */
    public int[] indexesWhere(java.util.function.Predicate<Skip> skipped) {
        PlanRows packed = (PlanRows) rows;
        int[] found = new int[packed.size()];
        int count = 0;
        for (int i = 0; i < found.length; i++) {
            if (skipped.test(packed.skipAt(i))) {
                found[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    public int total() {
        return rows.size();
    }

    public int ready() {
        return ((PlanRows) rows).ready();
    }

    public int skipped() {
        return total() - ready();
    }

    /** How many rows are skipped for each reason, in the reasons' order; reasons no row has are left out. */
    public Map<Skip, Integer> skippedBy() {
        return ((PlanRows) rows).skippedBy();
    }

    /** "Skipped: 12 duplicate callee · 3 on the do-not-call list", empty when none is skipped. */
    public String skippedByLine() {
        StringBuilder line = new StringBuilder();
        skippedBy().forEach((skip, count) -> line.append(line.length() == 0 ? "Skipped: " : " · ")
                .append(String.format(java.util.Locale.ROOT, "%,d ", count))
                .append(Character.toLowerCase(skip.label().charAt(0))).append(skip.label().substring(1)));
        return line.toString();
    }

    /** "12 of 1,000 will be skipped", the line shown before anything is sent. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%,d of %,d %s will be skipped; %,d ready to send.",
                skipped(), total(), total() == 1 ? "row" : "rows", ready());
    }
}
