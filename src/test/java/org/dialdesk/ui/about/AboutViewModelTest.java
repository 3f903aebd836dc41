package org.dialdesk.ui.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialdesk.testing.DirectTaskRunner;
import org.junit.jupiter.api.Test;

class AboutViewModelTest {
    @Test
    void readsTheLicencePluginsListOneComponentALine() {
        List<AboutViewModel.Component> parsed = AboutViewModel.parse("""

                Lists of 3 third-party dependencies.
                     (The Apache Software License, Version 2.0) jackson-databind (com.fasterxml.jackson.core:jackson-databind:2.19.2 - https://github.com/FasterXML/jackson)
                     (GPLv2 with the Classpath Exception) (The BSD 2-Clause License) RichTextFX (org.fxmisc.richtext:richtextfx:0.11.7 - https://github.com/FXMisc/RichTextFX/#richtextfx)
                     (GPLv2+CE) javafx base (org.openjfx:javafx-base:21.0.12 - https://openjdk.java.net/projects/openjfx/)
                     (MIT License) no-url (io.example:no-url:1.0)
                """);
        assertEquals(List.of(
                new AboutViewModel.Component("jackson-databind", "2.19.2", "Apache 2.0", "https://github.com/FasterXML/jackson"),
                new AboutViewModel.Component("RichTextFX", "0.11.7", "GPLv2 + Classpath Exception; BSD 2-Clause",
                        "https://github.com/FXMisc/RichTextFX/#richtextfx"),
                new AboutViewModel.Component("javafx base", "21.0.12", "GPLv2 + Classpath Exception",
                        "https://openjdk.java.net/projects/openjfx/"),
                new AboutViewModel.Component("no-url", "1.0", "MIT", "")), parsed);
    }

    @Test
    void theBuildsListNamesTheRuntimeAndEveryBundledLibrary() {
        List<AboutViewModel.Component> bundled = AboutViewModel.bundled("17.0.15");
        assertEquals("Java runtime (OpenJDK)", bundled.get(0).name());
        List<String> names = bundled.stream().map(AboutViewModel.Component::name).toList();
        for (String expected : List.of("javafx controls", "atlantafx-base", "SQLite JDBC", "okhttp", "libphonenumber", "picocli")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
        assertTrue(bundled.stream().noneMatch(c -> c.licence().isBlank()), "each with its licence: " + bundled);
        assertTrue(names.stream().noneMatch(n -> n.contains("junit") || n.contains("TestFX") || n.contains("mockwebserver")),
                "test libraries are not bundled: " + names);
    }

    @Test
    void opensTheFoldersAndSaysPlainlyWhenItCannot() {
        List<Path> opened = new ArrayList<>();
        boolean[] fail = {false};
        AboutViewModel vm = new AboutViewModel("0.1.0", "17.0.15", Path.of("/data"), Path.of("/data/logs"), List.of(), folder -> {
            if (fail[0]) {
                throw new IOException("no file manager");
            }
            opened.add(folder);
        }, new DirectTaskRunner());
        vm.openDataFolder();
        vm.openLogFolder();
        assertEquals(List.of(Path.of("/data"), Path.of("/data/logs")), opened);
        assertEquals("", vm.problemProperty().get());

        fail[0] = true;
        vm.openLogFolder();
        assertEquals("Could not open the log folder (no file manager). Copy its path from the field and open it in "
                + "your file manager.", vm.problemProperty().get());
        fail[0] = false;
        vm.openDataFolder();
        assertEquals("", vm.problemProperty().get(), "cleared once a folder opens");
    }
}
