package org.dialdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.dialdesk.testing.TestClocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's sandbox keeps its port from run to run, so a curl command copied yesterday still reaches it. */
class SandboxPortTest {
    @TempDir
    Path dir;

    SandboxOptions kept() {
        return SandboxOptions.defaults(dir, TestClocks.ticking()).withKeptPort().withClock(TestClocks.ticking(), false);
    }

    @Test
    void theLastRunsPortIsTakenAgainWhileItIsFree() throws Exception {
        int first;
        try (Sandbox sandbox = Sandbox.start(kept())) {
            first = sandbox.port();
        }
        try (Sandbox again = Sandbox.start(kept())) {
            assertEquals(first, again.port());
        }
        // Another program has it now: any free port will do, and that one is kept from then on.
        int second;
        try (ServerSocket squatter = new ServerSocket(first, 1, InetAddress.getLoopbackAddress());
             Sandbox moved = Sandbox.start(kept())) {
            second = moved.port();
            assertNotEquals(first, second);
        }
        try (Sandbox later = Sandbox.start(kept())) {
            assertEquals(second, later.port());
        }
    }

    @Test
    void aSandboxOnAPortOfItsOwnInTheSameFolderLeavesTheConsolesPortAsItWas() throws Exception {
        int consoles;
        try (Sandbox console = Sandbox.start(kept())) {
            consoles = console.port();
        }
        // Started while the console's port is busy (the console running, say): it takes another.
        try (ServerSocket busy = new ServerSocket(consoles, 1, InetAddress.getLoopbackAddress());
             Sandbox command = Sandbox.start(SandboxOptions.defaults(dir, TestClocks.ticking())
                     .withClock(TestClocks.ticking(), false))) { // `dialdesk sandbox`: any free port
            assertNotEquals(consoles, command.port());
        }
        try (Sandbox console = Sandbox.start(kept())) {
            assertEquals(consoles, console.port(), "the console's runs and copied commands still reach it");
        }
    }
}
