package org.dialdesk.bulk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.store.OutboxJournal;

/**
 * Whom the account rang lately, or is about to ring: what a new run's rows are held against, so that
 * two runs, or a run and a call from the Dial form, do not ring one person twice unless the operator
 * says so (a follow-up run, "ring again"). Asked once a plan.
 */
@FunctionalInterface
public interface EarlierCalls {
    /** How far back a call counts: a person rung today is not rung again by the next file without being asked. */
    Duration WINDOW = Duration.ofHours(24);

    EarlierCalls NONE = since -> List.of();

    /** The calls since then, and those still to ring whenever they were made. */
    List<Earlier> since(Instant since) throws Exception;

    /** The calls of the last {@link #WINDOW} as of {@code now}, and those still to ring, by callee: the one to name for each. */
    default java.util.Map<String, Earlier> byCallee(Instant now) throws Exception {
        java.util.Map<String, Earlier> byCallee = new java.util.HashMap<>();
        for (Earlier call : since(now.minus(WINDOW))) {
            byCallee.merge(call.callee(), call, Earlier::telling);
        }
        return byCallee;
    }

    /** How an earlier call stands. */
    enum Kind {
        /** Created by the service: it rang, or is ringing. */
        CALLED,
        /** Sent with no clear answer yet: it may have rung. */
        MAYBE_CALLED,
        /** Scheduled or queued: it will ring. */
        SCHEDULED,
        /** Still to be sent by a run that is not finished. */
        WAITING_IN_RUN
    }

    /**
     * One call, or one row of a run, by the callee it rings (E.164). {@code at} is when it was made
     * (null for a row not sent yet); {@code callId}, {@code status}, {@code runId} are null when unknown.
     */
    record Earlier(String callee, Kind kind, Instant at, String callId, String status, String runId, int rowNo,
                   String scheduledFor) {

        /** Which of two earlier calls to one callee the preview names: one still to ring, else the newer. */
        static Earlier telling(Earlier a, Earlier b) {
            if (a.at() == null || b.at() == null) {
                return a.at() == null ? a : b;
            }
            return b.at().isAfter(a.at()) ? b : a;
        }

        /** The reason a row is held back for it, the times in the operator's zone. */
        String describe(ZoneId zone, Instant now) {
            String by = runId == null ? "" : " by run " + runId + " (row " + rowNo + ")";
            String call = callId == null ? "" : "call " + callId;
            return switch (kind) {
                case CALLED -> "Called " + when(at, zone, now) + by + (call.isEmpty() ? "" : ", " + call)
                        + (status == null ? "" : ", " + status) + ".";
                case MAYBE_CALLED -> "May have been called " + when(at, zone, now) + by + ": that request's outcome is not known yet.";
                case SCHEDULED -> "Already has " + (call.isEmpty() ? "a call" : call) + by + " "
                        + (status == null ? "scheduled" : status.toLowerCase(Locale.ROOT))
                        + (scheduledFor == null || scheduledFor.isBlank() ? "" : " for " + scheduled(zone, now)) + ".";
                case WAITING_IN_RUN -> "Waiting to be called" + by + ", which is not finished.";
            };
        }

        /** The scheduled time in the operator's zone when the service's answer can be read as an instant; else as it came. */
        private String scheduled(ZoneId zone, Instant now) {
            try {
                return when(Instant.parse(scheduledFor), zone, now);
            } catch (java.time.format.DateTimeParseException e) {
                return scheduledFor;
            }
        }

        private static String when(Instant instant, ZoneId zone, Instant now) {
            if (instant == null) {
                return "lately";
            }
            ZonedDateTime then = instant.atZone(zone);
            LocalDate today = now.atZone(zone).toLocalDate();
            String time = then.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
            LocalDate day = then.toLocalDate();
            if (day.equals(today)) {
                return "today at " + time;
            } else if (day.equals(today.minusDays(1))) {
                return "yesterday at " + time;
            }
            return day.equals(today.plusDays(1)) ? "tomorrow at " + time : "on " + day + " at " + time;
        }
    }

    /**
     * The account's runs in the outbox (by its address and key) and, when it is open, the profile's
     * call history: calls made from the Dial form, by another console of the account, or by a run
     * long synced.
     */
    static EarlierCalls of(OutboxJournal journal, String baseUrl, String keyFingerprint, HistoryCache history) {
        return since -> {
            List<Earlier> found = new ArrayList<>();
            Instant now = since.plus(WINDOW);
            for (OutboxJournal.RingingRow row : journal.ringingSince(baseUrl, keyFingerprint, since)) {
                // A dial asking for a time rings then, not when it was sent: still to come, or the time it rang.
                boolean toCome = row.scheduledFor() != null && row.scheduledFor().isAfter(now);
                Kind kind = switch (row.state()) {
                    case CREATED -> toCome ? Kind.SCHEDULED : Kind.CALLED;
                    case PLANNED -> Kind.WAITING_IN_RUN;
                    default -> Kind.MAYBE_CALLED;
                };
                Instant at = kind == Kind.WAITING_IN_RUN || kind == Kind.SCHEDULED ? null
                        : row.scheduledFor() != null ? row.scheduledFor() : row.attemptedAt();
                found.add(new Earlier(row.callee(), kind, at, row.callId(), null, row.runId(), row.rowNo(),
                        row.scheduledFor() == null ? null : row.scheduledFor().toString()));
            }
            if (history != null) {
                for (HistoryCache.PlacedCall call : history.placedSince(since)) {
                    boolean waiting = "Scheduled".equalsIgnoreCase(call.status()) || "Queued".equalsIgnoreCase(call.status());
                    Instant rang = call.scheduledAt().filter(at -> at.isAfter(call.created())).orElse(call.created());
                    found.add(new Earlier(call.callee().strip(), waiting ? Kind.SCHEDULED : Kind.CALLED,
                            waiting ? null : rang, call.id(), call.status(), null, 0, call.scheduledFor()));
                }
            }
            return found;
        };
    }
}
