package org.dialdesk.bench;

import static org.dialdesk.bench.FxBench.*;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import org.dialdesk.service.HistorySync;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.ui.common.Once;
import javafx.scene.control.skin.VirtualFlow;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.ui.history.HistoryViewModel;


/**
 * The whole console, started as a person starts it, with {@code -Ddialdesk.bench.calls=N} calls
 * (default 100,000) in its history cache and on its sandbox: when the history has its data, how
 * long opening the History screen takes, how soon a filter keystroke's result is laid out in the
 * table (and counted), sorting by columns, scrolling to the end and back, the longest the UI
 * thread keeps everything waiting in each phase, and the process's resident memory; it ends with
 * one {@code summary} line. Runs on Monocle's headless platform; talks to 127.0.0.1 only.
 * With {@code -Ddialdesk.bench.explain=true} every wait over 50 ms is explained (frames, GC pauses);
 * with {@code -Ddialdesk.bench.home=DIR} the prepared sandbox and cache are kept there and used
 * again by the next run with as many calls (preparing a million takes minutes).
 * The command is in the README ("Benchmarks").
 */
public final class HistoryBenchmark {
    private static final int CALLS = Integer.getInteger("dialdesk.bench.calls", 100_000);

    public static void main(String[] args) throws Exception {
        headless();
        String kept = System.getProperty("dialdesk.bench.home");
        Path home = kept == null ? Files.createTempDirectory("dialdesk-history-bench") : Files.createDirectories(Path.of(kept));
        Path prepared = home.resolve("prepared-" + CALLS);
        if (Files.exists(prepared)) {
            System.out.printf("using the %,d calls prepared in %s%n", CALLS, home);
        } else {
            prepare(home);
            Files.writeString(prepared, "");
        }
        System.gc();

        Thread console = launchConsole(home);
        FxStallWatch watch = new FxStallWatch(Boolean.getBoolean("dialdesk.bench.explain"), 50);
        watch.start();
        waitFor("the console window", () -> Window.getWindows().stream().anyMatch(Window::isShowing));
        long windowShown = System.nanoTime();
        // Before the window is on screen nobody can be kept waiting; it is shown for what it costs.
        report(watch, "launch, until the window showed");
        Scene scene = fx(() -> Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow().getScene());

        // 1. Start-up: the screens are built and the history fills in the background (Dial is shown first).
        waitFor("the History screen", () -> scene.lookup("#nav-history") != null);
        Parent history = fx(() -> (Parent) scene.lookup("#nav-history").getUserData());
        // The screen puts its parts in place over a few frames; the table's rows exist once it is shown.
        waitFor("the history summary", () -> history.lookup("#historySummary") != null);
        Label summary = fx(() -> (Label) history.lookup("#historySummary"));
        waitFor("the first cached rows", () -> calls(summary.getText()) > 0);
        double firstRows = since(windowShown);
        waitFor("all cached rows counted", () -> calls(summary.getText()) >= CALLS);
        double allRows = since(windowShown);
        waitFor("the first sync", () -> summary.getText().contains("synced"));
        double synced = since(windowShown);
        System.out.printf("console window shown (at +%.2f s) → history has its first rows %.0f ms, all %,d counted %.0f ms, first sync done %.0f ms%n",
                watch.secondsSinceStart(windowShown), firstRows, CALLS, allRows, synced);
        idle(1000);
        long worstShowing = report(watch, "start-up (screens built, history loaded and synced in the background)");

        // 2. The operator opens History.
        long[] clicked = new long[1];
        CompletableFuture<Double> rendered = new CompletableFuture<>();
        Platform.runLater(() -> {
            Runnable check = new Runnable() {
                @Override
                public void run() {
                    TableView<?> table = (TableView<?>) scene.lookup("#historyTable");
                    boolean rowsShown = table != null && table.lookupAll(".table-row-cell").stream()
                            .anyMatch(n -> n.isVisible() && ((TableRow<?>) n).getItem() != null);
                    if (rowsShown) {
                        scene.removePostLayoutPulseListener(this);
                        rendered.complete(since(clicked[0]));
                    }
                }
            };
            scene.addPostLayoutPulseListener(check);
            clicked[0] = System.nanoTime();
            ((ToggleButton) scene.lookup("#nav-history")).fire();
        });
        double openMs = rendered.get(30, TimeUnit.SECONDS);
        System.out.printf("History opened: its rows (of %,d) laid out %.0f ms after the click%n", CALLS, openMs);
        idle(1000);
        // From here on the operator is in History: its waits apart from the start-up's (the dial form
        // and the other screens being built, the same whatever the history's size).
        long worstInHistory = report(watch, "opening History");
        worstShowing = Math.max(worstShowing, worstInHistory);

        // 3. Typing in the search box, at a person's pace.
        TableView<?> table = fx(() -> (TableView<?>) scene.lookup("#historyTable"));
        TextField search = fx(() -> (TextField) history.lookup("#historySearch"));
        List<Double> keystrokes = new ArrayList<>();
        watch.profile("typing");
        String[] words = {"ada lovelace", "+1 415 555", "win-back", "grace"};
        String[] typed = {""};
        for (int round = 0; round < 3; round++) {
            for (String word : words) {
                for (int i = 1; i <= word.length(); i++) {
                    keystroke(search, table, summary, typed, word.substring(0, i), keystrokes);
                }
                for (int i = word.length() - 1; i >= 0; i--) {
                    keystroke(search, table, summary, typed, word.substring(0, i), keystrokes);
                }
            }
        }
        // The first keystrokes run code the console has not run before (filtering by text).
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            first.append(String.format("%s%.0f ms (filtering %.0f)", i == 0 ? "" : ", ", keystrokes.get(i), filterOnly.get(i)));
        }
        System.out.println("first keystrokes: " + first);
        Collections.sort(keystrokes);
        System.out.printf("filter keystroke, until the table is laid out with its result (%d keystrokes): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                keystrokes.size(), pct(keystrokes, 0.5), pct(keystrokes, 0.95), keystrokes.get(keystrokes.size() - 1));
        List<Double> filtering = new ArrayList<>(filterOnly);
        Collections.sort(filtering);
        System.out.printf("  of which the query, until its first rows reach the table: p50 %.1f ms, p95 %.1f ms%n",
                pct(filtering, 0.5), pct(filtering, 0.95));
        List<Double> countedTimes = new ArrayList<>(counted);
        Collections.sort(countedTimes);
        System.out.printf("  until the summary has the matches' count: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                pct(countedTimes, 0.5), pct(countedTimes, 0.95), countedTimes.get(countedTimes.size() - 1));
        idle(1000);
        worstInHistory = Math.max(worstInHistory, report(watch, "typing"));
        worstShowing = Math.max(worstShowing, worstInHistory);
        if (Boolean.getBoolean("dialdesk.bench.explain")) {
            watch.printProfile();
        }

        // 4. Sorting every call by a column, as a click on its header does, and back to newest first.
        List<String> sorts = new ArrayList<>();
        double[] sortMax = {0};
        sorts.add(sortBy(table, "calleeColumn", TableColumn.SortType.ASCENDING, sortMax));
        sorts.add(sortBy(table, "calleeColumn", TableColumn.SortType.DESCENDING, sortMax));
        sorts.add(sortBy(table, "statusColumn", TableColumn.SortType.ASCENDING, sortMax));
        sorts.add(sortBy(table, "durationColumn", TableColumn.SortType.DESCENDING, sortMax));
        sorts.add(sortBy(table, "use-caseColumn", TableColumn.SortType.ASCENDING, sortMax));
        sorts.add(sortBy(table, "createdColumn", TableColumn.SortType.ASCENDING, sortMax));
        sorts.add(sortBy(table, "createdColumn", TableColumn.SortType.DESCENDING, sortMax));
        System.out.printf("sorting %,d rows, until the table is laid out: %s%n", CALLS, String.join(", ", sorts));
        worstInHistory = Math.max(worstInHistory, report(watch, "sorting"));
        worstShowing = Math.max(worstShowing, worstInHistory);

        // 5. Scrolling to the very end (a drag of the scroll bar) and back to the top.
        double toEnd = scrollTo(table, true);
        double toTop = scrollTo(table, false);
        System.out.printf("scrolled to the end of %,d rows: its rows read and laid out %.0f ms; back to the top %.0f ms%n",
                CALLS, toEnd, toTop);
        worstInHistory = Math.max(worstInHistory, report(watch, "scrolling"));
        worstShowing = Math.max(worstShowing, worstInHistory);
        System.out.printf("UI thread, longest wait while the window was showing: %.0f ms; in History (opening, typing, sorting, scrolling): %.0f ms%n",
                worstShowing / 1e6, worstInHistory / 1e6);

        System.gc();
        idle(500);
        long rssMb = rssKb() / 1024;
        System.out.printf("process RSS: %d MB (heap used %d MB, committed %d MB)%n", rssMb,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().totalMemory() >> 20);
        if (Boolean.getBoolean("dialdesk.bench.nmt")) {
            // With -XX:NativeMemoryTracking=summary: where the memory outside the heap goes.
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(ProcessHandle.current().pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
            String text = new String(jcmd.getInputStream().readAllBytes());
            text.lines().filter(l -> l.contains("committed=") && l.startsWith("-") || l.startsWith("Total"))
                    .forEach(l -> System.out.println("  nmt " + l.strip()));
        }
        if (Boolean.getBoolean("dialdesk.bench.histogram")) {
            printLiveHeap();
        }
        System.out.printf(java.util.Locale.ROOT, "summary calls=%d open_ms=%.0f keystroke_p50_ms=%.1f keystroke_p95_ms=%.1f "
                        + "sort_max_ms=%.0f ui_wait_max_ms=%.0f history_wait_max_ms=%.0f rss_mb=%d%n", CALLS, openMs, pct(keystrokes, 0.5),
                pct(keystrokes, 0.95), sortMax[0], worstShowing / 1e6, worstInHistory / 1e6, rssMb);
        Platform.exit();
        console.join(TimeUnit.SECONDS.toMillis(10));
        System.exit(0);
    }

    /** A sandbox with 100,000 calls, and the console's history cache already synced with it. */
    private static void prepare(Path home) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(AppPaths.sandboxDir(home), Clock.systemUTC()))) {
            long t = System.nanoTime();
            sandbox.addDemoCalls(CALLS, 42);
            System.out.printf("demo calls: %,d in %.1f s%n", CALLS, since(t) / 1000);
            try (DialClient client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(sandbox.apiKey())), Clock.systemUTC());
                 HistoryCache cache = new HistoryCache(Files.createDirectories(home.resolve("profiles").resolve("sandbox"))
                         .resolve("history.db"))) {
                t = System.nanoTime();
                new HistorySync(client, cache, Clock.systemUTC()).syncNewest(2000, 2000, Integer.MAX_VALUE, page -> { });
                System.out.printf("first full sync into the cache: %,d calls in %.1f s%n", cache.count(), since(t) / 1000);
            }
        }
    }

    /**
     * Types {@code text} into the search box and times it until the table has its result laid out:
     * filtering runs off the UI thread, so this is the result reaching the table and the next pulse's
     * layout, as the operator sees it.
     */
    private static void keystroke(TextField search, TableView<?> table, Label summary, String[] typed, String text,
                                  List<Double> keystrokes) throws Exception {
        // A space typed after a word changes no search term: nothing to wait for.
        boolean sameTerms = java.util.Arrays.equals(CallFilter.searchTerms(typed[0]), CallFilter.searchTerms(text));
        typed[0] = text;
        if (sameTerms) {
            fx(() -> {
                search.setText(text);
                return null;
            });
        } else {
            long start = System.nanoTime();
            keystrokes.add(untilLaidOut(table, "Typing \"" + text + "\"", () -> search.setText(text), filterOnly));
            waitFor("the count for \"" + text + "\"", () -> !summary.getText().contains("+ of"));
            counted.add(since(start));
        }
        // A person types about 8 characters a second.
        idle(120);
    }

    /**
     * Drags the table to its end (or top) at once and times it until the rows in view are read
     * from the cache (no stand-ins left) and laid out.
     */
    private static double scrollTo(TableView<?> table, boolean end) throws Exception {
        long start = System.nanoTime();
        fx(() -> {
            table.scrollTo(end ? table.getItems().size() - 1 : 0);
            return null;
        });
        waitFor("the rows in view after scrolling", () -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            if (flow.getFirstVisibleCell() == null) {
                return false;
            }
            int first = flow.getFirstVisibleCell().getIndex();
            int last = flow.getLastVisibleCell().getIndex();
            boolean there = end ? last >= table.getItems().size() - 1 : first == 0;
            for (int i = Math.max(0, first); there && i <= last && i < table.getItems().size(); i++) {
                there = !HistoryViewModel.isPending((HistoryRow) table.getItems().get(i));
            }
            return there;
        });
        double took = since(start);
        idle(500);
        return took;
    }

    /** Of each keystroke, from the key until the summary has the matches' count. */
    private static final List<Double> counted = Collections.synchronizedList(new ArrayList<>());

    /**
     * Runs {@code action} on the UI thread and times it until the table's rows have changed
     * ({@code untilChanged} gets that time) and the next layout pulse after that has run.
     */
    private static double untilLaidOut(TableView<?> table, String what, Runnable action, List<Double> untilChanged)
            throws Exception {
        CompletableFuture<Double> laidOut = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            Scene scene = table.getScene();
            @SuppressWarnings("unchecked")
            ObservableList<Object> items = (ObservableList<Object>) table.getItems();
            items.addListener(new ListChangeListener<Object>() {
                @Override
                public void onChanged(Change<?> change) {
                    items.removeListener(this);
                    untilChanged.add(since(start));
                    Once.afterNextLayout(scene, () -> laidOut.complete(since(start)));
                }
            });
            action.run();
        });
        try {
            return laidOut.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + " did not change the table's rows within 10 s", e);
        }
    }

    /** Sorts by the column with this id, as a click on its header does, and times it until laid out. */
    private static String sortBy(TableView<?> table, String columnId, TableColumn.SortType direction, double[] max)
            throws Exception {
        List<Double> untilSorted = new ArrayList<>();
        double took = untilLaidOut(table, "Sorting by " + columnId, () -> {
            @SuppressWarnings("unchecked")
            TableView<Object> rows = (TableView<Object>) table;
            TableColumn<Object, ?> column = rows.getColumns().stream()
                    .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
            column.setSortType(direction);
            rows.getSortOrder().setAll(List.of(column));
        }, untilSorted);
        idle(500);
        max[0] = Math.max(max[0], took);
        return String.format("%s %s %.0f ms (sorting %.0f)", columnId.replace("Column", ""),
                direction == TableColumn.SortType.ASCENDING ? "up" : "down", took, untilSorted.get(0));
    }

    /** The number of calls the history holds, from its summary ("120 of 100,000 calls · …"). */
    private static long calls(String summary) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("of ([\\d,]+) calls").matcher(summary);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    /** Of each keystroke, the part until the table has its result: filtering off the UI thread and the hand-over. */
    private static final List<Double> filterOnly = Collections.synchronizedList(new ArrayList<>());
}
