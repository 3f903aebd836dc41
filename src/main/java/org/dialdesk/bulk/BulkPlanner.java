package org.dialdesk.bulk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialRequestValidator;
import org.dialdesk.api.FieldError;
import org.dialdesk.api.UseCase;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.domain.CheckedPhones;
import org.dialdesk.domain.DialField;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.TemplateVariables;
import org.dialdesk.service.OrgDirectory;

/**
 * Turns a sheet and its mapping into a {@link BulkPlan}: every row read into the dial it would
 * send and checked by the same rules as the dial form (number, calling hours, template variables,
 * the API's field rules), against the account's lists and the do-not-call list. Sends nothing.
 * Each distinct number is parsed once; parsing, the slow part, runs on every core.
 */
public final class BulkPlanner {

    /** Values for every row whose sheet has no column for them: the run's defaults. */
    public record Defaults(String numberId, String useCaseId, String agentId, String modelId, String language,
                           String campaignId, Integer maxDurationMins, ZoneId scheduleZone, String defaultCountry) {
        public static Defaults none(ZoneId zone, String country) {
            return new Defaults(null, null, null, null, null, null, null, zone, country);
        }

        public Defaults withNumber(String id) {
            return new Defaults(id, useCaseId, agentId, modelId, language, campaignId, maxDurationMins, scheduleZone, defaultCountry);
        }

        public Defaults withUseCase(String id) {
            return new Defaults(numberId, id, agentId, modelId, language, campaignId, maxDurationMins, scheduleZone, defaultCountry);
        }

        public Defaults withCampaign(String id) {
            return new Defaults(numberId, useCaseId, agentId, modelId, language, id, maxDurationMins, scheduleZone, defaultCountry);
        }
    }

    /**
     * What the operator chose about rows the rules would hold back.
     *
     * @param ringAgain    send rows whose callee the account called in the last 24 hours, or is about to
     *                     (a follow-up run the operator means); else they are skipped, saying which call
     * @param waitForHours a row to dial now that is outside calling hours is scheduled for when they open,
     *                     rather than skipped
     */
    public record Options(boolean ringAgain, boolean waitForHours) {
        public static final Options NONE = new Options(false, false);
    }

    /** Which numbers of a set are on the do-not-call list; asked once per plan. */
    @FunctionalInterface
    public interface Listed {
        Set<String> of(Collection<String> e164s) throws Exception;
    }

    private static final DateTimeFormatter CALLEE_TIME = DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ROOT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ROOT);

    private final CallingRule callingRule;
    private final Listed doNotCall;
    private final EarlierCalls earlierCalls;
    private final Clock clock;
    /** Kept with the planner: each use case's variables are read from its prompt once, not once a plan. */
    private final TemplateSpellings spellings = new TemplateSpellings();
    /**
     * One per core, kept with the planner (one per open profile), so that each plan does not read
     * its countries' rules and compile their patterns again.
     */
    private final PhoneCheck.Checker[] checkers;
    /** Planning runs off the UI thread, and a new plan can start while the last one finishes. */
    private volatile PhonesChecked lastChecked;
    /** How many numbers the last plan had to check (the rest it had from the plan before). */
    private volatile int numbersCheckedLastPlan;

    public BulkPlanner(CallingRule callingRule, Listed doNotCall, Clock clock) {
        this(callingRule, doNotCall, EarlierCalls.NONE, clock);
    }

    /** @param earlierCalls whom the account rang lately or is about to ring: rows for them are held back unless asked */
    public BulkPlanner(CallingRule callingRule, Listed doNotCall, EarlierCalls earlierCalls, Clock clock) {
        this.callingRule = callingRule;
        this.doNotCall = doNotCall;
        this.earlierCalls = earlierCalls;
        this.clock = clock;
        this.checkers = new PhoneCheck.Checker[Runtime.getRuntime().availableProcessors()];
        java.util.Arrays.setAll(checkers, i -> new PhoneCheck.Checker());
    }

    /**
     * @param directory the account's lists as loaded, or null: IDs are checked only against lists that loaded
     * @param excluded  rows (by number) the operator left out
     */
    public BulkPlan plan(Sheet sheet, ColumnMapping mapping, Defaults defaults, OrgDirectory.Snapshot directory,
                         Set<Integer> excluded) throws BulkInputException {
        return plan(sheet, mapping, defaults, directory, excluded, Options.NONE);
    }

    /** @param options what the operator chose about rows called lately and rows outside calling hours */
    public BulkPlan plan(Sheet sheet, ColumnMapping mapping, Defaults defaults, OrgDirectory.Snapshot directory,
                         Set<Integer> excluded, Options options) throws BulkInputException {
        boolean ringAgain = options.ringAgain();
        String phoneColumn = mapping.columnOf(BulkField.PHONE).orElseThrow(() -> new BulkInputException(
                "No column is the phone number. Map the column that holds the numbers to call to \"phone\""
                        + " (columns: " + String.join(", ", sheet.columns()) + ")."));
        Map<BulkField, Integer> single = new HashMap<>();
        for (BulkField field : BulkField.values()) {
            if (field.single()) {
                mapping.columnOf(field).ifPresent(column -> single.put(field, sheet.columns().indexOf(column)));
            }
        }
        List<Integer> paramColumns = indexes(sheet, mapping.columnsOf(BulkField.PARAM));
        ParamNames paramNames = new ParamNames(sheet, paramColumns, mapping, spellings);
        List<Integer> metadataColumns = indexes(sheet, mapping.columnsOf(BulkField.METADATA));
        int phoneAt = sheet.columns().indexOf(phoneColumn);

        String[] rawPhones = new String[sheet.rows().size()];
        Map<String, PhoneCheck.Result> phones = parsePhones(sheet, phoneAt, defaults.defaultCountry(), rawPhones);
        Set<String> listed = listedNumbers(phones.values());
        Instant now = clock.instant();
        // Asked also when they are rung again, so the launch question can say how many are.
        Map<String, EarlierCalls.Earlier> calledBefore = earlierCalls(now, ringAgain);
        ZoneId operatorZone = defaults.scheduleZone() != null ? defaults.scheduleZone() : clock.getZone();
        AccountLists lists = new AccountLists(directory);
        DialRequestValidator validator = new DialRequestValidator(clock);

        // First, in file order, what depends on the rows before: duplicates. Then the rest, row by row on every core.
        BulkPlan.Row[] rows = new BulkPlan.Row[sheet.rows().size()];
        List<Integer> toPlan = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>(rows.length * 4 / 3 + 1); // sized for a file's rows: no rehashing
        for (int i = 0; i < rows.length; i++) {
            // The rows themselves are made only for the rows planned below.
            String raw = rawPhones[i];
            int number = sheet.number(i);
            if (sheet.problem(i) != null) {
                rows[i] = new BulkPlan.Row(number, raw, BulkPlan.Skip.UNREADABLE, sheet.problem(i));
                continue;
            }
            PhoneCheck.Result phone = phones.get(raw);
            if (!phone.ok()) {
                int width = sheet.width(i);
                String reason = raw.isBlank() && width < sheet.columns().size()
                        ? "Has " + width + " cells where the header has " + sheet.columns().size()
                                + ", none of them in the phone column: check this row's delimiters and quotes."
                        : (raw.isBlank() ? "No number. " : raw + ": ") + phone.problem();
                rows[i] = new BulkPlan.Row(number, raw, BulkPlan.Skip.BAD_PHONE, reason);
                continue;
            }
            String callee = phone.e164();
            // A row left out does not count as the callee's first: a later row for the same callee goes instead.
            if (excluded.contains(number)) {
                rows[i] = new BulkPlan.Row(number, callee, BulkPlan.Skip.EXCLUDED, "Left out of this run.");
                continue;
            }
            // A callee no row may ring holds back every row of theirs for that reason, not the first alone: the
            // rows after it are not "called once" by it.
            if (listed.contains(callee)) {
                rows[i] = new BulkPlan.Row(number, callee, BulkPlan.Skip.DO_NOT_CALL,
                        callee + " is on the do-not-call list.");
                continue;
            }
            if (!ringAgain && calledBefore.containsKey(callee)) {
                rows[i] = new BulkPlan.Row(number, callee, BulkPlan.Skip.CALLED_RECENTLY,
                        calledBefore.get(callee).describe(operatorZone, now));
                continue;
            }
            Integer first = firstRowOf.putIfAbsent(callee, number);
            if (first != null) {
                rows[i] = new BulkPlan.Row(number, callee, BulkPlan.Skip.DUPLICATE,
                        "Same callee as row " + first + "; it is called once.");
            } else {
                toPlan.add(i);
            }
        }
        RowRules rules = new RowRules(single, paramNames, metadataColumns, sheet, defaults, lists, validator, now,
                options.waitForHours(), operatorZone, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        toPlan.parallelStream().forEach(i -> {
            Sheet.Row row = sheet.rows().get(i);
            PhoneCheck.Result phone = phones.get(row.cell(phoneAt));
            rows[i] = planRow(row, phone.e164(), phone, rules).row();
        });
        keepChecked(sheet, phoneAt, defaults.defaultCountry(), rawPhones, phones);
        int ringingAgain = calledBefore == null ? -1 : 0;
        if (calledBefore != null && ringAgain) {
            for (int i : toPlan) {
                ringingAgain += rows[i].ready() && calledBefore.containsKey(rows[i].callee()) ? 1 : 0;
            }
        }
        // The dials themselves are made again at launch from the same rules: kept for 100,000 rows they were
        // most of the preview's memory, and the preview shows none of them.
        return new BulkPlan(sheet, mapping, java.util.Arrays.asList(rows), ready -> {
            Sheet.Row row = sheet.row(ready.number()).orElseThrow();
            Planned drafted = planRow(row, ready.callee(), null, rules);
            if (drafted.request() == null) {
                throw new IllegalStateException("Row " + ready.number() + " no longer makes a dial: " + drafted.row().reason());
            }
            // Held for the hours to open; launched after they have, it goes now (the engine checks the hours at its turn).
            Instant held = rules.heldUntil().get(ready.number());
            return held != null && held.isAfter(clock.instant())
                    ? drafted.request().toBuilder().scheduledFor(held).build() : drafted.request();
        }, ringingAgain, rules.heldUntil().size());
    }

    private static List<Integer> indexes(Sheet sheet, List<String> columns) {
        return columns.stream().map(sheet.columns()::indexOf).filter(i -> i >= 0).toList();
    }

    /**
     * Each distinct number in the column read once, on every core; each row's cell as written is left in
     * {@code cells}, so the rows are read from the sheet once for it. A number of the same file, column
     * and default country that the last plan checked, in a row not fixed since, is not checked again
     * (see {@link #keepChecked}).
     */
    private Map<String, PhoneCheck.Result> parsePhones(Sheet sheet, int column, String country, String[] cells) {
        int size = sheet.rows().size();
        Map<String, PhoneCheck.Result> parsed = new ConcurrentHashMap<>(size * 2);
        PhonesChecked last = lastChecked;
        CheckedPhones before = last != null && last.isFor(sheet, column, country) ? last.phones() : null;
        List<String> toRead = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String raw = sheet.cell(i, column);
            cells[i] = raw;
            if (parsed.containsKey(raw)) {
                continue; // a number met before in the file
            }
            // Made on each core's checker in turn: a result's country is worked out on its checker's rules,
            // and the rows are planned on every core.
            PhoneCheck.Result known = before != null && sheet.asRead(i) ? before.get(i, checkers[i % checkers.length]) : null;
            if (known != null) {
                parsed.put(raw, known);
            } else {
                parsed.put(raw, PENDING);
                toRead.add(raw);
            }
        }
        numbersCheckedLastPlan = toRead.size();
        // In parts, one per core, each on a checker of its own (see PhoneCheck.Checker).
        int parts = checkers.length;
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            PhoneCheck.Checker checker = checkers[part];
            for (int i = part; i < toRead.size(); i += parts) {
                parsed.put(toRead.get(i), checker.check(toRead.get(i), country));
            }
        });
        return parsed;
    }

    /** How many numbers the last plan checked; the rest it took from the plan before. For tests. */
    int numbersCheckedLastPlan() {
        return numbersCheckedLastPlan;
    }

    /** Keeps what this plan found for each row as read (its number, and its time zones once looked up), for the next plan. */
    private void keepChecked(Sheet sheet, int column, String country, String[] cells, Map<String, PhoneCheck.Result> parsed) {
        CheckedPhones checked = new CheckedPhones(cells.length);
        for (int i = 0; i < cells.length; i++) {
            if (sheet.asRead(i)) {
                checked.put(i, parsed.get(cells[i]));
            }
        }
        lastChecked = new PhonesChecked(new WeakReference<>(sheet.reading()), column, country, checked);
    }

    /**
     * The numbers the last plan checked, by row, for the file it read (held weakly: a file the
     * operator has left is not kept for this) and the column and default country it read them with.
     */
    private record PhonesChecked(WeakReference<Object> reading, int column, String country, CheckedPhones phones) {
        boolean isFor(Sheet sheet, int column, String country) {
            return reading.get() == sheet.reading() && this.column == column && Objects.equals(this.country, country)
                    && phones.size() == sheet.rows().size();
        }
    }

    /** A number met in the file and not read yet; replaced before the map is used. */
    private static final PhoneCheck.Result PENDING = PhoneCheck.check("", null);

    private Set<String> listedNumbers(Collection<PhoneCheck.Result> phones) throws BulkInputException {
        Set<String> numbers = phones.stream().filter(PhoneCheck.Result::ok).map(PhoneCheck.Result::e164) // sized: no rehashing
                .collect(Collectors.toCollection(() -> new java.util.HashSet<>(phones.size() * 4 / 3 + 1)));
        try {
            return doNotCall.of(numbers);
        } catch (Exception e) {
            throw new BulkInputException("The do-not-call list could not be read (" + e.getMessage()
                    + "); nothing can be planned until it can.", e);
        }
    }

    /**
     * The ready rows of {@code plan} whose callee the account has called, or set a call for, in the
     * last 24 hours as of now: asked again at launch, since a call from the Dial form or another run
     * may have come after the preview was made. Empty when none.
     */
    public List<BulkPlan.Row> calledSincePlanned(BulkPlan plan) throws BulkInputException {
        Map<String, EarlierCalls.Earlier> calledBefore = earlierCalls(clock.instant(), false);
        if (calledBefore.isEmpty()) {
            return List.of();
        }
        List<BulkPlan.Row> called = new ArrayList<>();
        for (int i : plan.indexesWhere(java.util.Objects::isNull)) {
            BulkPlan.Row row = plan.rows().get(i);
            if (calledBefore.containsKey(row.callee())) {
                called.add(row);
            }
        }
        return called;
    }

    /**
     * The account's calls of the last 24 hours and those still to ring, by callee: the one to name for
     * each. When they cannot be read, nothing is planned, unless they are rung again anyway: then null.
     */
    private Map<String, EarlierCalls.Earlier> earlierCalls(Instant now, boolean ringAgain) throws BulkInputException {
        try {
            return earlierCalls.byCallee(now);
        } catch (Exception e) {
            if (ringAgain) {
                return null;
            }
            throw new BulkInputException("The account's calls of the last 24 hours could not be read (" + e.getMessage()
                    + "), so nothing can be planned: a row could ring someone called already. Try again, or choose to ring"
                    + " people called lately again (\"Ring again\", --ring-again) to plan without them.", e);
        }
    }

    /**
     * What a plan needs to check a row and make its dial, worked out once a plan. {@code heldUntil}:
     * the rows scheduled for when calling hours open, by number, filled as they are planned;
     * {@code variablesOf}: each prompt's {@code {{variables}}}, read once (not per row) as rows meet it.
     */
    private record RowRules(Map<BulkField, Integer> single, ParamNames paramNames, List<Integer> metadataColumns,
                            Sheet sheet, Defaults defaults, AccountLists lists, DialRequestValidator validator, Instant now,
                            boolean waitForHours, ZoneId operatorZone, Map<Integer, Instant> heldUntil,
                            Map<String, List<String>> variablesOf) {
    }

    /** A row checked, and the dial it makes when it is ready. */
    private record Planned(BulkPlan.Row row, DialRequest request) {
        static Planned skipped(Sheet.Row row, String callee, BulkPlan.Skip skip, String reason) {
            return new Planned(new BulkPlan.Row(row.number(), callee, skip, reason), null);
        }
    }

    /**
     * Checks a row and makes its dial. {@code phone} is null when the dial is made again for a row
     * already found ready (at launch): then only the dial is made, and nothing is checked again
     * here; the engine checks calling hours at each row's turn and the service the rest.
     */
    private Planned planRow(Sheet.Row row, String callee, PhoneCheck.Result phone, RowRules rules) {
        Map<BulkField, Integer> single = rules.single();
        Defaults defaults = rules.defaults();
        AccountLists lists = rules.lists();
        boolean check = phone != null;
        List<String> invalid = new ArrayList<>();
        String numberId = cellOr(row, single.get(BulkField.CALLER_NUMBER), defaults.numberId());
        String useCaseId = cellOr(row, single.get(BulkField.USE_CASE), defaults.useCaseId());
        String agentId = cellOr(row, single.get(BulkField.AGENT), defaults.agentId());
        String campaignId = cellOr(row, single.get(BulkField.CAMPAIGN), defaults.campaignId());
        Integer maxDuration = defaults.maxDurationMins();
        String maxText = cellOr(row, single.get(BulkField.MAX_DURATION), null);
        if (maxText != null) {
            try {
                maxDuration = Integer.valueOf(maxText.strip());
            } catch (NumberFormatException e) {
                invalid.add("Maximum minutes \"" + maxText + "\" is not a whole number.");
            }
        }
        Instant scheduledFor = null;
        String when = cellOr(row, single.get(BulkField.SCHEDULED_FOR), null);
        if (when != null) {
            String zoneText = cellOr(row, single.get(BulkField.SCHEDULE_ZONE), null);
            try {
                ZoneId zone = zoneText != null ? ZoneId.of(zoneText.strip()) : defaults.scheduleZone();
                scheduledFor = RowTimes.scheduleOf(when, zone);
            } catch (DateTimeException e) {
                invalid.add("Time zone \"" + zoneText + "\" is not one; write e.g. America/Chicago.");
            } catch (IllegalArgumentException e) {
                invalid.add("Scheduled time: " + e.getMessage());
            }
        }
        if (numberId == null) {
            invalid.add("No caller number: map a column to it or choose the number that calls for the whole run.");
        }
        if (!invalid.isEmpty()) {
            return Planned.skipped(row, callee, BulkPlan.Skip.INVALID, String.join(" ", invalid));
        }
        List<String> unknown = new ArrayList<>();
        if (lists.numbers != null && !lists.numbers.containsKey(numberId)) {
            unknown.add("Caller number " + numberId + " is not one of this account's numbers.");
        }
        UseCase useCase = null;
        if (useCaseId != null && lists.useCases != null) {
            useCase = lists.useCases.get(useCaseId);
            if (useCase == null) {
                unknown.add("Use case " + useCaseId + " is not one of this account's use cases.");
            }
        }
        if (agentId != null && lists.agents != null && !lists.agents.contains(agentId)) {
            unknown.add("Agent " + agentId + " is not one of this account's agents.");
        }
        if (!unknown.isEmpty()) {
            return Planned.skipped(row, callee, BulkPlan.Skip.UNKNOWN_ID, String.join(" ", unknown));
        }
        String unchecked = check ? lists.variablesUnchecked(useCaseId, numberId) : null;
        if (unchecked != null) {
            return Planned.skipped(row, callee, BulkPlan.Skip.MISSING_VARIABLES, unchecked);
        }
        // Left to the caller number's default, the rows are checked against that use case when the
        // account's lists say which it is: its prompt's variables, its hours. The dial still names none.
        if (useCaseId == null && lists.numbers != null && lists.useCases != null) {
            CallerNumber number = lists.numbers.get(numberId);
            if (number != null && number.useCaseId() != null) {
                useCase = lists.useCases.get(number.useCaseId());
            }
        }
        ObjectNode params = null;
        ParamNames paramNames = rules.paramNames();
        if (!paramNames.columns.isEmpty()) {
            Map<Integer, String> names = paramNames.of(useCase);
            params = JsonNodeFactory.instance.objectNode();
            for (int column : paramNames.columns) {
                String value = row.cell(column);
                if (!value.isEmpty()) {
                    params.put(names.get(column), value);
                }
            }
        }
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        for (int column : rules.metadataColumns()) {
            String value = row.cell(column);
            if (!value.isEmpty()) {
                metadata.put(rules.sheet().columns().get(column), value);
            }
        }
        DialRequest request = DialRequest.builder().numberId(numberId).phoneNumber(callee).useCaseId(useCaseId)
                .agentId(agentId).modelId(cellOr(row, single.get(BulkField.MODEL), defaults.modelId()))
                .language(cellOr(row, single.get(BulkField.LANGUAGE), defaults.language()))
                .params(params).metadata(metadata).campaignId(campaignId).scheduledFor(scheduledFor)
                .maxDurationMins(maxDuration).build();
        if (!check) {
            return new Planned(new BulkPlan.Row(row.number(), callee, null, null), request);
        }
        if (useCase != null && useCase.prompt() != null) {
            List<String> missing = TemplateVariables.missing(rules.variablesOf().computeIfAbsent(useCase.prompt(), TemplateVariables::of),
                    params == null ? JsonNodeFactory.instance.objectNode() : params);
            if (!missing.isEmpty()) {
                return Planned.skipped(row, callee, BulkPlan.Skip.MISSING_VARIABLES,
                        "The use case's prompt needs " + String.join(", ", missing) + "; this row has no value for "
                                + (missing.size() == 1 ? "it." : "them."));
            }
        }
        List<FieldError> errors = rules.validator().validate(request);
        if (!errors.isEmpty()) {
            return Planned.skipped(row, callee, BulkPlan.Skip.INVALID, errors.stream()
                    .map(e -> DialField.labelOf(e.field()) + ": " + e.message()).collect(Collectors.joining(" ")));
        }
        CallingRule.Verdict verdict = callingRule.check(phone, scheduledFor != null ? scheduledFor : rules.now(), null, useCase);
        if (!verdict.allowed()) {
            Optional<Instant> opens = rules.waitForHours() && scheduledFor == null
                    ? callingRule.nextAllowed(phone, rules.now(), useCase) : Optional.empty();
            if (opens.isPresent()) {
                rules.heldUntil().put(row.number(), opens.get());
                String calleeTime = verdict.calleeTime() == null ? ""
                        : CALLEE_TIME.format(opens.get().atZone(verdict.calleeTime().getZone())) + " callee time, ";
                return new Planned(new BulkPlan.Row(row.number(), callee, null, "Outside calling hours now: scheduled for "
                        + calleeTime + WHEN.format(opens.get().atZone(rules.operatorZone())) + " your time."),
                        request.toBuilder().scheduledFor(opens.get()).build());
            }
            return Planned.skipped(row, callee, BulkPlan.Skip.OUTSIDE_HOURS,
                    verdict.warning().orElse("Outside calling hours.").replace('\n', ' '));
        }
        return new Planned(new BulkPlan.Row(row.number(), callee, null, null), request);
    }

    private static String cellOr(Sheet.Row row, Integer column, String fallback) {
        if (column == null || column < 0) {
            return fallback;
        }
        String value = row.cell(column);
        return value.isBlank() ? fallback : value;
    }
}
