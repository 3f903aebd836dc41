package org.dialdesk.ui.bulk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.bulk.BulkDesk;
import org.dialdesk.bulk.BulkEngine;
import org.dialdesk.bulk.BulkField;
import org.dialdesk.bulk.BulkInputException;
import org.dialdesk.bulk.BulkPlan;
import org.dialdesk.bulk.BulkPlanner;
import org.dialdesk.bulk.ColumnMapping;
import org.dialdesk.bulk.PreviewChanges;
import org.dialdesk.bulk.RunControl;
import org.dialdesk.bulk.SheetFormat;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The Bulk screen: a spreadsheet imported and previewed (every skipped row with its reason, before
 * anything is sent), launched once the operator says so, sent through the outbox with progress,
 * paused, resumed or cancelled, and its results exported. Rows whose outcome history could not
 * settle are listed for the operator's word; they are never sent again by themselves.
 */
public final class BulkViewModel {
    public enum Stage { EMPTY, READING, PREVIEW, SENDING, STOPPED, ENDED }

    private final BulkDesk desk;
    private final TaskRunner runner;
    /** The table's rows, made as the table asks for them: a preview of 100,000 rows holds none of them. */
    private final TableRows rows;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.EMPTY);
    /** While a file is read or its rows are checked again (a second or more for 100,000 rows). */
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper fileSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SheetFormat> format = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    /** What the preview says of its plan besides the rows: counts by reason, rows held for a choice, rows shown. */
    private final PlanCounts counts = new PlanCounts();
    /** What a column can be: each field, and each of the run's use case's {{variables}}. */
    private final ColumnRoles columnRoles = new ColumnRoles();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    /**
     * What the operator should know that is not a problem (a file written, a column that gave up its
     * role, what to choose next), said beside the counts rather than in place of them.
     */
    private final ReadOnlyStringWrapper told = new ReadOnlyStringWrapper();
    private static final String CHOOSE_CALLER = "Choose the number the calls come from (Calls from, above): until then"
            + " every row is held back for the want of one.";
    private final ReadOnlyBooleanWrapper canLaunch = new ReadOnlyBooleanWrapper(false);
    private final BulkChoices choices;
    /** The run this screen sends, or last sent or found unfinished: its progress and the rows waiting for a word. */
    private final BulkRun run;
    /** Rows left out and fixed, over the file as read; kept until another file is imported. */
    private PreviewChanges changes = PreviewChanges.NONE;
    private BulkDesk.Imported imported;
    /** The file the screen shows: the one imported, or the source of a run found unfinished; null for none. */
    private Path source;
    private BulkPlan plan;
    /** Set when this file went to this account before: the launch question says so. */
    private Optional<String> sentBefore = Optional.empty();
    /** The plan the launch question was asked about; launch sends it only if it is still the one shown. */
    private BulkPlan asked;
    /** How long the campaign field rests before the rows are checked again with it. */
    static final Duration TYPING_PAUSE = Duration.ofMillis(400);
    /** Calls off the re-plan the last letter typed in the campaign field asked for. */
    private Runnable cancelCampaignPlan = () -> { };
    /** Only the newest plan is shown. */
    private long generation;

    public BulkViewModel(BulkDesk desk, TaskRunner runner) {
        this.desk = desk;
        this.runner = runner;
        stage.addListener((obs, old, now) -> {
            canLaunch.set(now == Stage.PREVIEW && plan != null && plan.ready() > 0);
            if (now != Stage.PREVIEW) {
                counts.clear();
            }
        });
        choices = new BulkChoices(desk.defaultChoice());
        rows = new TableRows(desk, runner);
        run = new BulkRun(desk, runner, rows, stage, summary, problem, told);
        choices.numberIdProperty().addListener((obs, old, now) -> {
            String useCase = choices.useCaseIdProperty().get();
            if (imported != null && !java.util.Objects.equals(desk.useCaseOf(old, useCase), desk.useCaseOf(now, useCase))) {
                columnRoles.forget(); // another default use case: its variables and saved mapping; the same one keeps the operator's
            }
            replan();
        });
        choices.campaignProperty().addListener((obs, old, now) -> {
            // Typed a letter at a time: the rows are checked again once the typing stops, not at every
            // letter (a second of work each at 100,000 rows). Until then the rows shown are not what would be sent.
            cancelCampaignPlan.run();
            if (stage.get() == Stage.PREVIEW) {
                canLaunch.set(false);
            }
            cancelCampaignPlan = runner.later(TYPING_PAUSE, this::replan);
        });
        choices.useCaseIdProperty().addListener((obs, old, now) -> {
            if (imported != null) {
                columnRoles.forget(); // the new use case's variables and saved mapping
            }
            replan();
        });
        choices.ringAgainProperty().addListener((obs, old, now) -> replan());
        choices.waitForHoursProperty().addListener((obs, old, now) -> replan());
        counts.rowsShownProperty().addListener((obs, old, now) -> {
            if (counts.chosenByOperator() && now != null && stage.get() == Stage.PREVIEW && plan != null) {
                rows.show(new PreviewRows(plan, changes, now == null ? RowsShown.ALL : now));
            }
        });
    }

    /** Reads the account's numbers and use cases for the pickers (loaded once per profile). */
    public void loadLists() {
        runner.run(desk::lists, choices::show, failure -> problem.set("The account's numbers could not be read: " + ErrorMessages.describe(failure)));
    }

    /** After a restart: a run left unfinished on this account is shown, to resume or cancel. */
    public void offerUnfinished() {
        offerUnfinished(notice -> { }, notice -> { });
    }

    /**
     * As {@link #offerUnfinished()}, and {@code tellOperator} hears of such a run: the window opens on
     * the Dial form, and a run cut short (the app killed, the computer off) would go unseen until
     * Bulk was opened. Once the run is resumed or cancelled, {@code withdraw} takes that back.
     */
    public void offerUnfinished(java.util.function.Consumer<String> tellOperator, java.util.function.Consumer<String> withdraw) {
        runner.run(desk::unfinished, unfinished -> unfinished.ifPresent(r -> {
            if (stage.get() == Stage.EMPTY) {
                String notice = "A bulk run of " + Path.of(r.source()).getFileName() + " (run " + r.id() + ") stopped"
                        + " before its end. Open Bulk to resume it or cancel it; nothing is sent until you do.";
                tellOperator.accept(notice);
                source = Path.of(r.source());
                String unfinishedRun = Path.of(r.source()).getFileName() + " · run " + r.id() + ", not finished";
                fileSummary.set(unfinishedRun);
                // Resumed to its end (or cancelled), it is not "not finished" any more.
                org.dialdesk.ui.common.Once.when(() -> stage.get() == Stage.ENDED, () -> {
                    if (unfinishedRun.equals(fileSummary.get())) {
                        fileSummary.set(Path.of(r.source()).getFileName() + " · run " + r.id() + ", ended");
                    }
                }, stage);
                run.found(r.id(), r.message() == null ? "The run stopped before its end; resume it to go on." : r.message());
                // Resumed or cancelled, "nothing is sent until you do" is not so any more.
                org.dialdesk.ui.common.Once.when(() -> stage.get() != Stage.STOPPED, () -> withdraw.accept(notice), stage);
            }
        }), failure -> problem.set("The bulk outbox could not be read: " + ErrorMessages.describe(failure)));
    }

    public void importFile(Path file) {
        counts.rowsShownProperty().set(RowsShown.ALL); // another file: its rows, all of them
        read(file, null);
    }

    /** Reads the imported file again as the operator says it is written (delimiter, encoding, header). */
    public void reread(SheetFormat asWritten) {
        if (imported == null || stage.get() != Stage.PREVIEW) {
            return;
        }
        if (asWritten.equals(imported.sheet().format())) {
            problem.set(null); // back to how the preview was read: what another way's reading said no longer applies
            return;
        }
        read(imported.file(), asWritten);
    }

    private void read(Path file, SheetFormat asWritten) {
        if (stage.get() == Stage.SENDING) {
            return;
        }
        if (stage.get() == Stage.STOPPED) {
            // The paused run is what the screen shows; another file would take its place and hide it.
            problem.set("A run is paused: resume it, or cancel it, before importing another file. Nothing was read.");
            return;
        }
        problem.set(null);
        told.set(null);
        Stage before = stage.get();
        stage.set(Stage.READING);
        long mine = ++generation;
        checking.set(true);
        // The same file read another way keeps what the operator left out and fixed, and rings again or waits for
        // the hours as chosen for it; another file starts afresh: a follow-up run's choice is not the next file's.
        boolean again = asWritten != null;
        BulkDesk.Choice chosen = again ? choices.choice() : choices.choice().withOptions(BulkPlanner.Options.NONE);
        PreviewChanges kept = again ? changes : PreviewChanges.NONE;
        runner.run(() -> {
            BulkDesk.Imported read = asWritten == null ? desk.read(file) : desk.read(file, asWritten);
            ColumnMapping mapped = desk.mappingFor(read.sheet(), chosen);
            return planned(read, mapped, kept, chosen, desk.sentBefore(file));
        }, planned -> {
            if (mine != generation) {
                return;
            }
            checking.set(false);
            if (!again) { // before the plan is shown: no re-plan follows (the stage is still reading)
                choices.ringAgainProperty().set(false);
                choices.waitForHoursProperty().set(false);
            }
            imported = planned.imported();
            source = file;
            changes = kept;
            run.forget();
            columns.setAll(imported.sheet().columns());
            fileSummary.set(file.getFileName() + " · " + imported.sheet().format().describe());
            format.set(imported.sheet().format());
            showPlan(planned);
        }, failure -> {
            if (mine == generation) {
                checking.set(false);
                stage.set(before == Stage.READING ? Stage.EMPTY : before);
                // The preview on screen, if any, is the previous reading's: say so, so it is not taken for this one.
                problem.set(ErrorMessages.describe(failure) + (imported != null && stage.get() == Stage.PREVIEW
                        ? " Still showing " + imported.file().getFileName() + " as it was read before. Nothing was sent."
                        : " Nothing was sent."));
            }
        });
    }

    /** A file read and planned; {@code plan} is null, with the reason, when its mapping cannot be planned yet. */
    private record Planned(BulkDesk.Imported imported, ColumnMapping mapping, BulkPlan plan, Optional<String> sentBefore,
                           String problem) {
    }

    private Planned planned(BulkDesk.Imported read, ColumnMapping mapped, PreviewChanges changed, BulkDesk.Choice chosen,
                            Optional<String> before) {
        try {
            return new Planned(read, mapped, desk.plan(changed.applyTo(read.sheet()), mapped, changed.excluded(), chosen),
                    before, null);
        } catch (BulkInputException e) {
            // The file is read: its columns are shown so the operator can say which is which.
            return new Planned(read, mapped, null, before, e.getMessage());
        }
    }

    private void showPlan(Planned planned) {
        columnRoles.planned(planned.mapping());
        sentBefore = planned.sentBefore();
        plan = planned.plan();
        stage.set(Stage.PREVIEW);
        // Until a caller number is chosen every row is skipped for the want of one, which looks like a broken
        // file: said once, plainly, as what to do next.
        boolean noCaller = choices.choice().numberId() == null
                && planned.mapping().columnOf(BulkField.CALLER_NUMBER).isEmpty();
        if (noCaller) {
            told.set(CHOOSE_CALLER);
        } else if (CHOOSE_CALLER.equals(told.get())) {
            told.set(null);
        }
        if (plan == null) {
            rows.show(null);
            summary.set("");
            counts.clear();
            problem.set(planned.problem());
            canLaunch.set(false);
            return;
        }
        columnRoles.offer(fields(), desk.variablesFor(choices.choice()));
        rows.show(new PreviewRows(plan, changes, counts.show(plan)));
        summary.set(plan.summary());
        problem.set(null);
        canLaunch.set(plan.ready() > 0);
    }

    private void replan() {
        replan(null);
    }

    /** Plans the rows again; {@code note}, if any, is said once the new plan is shown (why it was made again). */
    private void replan(String note) {
        if (imported == null || stage.get() != Stage.PREVIEW) {
            return;
        }
        long mine = ++generation;
        // Until the new plan is in, the rows on screen are not what would be sent.
        canLaunch.set(false);
        checking.set(true);
        BulkDesk.Imported file = imported;
        ColumnMapping asMapped = columnRoles.mapping();
        PreviewChanges changed = changes;
        BulkDesk.Choice chosen = choices.choice();
        Optional<String> sentBefore = this.sentBefore;
        runner.run(() -> {
            ColumnMapping used = asMapped != null ? asMapped : desk.mappingFor(file.sheet(), chosen);
            return planned(file, used, changed, chosen, sentBefore);
        }, planned -> {
            if (mine == generation && stage.get() == Stage.PREVIEW) {
                checking.set(false);
                problem.set(null);
                showPlan(planned);
                if (note != null) {
                    problem.set(note);
                }
            }
        }, failure -> {
            if (mine == generation && stage.get() == Stage.PREVIEW) {
                checking.set(false);
                problem.set(ErrorMessages.describe(failure));
            }
        });
    }

    /** The field a column is, as mapped now. */
    public BulkField fieldOf(String column) {
        return columnRoles.fieldOf(column);
    }

    /** What each column can be: every field, and each {{variable}} of the run's use case. */
    public ObservableList<ColumnRole> roles() {
        return columnRoles.roles();
    }

    /** What the column is now: a param column named like a variable fills that one. */
    public ColumnRole roleOf(String column) {
        return columnRoles.roleOf(column);
    }

    public void map(String column, BulkField field) {
        map(column, ColumnRole.of(field));
    }

    /**
     * The operator says what a column is, a field or the variable it fills. The preview is checked
     * again; the mapping is kept for the use case at once (offered for its next file, whether or not
     * this one is launched); and any other column that had to give up its role (a field or variable
     * is one column's) is named, rather than changed unseen.
     */
    public void map(String column, ColumnRole role) {
        ColumnMapping before = columnRoles.mapping();
        try {
            if (!columnRoles.take(column, role)) {
                return;
            }
        } catch (BulkInputException e) {
            problem.set(e.getMessage());
            return;
        }
        ColumnMapping kept = columnRoles.mapping();
        BulkDesk.Choice chosen = choices.choice();
        runner.run(() -> {
            desk.keepMapping(kept, chosen);
            return null;
        }, done -> { }, failure -> problem.set("The columns' roles could not be kept for the next file: "
                + ErrorMessages.describe(failure)));
        told.set(columnRoles.gaveUp(before.keys(), column).orElse(null));
        replan();
    }

    /** Leaves a row out of the run, or takes it back in. */
    public void toggleExcluded(int rowNumber) {
        changes = changes.toggled(rowNumber);
        replan();
    }

    /**
     * A row's cells as the preview has them now (the file's, with the operator's fixes), to fix;
     * empty when the row is not in the preview.
     */
    public List<CellToFix> cellsOf(int rowNumber) {
        // From the changes, not the plan on screen: a plan still being made must not show a fix undone.
        return imported == null ? List.of() : changes.cellsOf(imported.sheet(), rowNumber).stream()
                .map(cell -> new CellToFix(cell.column(), cell.inColumn() ? fieldOf(cell.column()) : null, cell.value())).toList();
    }

    /**
     * The operator's fix to a row, column by column; the preview is checked again with it. The file
     * is not changed: the fix goes into this run (and the skipped rows' export). Values the same as
     * the file's are no fix; a row set back as read is no longer marked fixed.
     *
     * @return the problem, when the fix cannot be taken (the row keeps what it had)
     */
    public Optional<String> fixRow(int rowNumber, Map<String, String> values) {
        if (imported == null || stage.get() != Stage.PREVIEW) {
            return Optional.of("Rows can be fixed only in the preview, before the run is launched.");
        }
        try {
            changes = changes.fixed(imported.sheet(), rowNumber, values);
        } catch (BulkInputException e) {
            return Optional.of(e.getMessage());
        }
        replan();
        return Optional.empty();
    }

    /** How many rows the operator fixed here: importing another file drops them, so the screen asks first. */
    public int fixedRows() {
        return changes.fixes().size();
    }

    /**
     * The one question asked before sending: the profile, LIVE or not, and the count. Launch sends
     * the plan this question was asked about, and only that one.
     */
    public String launchQuestion() {
        asked = plan;
        return desk.launchQuestion(plan, choices.choice(), sentBefore);
    }

    /** Writes the run to the outbox, then sends it. */
    public void launch() {
        if (!canLaunch.get()) {
            return;
        }
        if (asked == null || asked != plan) {
            problem.set("The preview changed while you were asked; check it and launch again. Nothing was sent.");
            return;
        }
        ++generation; // a plan still being made is for a preview that is gone
        checking.set(false);
        asked = null;
        counts.rowsShownProperty().set(RowsShown.ALL); // the run shows every row as it goes
        BulkDesk.Imported file = imported;
        BulkPlan launched = plan;
        BulkDesk.Choice chosen = choices.choice();
        int fixed = changes.fixedIn(file.sheet().columns());
        canLaunch.set(false);
        // The run's control exists from the click: a pause or cancel pressed before the first request counts.
        RunControl mine = run.starting();
        stage.set(Stage.SENDING);
        runner.run(() -> desk.launch(file, launched, chosen, fixed), id -> run.send(id, mine), failure -> {
            stage.set(Stage.PREVIEW);
            if (failure instanceof BulkInputException refused) {
                // The rows are no longer as the preview said (people called since it was made): planned again.
                problem.set("Not launched: " + refused.getMessage());
                replan("Not launched: " + refused.getMessage());
                return;
            }
            canLaunch.set(true);
            problem.set("Not launched: " + ErrorMessages.describe(failure) + " Nothing was sent.");
        });
    }

    public void pause() {
        run.pause();
    }

    /**
     * For closing the profile: pauses a run that is sending and waits, at most {@code limit}, until
     * it has stopped between requests; false if it had not stopped by then (see {@link BulkRun#pauseAndWait}).
     */
    public boolean pauseAndWait(Duration limit) throws InterruptedException {
        return run.pauseAndWait(limit);
    }

    public void cancel() {
        run.cancel();
    }

    /** Cancel was pressed: the run stops between requests while the operator is asked whether to cancel it. */
    public void holdForCancelQuestion() {
        run.holdForQuestion();
    }

    /** The operator kept the run after all: it goes on where it stopped for the question. */
    public void keepRun() {
        run.keepAfterQuestion();
    }

    public void resume() {
        run.resume();
    }

    /** The operator's word on a row history could not settle. */
    public void decide(int rowNumber, BulkEngine.Decision decision) {
        run.decide(rowNumber, decision);
    }

    /**
     * Where an export of this file is offered to go, and under what name: beside the file, named
     * after it ("campaign-skipped.csv"); {@code fallback} in the folder given when there is no file.
     */
    public Path exportTarget(String suffix, Path fallbackFolder) {
        if (source == null) {
            return fallbackFolder.resolve("dialdesk-" + suffix + ".csv");
        }
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path folder = source.toAbsolutePath().getParent();
        return (folder != null && java.nio.file.Files.isDirectory(folder) ? folder : fallbackFolder)
                .resolve(stem + "-" + suffix + ".csv");
    }

    public void exportResults(Path file) {
        run.exportResults(file);
    }

    public void exportRejects(Path file) {
        BulkPlan shown = plan;
        runner.run(() -> desk.exportRejects(file, shown), count -> told.set(String.format(Locale.ROOT,
                "%,d skipped %s written to %s, with the file's own columns and why.", count, count == 1 ? "row" : "rows",
                file)),
                failure -> problem.set("Not exported: " + ErrorMessages.describe(failure)));
    }

    public boolean live() {
        return desk.account().live();
    }

    public List<BulkField> fields() {
        return List.of(BulkField.values());
    }

    /** The number that calls, the use case and the campaign for rows that do not say. */
    public BulkChoices choices() {
        return choices;
    }

    public ObservableList<BulkRow> rows() {
        return rows.view();
    }

    /** The table's rows, for the view to say which are in view: while a run goes, those show how they stand. */
    TableRows tableRows() {
        return rows;
    }

    public ObservableList<BulkRow> waiting() {
        return run.waiting();
    }

    public ObservableList<String> columns() {
        return columnsView;
    }

    /** True while the file is read or its rows checked again: the counts on screen are about to change. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** How the imported file was read; null before one is. */
    public ReadOnlyObjectProperty<SheetFormat> formatProperty() {
        return format.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileSummaryProperty() {
        return fileSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The preview's counts by reason, the rows held for a choice, and which rows the table shows. */
    public PlanCounts counts() {
        return counts;
    }

    public ReadOnlyStringProperty progressLineProperty() {
        return run.progressLineProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyStringProperty toldProperty() {
        return told.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canLaunchProperty() {
        return canLaunch.getReadOnlyProperty();
    }
}
