package org.dialdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialdesk.BenchLaunch;

/**
 * Writes the list {@code org.dialdesk.ui.common.FirstFrameClasses} reads ahead: the classes the
 * renderer thread loads while the console opens. Starts the console (headless, software rendering,
 * a fresh data folder) in a second JVM that logs every class it loads with the loading thread's id,
 * and keeps those loaded from the UI toolkit by the thread that loaded the renderer's shape
 * rasterizer. Run it after a JavaFX upgrade; the command is in the README ("Benchmarks").
 */
public final class FirstFrameClassList {
    private static final String RENDERER_MARKER = "com.sun.marlin.DMarlinRenderingEngine";
    private static final Path LIST = Path.of("src/main/resources/org/dialdesk/ui/common/first-frame-classes.txt");

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--console")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.exit(BenchLaunch.launchGuiUntilReady(Path.of(args[1])));
        }
        Path work = Files.createTempDirectory("dialdesk-first-frame");
        Path log = work.resolve("classes.log");
        Process console = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log + ":tid", "-cp", System.getProperty("java.class.path"),
                FirstFrameClassList.class.getName(), "--console", work.resolve("home").toString())
                .inheritIO().start();
        if (!console.waitFor(2, TimeUnit.MINUTES) || console.exitValue() != 0) {
            console.destroyForcibly();
            throw new IllegalStateException("the console did not come up and exit cleanly");
        }

        // "[1234] com.sun.marlin.Foo source: jar:file:/…/javafx-graphics-21-linux.jar" — tid, class, where from.
        Pattern line = Pattern.compile("^\\[(\\d+)\\]\\s*(\\S+) source: (\\S+)");
        List<String[]> loads = new ArrayList<>();
        String renderer = null;
        for (String text : Files.readAllLines(log)) {
            Matcher m = line.matcher(text);
            if (m.find()) {
                loads.add(new String[] {m.group(1), m.group(2), m.group(3)});
                if (m.group(2).equals(RENDERER_MARKER)) {
                    renderer = m.group(1);
                }
            }
        }
        if (renderer == null) {
            throw new IllegalStateException(RENDERER_MARKER + " was never loaded; is the log format different?");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String[] load : loads) {
            // Toolkit classes only: the JDK's own load fast from its shared archive, and generated ones cannot be named.
            if (load[0].equals(renderer) && load[2].contains("javafx-") && !load[1].contains("$$")) {
                names.add(load[1]);
            }
        }
        List<String> out = new ArrayList<>();
        out.add("# Classes the renderer loads while the window opens, read ahead by FirstFrameClasses.");
        out.add("# Made by org.dialdesk.bench.FirstFrameClassList (see the README); do not edit by hand.");
        out.addAll(names);
        Files.write(LIST, out);
        System.out.printf("%d classes written to %s%n", names.size(), LIST);
    }
}
