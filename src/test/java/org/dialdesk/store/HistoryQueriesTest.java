package org.dialdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryColumn;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history cache's queries: what the table, its filters, search box, sorts and counts ask of it. */
class HistoryQueriesTest {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final long DAY = 86_400_000L;
    static final long START = ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
    static final String[] STATUSES = {"Completed", "Busy", "Failed", "No answer", "In progress"};
    static final String[] CAMPAIGNS = {"spring", "win-back", null};
    static final String[] NAMES = {"ada lovelace", "grace hopper", "alan turing"};

    @TempDir
    Path dir;
    HistoryCache cache;
    /** Every row written, newest first (the keys' order: time, then the order they were written in). */
    List<HistoryRow> all = new ArrayList<>();

    @BeforeEach
    void fill() throws Exception {
        cache = new HistoryCache(dir.resolve("history.db"));
        SplittableRandom random = new SplittableRandom(3);
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Some calls share their millisecond: the key keeps them apart and in a fixed order.
            long created = START + (i / 2) * 3_600_000L;
            String callee = i % 7 == 0 ? null : String.format(Locale.ROOT, "+1415555%04d", random.nextInt(10_000));
            String useCase = i % 2 == 0 ? "Reminders" : "survey";
            String name = NAMES[i % 3];
            String campaign = CAMPAIGNS[i % 3];
            String search = ((callee == null ? "" : callee + " ") + (campaign == null ? "" : campaign + " ")
                    + useCase + " " + name + " ").toLowerCase(Locale.ROOT);
            rows.add(new HistoryRow(String.format("%024x", i), created, STATUSES[i % 5], callee, "+14155550100", "uc" + (i % 2),
                    useCase, i % 4 == 0 ? "Ava" : "ben", null, random.nextInt(300), campaign, null, "en-US",
                    i % 10 == 0 ? "Inbound" : "Outbound", search));
        }
        cache.upsert(rows, rows.stream().map(r -> "{\"id\":\"" + r.id() + "\"}").toList());
        // Newest first; calls of the same millisecond: the one written later first.
        for (int i = rows.size() - 1; i >= 0; i--) {
            all.add(rows.get(i));
        }
    }

    @AfterEach
    void close() throws Exception {
        cache.close();
    }

    List<HistoryRow> query(CallFilter filter, HistoryOrder order) throws Exception {
        return cache.page(filter, order, CHICAGO, 0, 10_000);
    }

    List<String> ids(List<HistoryRow> rows) {
        return rows.stream().map(HistoryRow::id).toList();
    }

    CallFilter search(String text) {
        return CallFilter.of(List.of(), "", "", "", null, null, text);
    }

    @Test
    void newestFirstIsTheKeysOwnOrderAndPagesMeetAtTheirEdges() throws Exception {
        assertEquals(ids(all), ids(query(CallFilter.NONE, HistoryOrder.NEWEST_FIRST)));
        assertEquals(400, cache.count(CallFilter.NONE, CHICAGO));
        List<HistoryRow> pages = new ArrayList<>();
        for (int offset = 0; offset < 400; offset += 64) {
            pages.addAll(cache.page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, CHICAGO, offset, 64));
        }
        assertEquals(ids(all), ids(pages), "pages of 64 add up to the whole, none twice, none missed");
        assertEquals(List.of(all.get(399).id()), ids(cache.page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, CHICAGO, 399, 10)));
        assertEquals(List.of(), cache.page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, CHICAGO, 400, 10));
        assertEquals(List.of(), cache.page(search("nobody"), HistoryOrder.NEWEST_FIRST, CHICAGO, 0, 10));
    }

    @Test
    void thePhoneIsFoundHoweverItIsTyped() throws Exception {
        HistoryRow one = all.stream().filter(r -> r.callee() != null).findFirst().orElseThrow();
        String digits = one.callee().substring(2); // national: 415555NNNN
        String formatted = "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
        for (String typed : List.of(one.callee(), digits, formatted, digits.substring(6), "+1 " + digits.substring(0, 3)
                + " " + digits.substring(3, 6) + " " + digits.substring(6))) {
            List<HistoryRow> found = query(search(typed), HistoryOrder.NEWEST_FIRST);
            assertTrue(ids(found).contains(one.id()), typed + " finds " + one.callee());
            assertEquals(expected(search(typed)), ids(found), "exactly the calls with \"" + typed + "\"");
        }
    }

    @Test
    void searchWordsShortAndLongFindWhatTheFilterPredicateFinds() throws Exception {
        for (String typed : List.of("a", "ad", "ada", "ada l", "ada lovelace", "lace", "win-back", "re", "5", "55",
                "hopper survey", "ALAN", "nobody", "\"quoted\"")) {
            assertEquals(expected(search(typed)), ids(query(search(typed), HistoryOrder.NEWEST_FIRST)), typed);
            assertEquals(expected(search(typed)).size(), cache.count(search(typed), CHICAGO), "count of " + typed);
        }
    }

    @Test
    void filtersAreTheDomainRuleAsAQuery() throws Exception {
        List<CallFilter> filters = List.of(
                new CallFilter(Set.of("Busy", "Failed"), "", "", "", null, null, List.of()),
                new CallFilter(Set.of(), "Reminders", "", "", null, null, List.of()),
                new CallFilter(Set.of(), "", "win-back", "", null, null, List.of()),
                new CallFilter(Set.of(), "", "", "Inbound", null, null, List.of()),
                // Days in the operator's zone: 3 and 4 November in Chicago.
                new CallFilter(Set.of(), "", "", "", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4), List.of()),
                new CallFilter(Set.of("Completed"), "survey", "", "Outbound", LocalDate.of(2026, 11, 2), null, List.of("grace")));
        for (CallFilter filter : filters) {
            List<String> expected = expected(filter);
            assertTrue(!expected.isEmpty() && expected.size() < 400, filter + " narrows: " + expected.size());
            assertEquals(expected, ids(query(filter, HistoryOrder.NEWEST_FIRST)), filter.toString());
            assertEquals(expected.size(), cache.count(filter, CHICAGO), filter.toString());
        }
    }

    @Test
    void everyColumnSortsBothWaysAndEveryRowKnowsItsPlace() throws Exception {
        CallFilter narrowed = new CallFilter(Set.of(), "", "", "", null, null, List.of("a"));
        for (HistoryColumn column : HistoryColumn.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                HistoryOrder order = HistoryOrder.by(column, descending);
                List<HistoryRow> sorted = query(narrowed, order);
                List<HistoryRow> expected = all.stream().filter(narrowed.predicate(CHICAGO)).sorted(comparator(order)).toList();
                assertEquals(ids(expected), ids(sorted), order.toString());
                for (int i = 0; i < sorted.size(); i += 7) {
                    assertEquals(i, cache.positionOf(sorted.get(i).id(), narrowed, order, CHICAGO), order + " place of row " + i);
                }
            }
        }
        HistoryOrder two = new HistoryOrder(List.of(new HistoryOrder.Key(HistoryColumn.STATUS, false),
                new HistoryOrder.Key(HistoryColumn.DURATION, true)));
        List<HistoryRow> sorted = query(CallFilter.NONE, two);
        assertEquals(ids(all.stream().sorted(comparator(two)).toList()), ids(sorted), "status, then longest first");
        for (int i = 0; i < sorted.size(); i += 13) {
            assertEquals(i, cache.positionOf(sorted.get(i).id(), CallFilter.NONE, two, CHICAGO));
        }
        assertEquals(-1, cache.positionOf(all.get(0).id(), search("nobody"), two, CHICAGO), "left out by the filter");
        assertEquals(-1, cache.positionOf("not-a-call", CallFilter.NONE, two, CHICAGO));
    }

    @Test
    void newCallsOnTopAreCountedAndAChangedCallStaysWhereItWas() throws Exception {
        HistoryRow top = all.get(0);
        HistoryRow newer = new HistoryRow("ff", top.createdMs() + 1000, "Queued", "+14155550199", "+14155550100", "uc0",
                "Reminders", "Ava", null, 0, null, null, "en-US", "Outbound", "+14155550199 reminders ");
        assertEquals(Set.of("ff"), cache.upsert(List.of(newer), List.of("{}")));
        assertEquals(1, cache.countNewerThan(CallFilter.NONE, CHICAGO, top.id()));
        assertEquals(0, cache.countNewerThan(search("grace"), CHICAGO, top.id()), "not among the filtered");
        assertEquals(Set.of(), cache.upsert(List.of(newer), List.of("{}")), "brought again unchanged: no change");

        HistoryRow done = new HistoryRow("ff", newer.createdMs(), "Completed", newer.callee(), newer.caller(), "uc0",
                "Reminders", "Ava", "Successful", 42, null, null, "en-US", "Outbound", newer.searchText() + "successful ");
        assertEquals(Set.of("ff"), cache.upsert(List.of(done), List.of("{\"status\":\"completed\"}")));
        assertEquals(done, cache.page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, CHICAGO, 0, 1).get(0));
        assertEquals(List.of("ff"), ids(query(search("successful"), HistoryOrder.NEWEST_FIRST)), "its new words are found");
        assertEquals(List.of(), ids(query(search("queued"), HistoryOrder.NEWEST_FIRST)));
        assertEquals("{\"status\":\"completed\"}", cache.json("ff").orElseThrow());

        // The service moved its creation time: it moves to its new place, found there only.
        HistoryRow moved = new HistoryRow("ff", START - DAY, done.status(), done.callee(), done.caller(), "uc0", "Reminders",
                "Ava", "Successful", 42, null, null, "en-US", "Outbound", done.searchText());
        cache.upsert(List.of(moved), List.of("{}"));
        assertEquals(401, cache.count());
        List<HistoryRow> oldest = cache.page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, CHICAGO, 400, 5);
        assertEquals(List.of("ff"), ids(oldest));
        assertEquals(List.of("ff"), ids(query(search("successful"), HistoryOrder.NEWEST_FIRST)));
    }

    @Test
    void theDashboardsFiguresAndTheFiltersChoicesAreAggregates() throws Exception {
        CallFilter busy = new CallFilter(Set.of("Busy"), "", "", "", null, null, List.of());
        HistoryCache.Aggregates figures = cache.aggregates(busy, CHICAGO);
        assertEquals(java.util.Map.of("Busy", 80L), figures.perStatus());
        assertEquals(80L, figures.perQuarterHour().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(80L, figures.perCampaignStatus().values().stream()
                .mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).sum());
        assertEquals(List.of("Reminders", "survey"), cache.useCaseNames());
        assertEquals(List.of("spring", "win-back"), cache.campaigns());
        assertEquals(List.of("uc1"), cache.useCaseIdsNamed("survey"));
        assertEquals(80, cache.idsWithStatus(List.of("In progress")).size());

        List<String> streamed = new ArrayList<>();
        cache.forEach(busy, HistoryOrder.by(HistoryColumn.CALLEE, false), CHICAGO, r -> streamed.add(r.id()));
        assertEquals(ids(query(busy, HistoryOrder.by(HistoryColumn.CALLEE, false))), streamed);
    }

    private List<String> expected(CallFilter filter) {
        return ids(all.stream().filter(filter.predicate(CHICAGO)).toList());
    }

    /** The order as a person reads it: text without case, nothing before anything, ties newest first (oldest first going up). */
    private Comparator<HistoryRow> comparator(HistoryOrder order) {
        Comparator<HistoryRow> c = null;
        for (HistoryOrder.Key key : order.keys()) {
            Comparator<HistoryRow> next = switch (key.column()) {
                case CREATED -> Comparator.comparingInt(r -> -all.indexOf(r));
                case DURATION -> Comparator.comparingInt(HistoryRow::durationSeconds);
                default -> Comparator.comparing(text(key.column()), Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
            };
            next = key.descending() ? next.reversed() : next;
            c = c == null ? next : c.thenComparing(next);
        }
        Comparator<HistoryRow> oldestFirst = Comparator.comparingInt(r -> -all.indexOf(r));
        return c.thenComparing(order.keys().get(0).descending() ? oldestFirst.reversed() : oldestFirst);
    }

    private static Function<HistoryRow, String> text(HistoryColumn column) {
        return switch (column) {
            case CALLEE -> HistoryRow::callee;
            case STATUS -> HistoryRow::status;
            case OUTCOME -> HistoryRow::outcome;
            case CALLER -> HistoryRow::caller;
            case USE_CASE -> HistoryRow::useCase;
            case AGENT -> HistoryRow::agent;
            case CAMPAIGN -> HistoryRow::campaign;
            case SCHEDULED_FOR -> HistoryRow::scheduledFor;
            case LANGUAGE -> HistoryRow::language;
            case TYPE -> HistoryRow::type;
            default -> throw new IllegalArgumentException(column.name());
        };
    }
}
