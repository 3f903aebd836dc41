package org.dialdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;
import org.dialdesk.api.ApiKey;
import org.dialdesk.cli.Cli;
import org.dialdesk.cli.Terminal;
import org.dialdesk.domain.Theme;
import org.dialdesk.profile.KeyHolder;
import org.dialdesk.profile.Profile;
import org.dialdesk.profile.Profiles;
import org.dialdesk.profile.SecretStores;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.service.AuditRecords;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.AuditLog;
import org.dialdesk.store.FileLogging;
import org.dialdesk.domain.Settings;
import org.dialdesk.testing.DirectTaskRunner;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.NoNavigation;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.testing.TestSecrets;
import org.dialdesk.ui.history.HistoryViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole session with a marked key: the profile added, dials placed (one created, one refused by
 * a wrong key), the request shown and copied as curl, calls listed by the command line, history
 * and audit exported, everything logged at the finest level. Then the marker is sought in every
 * byte under the data folder, the logs and the exports, and in what the screens and the command
 * printed: it is nowhere.
 */
class KeyLeakTest {
    static final String MARKER = "MARKERKEY7f3a9c";
    static final String KEY = "sk-live-" + MARKER;

    @TempDir
    Path dataDir;
    @TempDir
    Path exports;
    @TempDir
    Path sandboxDir;

    @AfterEach
    void restoreLogging() throws IOException {
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void theKeyIsNowhereAfterAWholeSession() throws Exception {
        assertEquals(null, FileLogging.install(AppPaths.logDir(dataDir), Level.ALL, ZoneOffset.UTC));
        MutableClock clock = new MutableClock(TestClocks.START);
        List<String> printed = new ArrayList<>();
        AuditLog audit = new AuditLog(AuditLog.fileIn(dataDir));
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(sandboxDir, clock).withClock(clock, false).withApiKey(KEY));
             ConsoleParts console = ConsoleParts.of(new Profiles(dataDir, TestSecrets.withoutKeyring(dataDir), audit, clock),
                     audit)) {
            sandbox.addDemoCalls(50, 11);
            SecretStores secrets = console.profiles().secrets();
            secrets.file().unlock("horse battery".toCharArray());
            Profile acme = console.profiles().add(new Profiles.Draft("Acme", sandbox.baseUrl(), "#1d4ed8",
                    KeyHolder.ENCRYPTED_FILE, null, null), ApiKey.of(KEY));
            Profile wrong = console.profiles().add(new Profiles.Draft("Acme wrong key", sandbox.baseUrl(), "#1d4ed8",
                    KeyHolder.SESSION, null, null), ApiKey.of("sk-live-" + MARKER + "-revoked"));
            {
                try (ProfileSession session = ProfileSession.open(dataDir, acme, console.profiles().key(acme).orElseThrow(),
                        clock, audit, Settings.defaults())) {
                    session.createViewModels(new DirectTaskRunner(), clock.withZone(ZoneId.of("America/Chicago")),
                            new Settings(Theme.LIGHT, null, 1.0, "US", "00:00", "23:59"), new NoNavigation());
                    HistoryViewModel history = session.history().orElseThrow();
                    history.open();
                    session.dial().loadPickers();
                    session.dial().numberIdProperty().set(session.dial().numbers().get(0).id());
                    session.dial().phoneProperty().set("+14155550129");
                    printed.add(session.dial().requestPreviewProperty().get());
                    printed.add(session.dial().curlProperty().get());
                    session.dial().dial();
                    assertNotNull(session.dial().createdCallIdProperty().get(), session.dial().outcomeMessageProperty().get());
                    printed.add(session.dial().outcomeMessageProperty().get());
                    history.syncNow();
                    history.exportCsv(exports.resolve("history.csv"));
                }
                try (ProfileSession refused = ProfileSession.open(dataDir, wrong, console.profiles().key(wrong).orElseThrow(),
                        clock, audit, Settings.defaults())) {
                    refused.createViewModels(new DirectTaskRunner(), clock.withZone(ZoneId.of("America/Chicago")),
                            new Settings(Theme.LIGHT, null, 1.0, "US", "00:00", "23:59"), new NoNavigation());
                    refused.dial().numberIdProperty().set("640000000000000000000001");
                    refused.dial().phoneProperty().set("+14155550128");
                    refused.dial().dial();
                    printed.add(refused.dial().outcomeMessageProperty().get());
                    refused.history().orElseThrow().open();
                }
                new AuditRecords(audit).export(exports.resolve("audit.csv"), new AuditRecords.Filter(null, null, null, null, null));
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int listed = Cli.run(new String[] {"calls", "--profile", "Acme", "--format", "csv"},
                    Map.of(AppPaths.HOME_VARIABLE, dataDir.toString(), "DIALDESK_KEY_PASSPHRASE", "horse battery"), clock,
                    lifetime -> { }, TestSecrets.withoutKeyring(dataDir),
                    Terminal.lines(new BufferedReader(new StringReader(""))), new PrintWriter(out), new PrintWriter(err));
            printed.add(out.toString());
            printed.add(err.toString());
            assertEquals(0, listed, err::toString);
            Files.writeString(exports.resolve("calls.csv"), out.toString());
        }

        assertTrue(Files.size(exports.resolve("history.csv")) > 0 && Files.size(exports.resolve("audit.csv")) > 0);
        assertTrue(Files.list(AppPaths.logDir(dataDir)).findAny().isPresent(), "logs were written");
        List<String> leaks = new ArrayList<>();
        for (Path root : List.of(dataDir, exports)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (holdsMarker(Files.readAllBytes(file))) {
                        leaks.add(file.toString());
                    }
                }
            }
        }
        for (String text : printed) {
            if (text != null && text.contains(MARKER)) {
                leaks.add("shown: " + text);
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** As plain bytes, or inside deflated data (the history cache keeps each call's JSON deflated). */
    private static boolean holdsMarker(byte[] bytes) throws IOException {
        if (new String(bytes, StandardCharsets.ISO_8859_1).contains(MARKER)
                || new String(bytes, StandardCharsets.UTF_16LE).contains(MARKER)) {
            return true;
        }
        for (int at = 0; at + 1 < bytes.length; at++) {
            if (bytes[at] == 0x78 && (bytes[at + 1] == (byte) 0x9c || bytes[at + 1] == 0x01 || bytes[at + 1] == (byte) 0xda)) {
                try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(bytes, at, bytes.length - at))) {
                    if (new String(in.readNBytes(1 << 20), StandardCharsets.ISO_8859_1).contains(MARKER)) {
                        return true;
                    }
                } catch (IOException notDeflated) {
                    // not a deflate stream at this offset
                }
            }
        }
        return false;
    }
}
