package org.dialdesk.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialdesk.ui.common.TaskRunner;

/**
 * What the About dialog says: the version, where the data and the logs are (and opening those
 * folders), and what the app bundles under which licences.
 */
public final class AboutViewModel {
    /** Opens a folder in the system's file manager. */
    @FunctionalInterface
    public interface FolderOpener {
        void open(Path folder) throws Exception;
    }

    /** A bundled component: {@code licence} may name several ("MIT License; Apache 2.0"). */
    public record Component(String name, String version, String licence, String url) {
    }

    /** The build's list (made from the libraries' own poms by the license plugin). */
    static final String THIRD_PARTY = "third-party.txt";
    /** {@code (Licence) (Other licence) Name (group:artifact:version - url)}: one line of that list. */
    private static final Pattern LINE = Pattern.compile("^\\s*((?:\\([^()]*\\)\\s*)+)(.+?)\\s+\\(([^:()\\s]+):([^:()\\s]+):([^\\s()]+)(?:\\s+-\\s+([^()]*))?\\)\\s*$");
    private static final Pattern LICENCE = Pattern.compile("\\(([^()]*)\\)");

    private final String version;
    private final String runtime;
    private final Path dataFolder;
    private final Path logFolder;
    private final List<Component> components;
    private final FolderOpener folderOpener;
    private final TaskRunner runner;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** {@code runner} opens the folders off the UI thread: the opener is asked how it went. */
    public AboutViewModel(String version, String runtime, Path dataFolder, Path logFolder, List<Component> components,
                          FolderOpener folderOpener, TaskRunner runner) {
        this.version = version;
        this.runtime = runtime;
        this.dataFolder = dataFolder;
        this.logFolder = logFolder;
        this.components = List.copyOf(components);
        this.folderOpener = folderOpener;
        this.runner = runner;
    }

    /** What this build bundles: the Java runtime, then the libraries from the build's list. */
    public static List<Component> bundled(String javaVersion) {
        List<Component> all = new ArrayList<>();
        all.add(new Component("Java runtime (OpenJDK)", javaVersion, "GPLv2 + Classpath Exception",
                "https://openjdk.org/legal/gplv2+ce.html"));
        try (InputStream in = AboutViewModel.class.getResourceAsStream(THIRD_PARTY)) {
            if (in != null) {
                all.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException unreadable) {
            // The dialog then lists the runtime only; the licences are in the bundle's files too.
        }
        return all;
    }

    /** The license plugin's list, one component a line; other lines (its heading) are skipped. */
    static List<Component> parse(String thirdPartyText) {
        List<Component> parsed = new ArrayList<>();
        for (String line : thirdPartyText.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            List<String> licences = new ArrayList<>();
            Matcher licence = LICENCE.matcher(m.group(1));
            while (licence.find()) {
                String shortName = shortLicenceName(licence.group(1).strip());
                if (!licences.contains(shortName)) {
                    licences.add(shortName);
                }
            }
            String url = m.group(6) == null ? "" : m.group(6).strip();
            parsed.add(new Component(m.group(2).strip(), m.group(5), String.join("; ", licences), url));
        }
        return parsed;
    }

    /** Poms spell one licence many ways ("The Apache Software License, Version 2.0", "GPLv2+CE"): one name each. */
    static String shortLicenceName(String asWritten) {
        String plain = asWritten.toLowerCase(Locale.ROOT);
        if (plain.contains("apache") && plain.contains("2")) {
            return "Apache 2.0";
        }
        if (plain.contains("gpl") && plain.contains("classpath") || plain.equals("gplv2+ce")) {
            return "GPLv2 + Classpath Exception";
        }
        if (plain.contains("bsd") && plain.contains("2-clause")) {
            return "BSD 2-Clause";
        }
        if (plain.contains("bsd") && plain.contains("3-clause")) {
            return "BSD 3-Clause";
        }
        if (plain.startsWith("mit")) {
            return "MIT";
        }
        return asWritten;
    }

    public void openDataFolder() {
        open(dataFolder, "data");
    }

    public void openLogFolder() {
        open(logFolder, "log");
    }

    private void open(Path folder, String what) {
        runner.run(() -> {
            folderOpener.open(folder);
            return folder;
        }, opened -> problem.set(""), failure -> {
            String reason = failure.getMessage() == null || failure.getMessage().isBlank()
                    ? failure.getClass().getSimpleName() : failure.getMessage();
            problem.set("Could not open the " + what + " folder (" + reason + "). Copy its path from the field and "
                    + "open it in your file manager.");
        });
    }

    public String version() {
        return version;
    }

    public String runtime() {
        return runtime;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public Path logFolder() {
        return logFolder;
    }

    public List<Component> components() {
        return components;
    }

    /** Why a folder did not open; empty when nothing is wrong. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
