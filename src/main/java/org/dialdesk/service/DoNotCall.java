package org.dialdesk.service;

import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.dialdesk.store.DoNotCallList;

/** Why a number must not be dialled, if it must not: the do-not-call list, asked before every dial. */
@FunctionalInterface
public interface DoNotCall {
    DoNotCall NONE = e164 -> Optional.empty();

    /** The sentence that says why this number is refused, or empty when it may be called. */
    Optional<String> refusal(String e164);

    /**
     * Over the shared list. A list that cannot be read refuses the dial: calling a number the
     * operator listed is worse than a dial that waits.
     */
    static DoNotCall over(DoNotCallList list, ZoneId zone) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(zone);
        return e164 -> {
            if (e164 == null) {
                return Optional.empty();
            }
            try {
                return list.find(e164).map(entry -> e164 + " is on the do-not-call list (added "
                        + date.format(entry.added()) + (entry.note().isBlank() ? "" : ": " + entry.note())
                        + "). Remove it from the list to call it.");
            } catch (SQLException e) {
                return Optional.of("The do-not-call list could not be read (" + e.getMessage()
                        + "), so nothing is dialled until it can.");
            }
        };
    }
}
