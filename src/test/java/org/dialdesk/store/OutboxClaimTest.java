package org.dialdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second claim of a run in the same process (refused through
 * OverlappingFileLockException) closes its own channel on the lock file, and on Linux closing any
 * descriptor of a file drops every POSIX lock the process holds on it: another process (dialdesk
 * batch) can then claim the run while this one is still sending it.
 */
class OutboxClaimTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedSecondClaimInThisProcessDoesNotLetAnotherProcessClaimTheRun() throws Exception {
        try (OutboxJournal journal = new OutboxJournal(dir.resolve("outbox.db"))) {
            AutoCloseable held = journal.claim("r-1").orElseThrow();
            assertEquals("refused", otherProcessClaims(dir.resolve("outbox-locks").resolve("r-1.lock")), "before");
            Optional<AutoCloseable> again = journal.claim("r-1"); // e.g. Resume in a reopened profile while the old engine ends
            assertTrue(again.isEmpty());
            assertEquals("refused", otherProcessClaims(dir.resolve("outbox-locks").resolve("r-1.lock")),
                    "another process may claim the run this one still holds");
            held.close();
        }
    }

    /** What FileChannel.tryLock says in another JVM, as dialdesk batch would claim it. */
    private String otherProcessClaims(Path lockFile) throws Exception {
        Path source = dir.resolve("Other.java");
        Files.writeString(source, "import java.nio.channels.*; import java.nio.file.*;\n"
                + "public class Other { public static void main(String[] a) throws Exception {\n"
                + " FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);\n"
                + " System.out.print(c.tryLock() == null ? \"refused\" : \"claimed\"); } }\n");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), lockFile.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return out;
    }
}
