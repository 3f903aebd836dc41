package org.dialdesk.bench;

import static org.dialdesk.bench.FxBench.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import org.dialdesk.ui.bulk.BulkView;
import org.dialdesk.ui.bulk.BulkRow;
import org.dialdesk.ui.bulk.BulkViewModel;

/**
 * The Bulk screen's preview of a {@code -Ddialdesk.bench.rows=N}-row campaign file (default
 * 100,000), in the whole console started as a person starts it on the embedded sandbox with a
 * fresh data folder (calling hours all day, so the rows ready do not follow the time of day), the
 * account's first caller number chosen: the file imported through the screen's view model (as the
 * file chooser or a drop hands it over) until its rows are laid out in the preview table; then the table scrolled as
 * an operator scrolls it, each step timed from the input until the table is laid out with its
 * result: page-down keys from ten places in the file, mouse-wheel notches, fling-like bursts of
 * decaying wheel deltas (inertia), jumps to seeded random rows (a drag of the scroll bar's thumb),
 * and to the end and back; the UI thread's longest wait in each phase (garbage-collection pauses
 * count), and, with the preview held, the heap used after a collection and the process's RSS. It
 * ends with one {@code summary} line. Runs on Monocle's headless platform (software rendering);
 * talks to 127.0.0.1 only. {@code -Ddialdesk.bench.explain=true} names what the UI thread was
 * doing in every wait over 50 ms; {@code -Ddialdesk.bench.histogram=true} prints the live heap's
 * make-up. The command is in the README ("Benchmarks").
 */
public final class BulkScreenBenchmark {
    private static final int ROWS = Integer.getInteger("dialdesk.bench.rows", 100_000);
    /** Where page-downs and wheel notches start: the top, then every tenth of the file. */
    private static final int PLACES = 10;
    private static final int PAGE_DOWNS_A_PLACE = 40;
    private static final int NOTCHES_A_PLACE = 20;
    /** One wheel notch, as the platform reports it (JavaFX's 40 pixels a click). */
    private static final double NOTCH = 40;
    private static final int FLINGS = 6;
    private static final int JUMPS = 200;

    public static void main(String[] args) throws Exception {
        headless();
        Path home = Files.createTempDirectory("dialdesk-bulk-screen-bench");
        Path csv = home.resolve("campaign.csv");
        // Named for the prompt variables of the first caller number's default use case (the appointment
        // reminder), which the preview checks every row against.
        BulkBenchmark.writeCsv(csv, BulkBenchmark.rowsOf(ROWS), "phone,patient_name,clinic,appointment_time");
        System.out.printf("%d cores, java %s, max heap %d MB; campaign file %,d rows, %.1f MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, ROWS, Files.size(csv) / 1e6);
        System.gc();

        // Calling hours all day: every row with a good number is ready whenever the benchmark runs (with the
        // default 08:00-21:00 the ready share, and the memory, would follow the time of day), each with its dial.
        Path data = Files.createDirectories(home.resolve("data"));
        Files.writeString(data.resolve("settings.json"), "{\"calling_hours_start\":\"00:00\",\"calling_hours_end\":\"23:59\"}");
        Thread console = launchConsole(data);
        FxStallWatch watch = new FxStallWatch(Boolean.getBoolean("dialdesk.bench.explain"), 50);
        watch.start();
        Scene scene = consoleScene();
        report(watch, "launch, until the window showed");

        // 1. Start-up: the screens are put in a frame at a time; the Bulk screen reads the account's numbers.
        waitFor("the Bulk screen", () -> scene.lookup("#nav-bulk") != null);
        BulkView bulk = fx(() -> (BulkView) scene.lookup("#nav-bulk").getUserData());
        BulkViewModel vm = bulk.viewModel();
        // The caller-number picker filled, and its first number chosen, as the operator does before importing
        // (without one every row is skipped; chosen after the import, the file would be planned again).
        waitFor("the account's numbers", () -> !vm.choices().numbers().isEmpty());
        String number = fx(() -> {
            vm.choices().numberIdProperty().set(vm.choices().numbers().get(0).id());
            return vm.choices().numbers().get(0).number();
        });
        idle(1000);
        report(watch, "start-up (screens built, lists loaded)");

        // 2. The operator opens Bulk.
        double openMs = untilLaidOut(scene, "opening Bulk", () -> ((ToggleButton) scene.lookup("#nav-bulk")).fire(),
                () -> bulk.lookup("#bulkPreviewTable") != null && bulk.getScene() != null);
        System.out.printf("Bulk opened: laid out %.0f ms after the click%n", openMs);
        idle(500);
        report(watch, "opening Bulk");
        @SuppressWarnings("unchecked")
        TableView<BulkRow> table = fx(() -> (TableView<BulkRow>) bulk.lookup("#bulkPreviewTable"));

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        idle(300);
        long heapBeforeMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        if (Boolean.getBoolean("dialdesk.bench.histogram")) {
            printLiveHeap(); // before the import too, so the preview's own objects show as the difference
        }
        System.out.printf("before the import: heap used after GC %d MB (committed %d MB), process RSS %d MB%n", heapBeforeMb,
                runtime.totalMemory() >> 20, rssKb() / 1024);
        watch.reset(); // that collection was the benchmark's, not the import's

        // 3. The file imported: read and checked off the UI thread, its rows handed to the table.
        long[] handedOver = {0};
        long importStart = System.nanoTime();
        double previewMs = untilLaidOut(scene, "the preview", () -> {
            table.getItems().addListener(new ListChangeListener<BulkRow>() {
                @Override
                public void onChanged(Change<? extends BulkRow> change) {
                    if (table.getItems().size() == ROWS) {
                        table.getItems().removeListener(this);
                        handedOver[0] = System.nanoTime();
                    }
                }
            });
            vm.importFile(csv);
        }, () -> handedOver[0] != 0 && firstShown(table) == 0, 120);
        double readMs = (handedOver[0] - importStart) / 1e6;
        System.out.printf("import: %,d rows read and checked off the UI thread %.0f ms, in the table and laid out %.0f ms"
                + " after the import; calls from %s: %s%n", ROWS, readMs, previewMs, number, fx(() -> vm.summaryProperty().get()));
        idle(1000);
        long worst = report(watch, "the import and preview");
        long scrolling = 0;

        VirtualFlow<?> flow = fx(() -> (VirtualFlow<?>) table.lookup(".virtual-flow"));
        int perPage = fx(() -> lastShown(table) - firstShown(table) + 1);
        System.out.printf("preview table: %d rows in view; %d place(s) · %d page-downs and %d wheel notches each, %d flings,"
                + " %d jumps%n", perPage, PLACES, PAGE_DOWNS_A_PLACE, NOTCHES_A_PLACE, FLINGS, JUMPS);
        List<Double> steps = new ArrayList<>();

        // 4. Page-down keys, from the top and from every tenth of the file.
        List<Double> pageDowns = new ArrayList<>();
        for (int place = 0; place < PLACES; place++) {
            int at = (int) ((long) ROWS * place / PLACES);
            jump(scene, table, at);
            fx(() -> { // a click on the row there, the keys go on from it
                table.requestFocus();
                table.getSelectionModel().clearAndSelect(at);
                table.getFocusModel().focus(at);
                return null;
            });
            for (int i = 0; i < PAGE_DOWNS_A_PLACE; i++) {
                // The first press selects the last row in view, each one after scrolls a page under it.
                int before = fx(() -> table.getSelectionModel().getSelectedIndex());
                pageDowns.add(untilLaidOut(scene, "a page-down", () -> key(table, KeyCode.PAGE_DOWN), () -> {
                    int selected = table.getSelectionModel().getSelectedIndex();
                    return (selected > before || selected == ROWS - 1) && firstShown(table) <= selected
                            && selected <= lastShown(table);
                }));
            }
        }
        steps.addAll(pageDowns);
        System.out.println("page-down, until laid out: " + spread(pageDowns));
        scrolling = Math.max(scrolling, report(watch, "page-downs"));

        // 5. Mouse-wheel notches, down from the same places.
        List<Double> notches = new ArrayList<>();
        for (int place = 0; place < PLACES; place++) {
            jump(scene, table, (int) ((long) ROWS * place / PLACES));
            for (int i = 0; i < NOTCHES_A_PLACE; i++) {
                notches.add(untilLaidOut(scene, "a wheel notch", () -> wheel(flow, -NOTCH, false), () -> true));
            }
        }
        steps.addAll(notches);
        System.out.println("wheel notch, until laid out: " + spread(notches));
        scrolling = Math.max(scrolling, report(watch, "wheel notches"));

        // 6. Flings: a touchpad's inertia, a wheel event a frame, each smaller than the one before.
        List<Double> flings = new ArrayList<>();
        jump(scene, table, ROWS / 2);
        for (int fling = 0; fling < FLINGS; fling++) {
            double direction = fling % 2 == 0 ? -1 : 1;
            for (double delta = 1200; delta >= 5; delta *= 0.85) {
                double d = direction * delta;
                flings.add(untilLaidOut(scene, "a fling's step", () -> wheel(flow, d, true), () -> true));
            }
        }
        steps.addAll(flings);
        System.out.println("fling step, until laid out: " + spread(flings));
        scrolling = Math.max(scrolling, report(watch, "flings"));

        // 7. Jumps to rows anywhere in the file, as a drag of the scroll bar's thumb lands.
        List<Double> jumps = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < JUMPS; i++) {
            jumps.add(jump(scene, table, random.nextInt(ROWS)));
        }
        steps.addAll(jumps);
        System.out.println("jump to a random row, until laid out with it: " + spread(jumps));
        scrolling = Math.max(scrolling, report(watch, "jumps"));

        // 8. To the very end and back to the top.
        jump(scene, table, ROWS / 3);
        idle(300);
        double toEnd = jump(scene, table, ROWS - 1);
        idle(300);
        double toTop = jump(scene, table, 0);
        System.out.printf("to the end of %,d rows, until laid out with the last: %.0f ms; back to the top %.0f ms%n",
                ROWS, toEnd, toTop);
        idle(500);
        scrolling = Math.max(scrolling, report(watch, "to the end and back"));
        Collections.sort(steps);
        System.out.printf("all %d scroll steps, until laid out: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", steps.size(),
                pct(steps, 0.5), pct(steps, 0.95), steps.get(steps.size() - 1));
        worst = Math.max(worst, scrolling);
        System.out.printf("UI thread, longest wait while scrolling: %.0f ms; from the import on: %.0f ms%n", scrolling / 1e6,
                worst / 1e6);

        // 9. A row left out and taken back, as an operator tidies the preview: the rows are planned again
        // (the file's numbers as the last plan checked them), until the summary says so and the table is laid out.
        List<Double> replans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int rowNumber = fx(() -> table.getItems().get(7).number());
            String before = fx(() -> vm.summaryProperty().get());
            replans.add(untilLaidOut(scene, "a row left out or taken back", () -> vm.toggleExcluded(rowNumber),
                    () -> !before.equals(vm.summaryProperty().get()), 30));
            idle(200);
        }
        Collections.sort(replans);
        System.out.printf("a row left out or taken back, until the summary says so and the table is laid out: %s ms%n",
                replans.stream().map(ms -> String.format(Locale.ROOT, "%.0f", ms)).toList());
        long replanWait = report(watch, "leaving rows out");
        worst = Math.max(worst, replanWait);

        // 10. Memory with the preview held, as the operator leaves it on screen: as it stands (the heap grown
        // for the import), then after a full collection, which is what the History benchmark reports.
        long rssBeforeMb = rssKb() / 1024;
        long committedBeforeMb = runtime.totalMemory() >> 20;
        System.gc();
        idle(500);
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        long rssMb = rssKb() / 1024;
        System.out.printf("memory with the %,d-row preview held: heap used after GC %d MB (committed %d MB), process RSS %d MB;"
                        + " before that collection heap committed %d MB, RSS %d MB%n", fx(() -> table.getItems().size()), heapMb,
                runtime.totalMemory() >> 20, rssMb, committedBeforeMb, rssBeforeMb);
        if (Boolean.getBoolean("dialdesk.bench.histogram")) {
            printLiveHeap();
        }
        System.out.printf(Locale.ROOT, "summary rows=%d preview_ms=%.0f replan_p50_ms=%.0f scroll_step_p50_ms=%.1f"
                        + " scroll_step_p95_ms=%.1f scroll_end_ms=%.0f ui_wait_max_ms=%.0f scroll_wait_max_ms=%.0f heap_mb=%d"
                        + " rss_mb=%d%n", ROWS, previewMs, pct(replans, 0.5), pct(steps, 0.5), pct(steps, 0.95), toEnd,
                worst / 1e6, scrolling / 1e6, heapMb, rssMb);
        Platform.exit();
        console.join(TimeUnit.SECONDS.toMillis(10));
        System.exit(0);
    }

    /** Scrolls the table to show {@code row} at its top, as a drag of the thumb lands, timed until laid out with it. */
    private static double jump(Scene scene, TableView<?> table, int row) throws Exception {
        try {
            return untilLaidOut(scene, "a jump to row " + row, () -> table.scrollTo(row),
                    () -> firstShown(table) <= row && row <= lastShown(table));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + fx(() -> String.format(Locale.ROOT, " (rows %d to %d of %d shown)",
                    firstShown(table), lastShown(table), table.getItems().size())), e);
        }
    }

    private static void key(TableView<?> table, KeyCode code) {
        Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
        Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, false, false, false));
    }

    /** A wheel event over the table's rows: {@code deltaY} pixels (negative is down), {@code inertia} for a fling's tail. */
    private static void wheel(VirtualFlow<?> flow, double deltaY, boolean inertia) {
        double x = flow.getWidth() / 2;
        double y = flow.getHeight() / 2;
        javafx.geometry.Point2D screen = flow.localToScreen(x, y);
        Event.fireEvent(flow, new ScrollEvent(ScrollEvent.SCROLL, x, y, screen.getX(), screen.getY(), false, false, false,
                false, false, inertia, 0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    }

    private static int firstShown(TableView<?> table) {
        IndexedCell<?> cell = flowOf(table).getFirstVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }

    private static int lastShown(TableView<?> table) {
        IndexedCell<?> cell = flowOf(table).getLastVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }

    private static VirtualFlow<?> flowOf(TableView<?> table) {
        return (VirtualFlow<?>) table.lookup(".virtual-flow");
    }

    private static double untilLaidOut(Scene scene, String what, Runnable action, BooleanSupplier done) throws Exception {
        return untilLaidOut(scene, what, action, done, 10);
    }

    /**
     * Runs {@code action} on the UI thread and times it until the end of the first layout pass after
     * which {@code done} holds (checked after each pass, and on the UI thread).
     */
    private static double untilLaidOut(Scene scene, String what, Runnable action, BooleanSupplier done, int seconds)
            throws Exception {
        CompletableFuture<Double> laidOut = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    if (done.getAsBoolean()) {
                        scene.removePostLayoutPulseListener(this);
                        laidOut.complete(since(start));
                    } else {
                        Platform.requestNextPulse();
                    }
                }
            });
            action.run();
            Platform.requestNextPulse(); // a step that changes nothing still gets its pass, and is timed
        });
        try {
            return laidOut.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + " was not laid out within " + seconds + " s", e);
        }
    }

    private static String spread(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%d steps, p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted.size(), pct(sorted, 0.5),
                pct(sorted, 0.95), sorted.get(sorted.size() - 1));
    }
}
