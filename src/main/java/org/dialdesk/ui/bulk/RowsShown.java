package org.dialdesk.ui.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dialdesk.bulk.BulkPlan;

/**
 * Which of the preview's rows the table shows: all, the ready ones, the skipped ones, or those
 * skipped for one reason; so that the 40 rows to fix in a file of 100,000 are found at once.
 * {@code skip} is the reason for {@link Kind#REASON}, else null.
 */
public record RowsShown(Kind kind, BulkPlan.Skip skip) {
    public enum Kind { ALL, READY, SKIPPED, REASON }

    public static final RowsShown ALL = new RowsShown(Kind.ALL, null);

    /** Whether a row skipped for this reason (null: ready) is shown. */
    boolean shows(BulkPlan.Skip why) {
        return switch (kind) {
            case ALL -> true;
            case READY -> why == null;
            case SKIPPED -> why != null;
            case REASON -> why == skip;
        };
    }

    /** The choices a plan offers: all, ready, skipped, then each reason some row has. */
    static List<RowsShown> offeredBy(Map<BulkPlan.Skip, Integer> skippedBy) {
        List<RowsShown> offered = new ArrayList<>(List.of(ALL, new RowsShown(Kind.READY, null), new RowsShown(Kind.SKIPPED, null)));
        skippedBy.keySet().forEach(reason -> offered.add(new RowsShown(Kind.REASON, reason)));
        return offered;
    }

    /** "Skipped: duplicate callee (12)", with the counts of the plan shown. */
    String label(int total, int ready, Map<BulkPlan.Skip, Integer> skippedBy) {
        return switch (kind) {
            case ALL -> String.format(Locale.ROOT, "All rows (%,d)", total);
            case READY -> String.format(Locale.ROOT, "Ready (%,d)", ready);
            case SKIPPED -> String.format(Locale.ROOT, "Skipped (%,d)", total - ready);
            case REASON -> String.format(Locale.ROOT, "Skipped: %s%s (%,d)", Character.toLowerCase(skip.label().charAt(0)),
                    skip.label().substring(1), skippedBy.getOrDefault(skip, 0));
        };
    }
}
