package org.dialdesk.testing;

import java.nio.file.Path;
import java.sql.SQLException;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.HistoryCache;

/** A sandbox dial service on a test's own folder and clock, a client for it, and a history cache beside it. */
public record SandboxWithCache(Sandbox sandbox, DialClient client, HistoryCache cache) implements AutoCloseable {

    public static SandboxWithCache start(Path dir, MutableClock clock) throws Exception {
        Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), clock).withApiKey("k").withClock(clock, false));
        DialClient client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of("k")), clock, d -> { });
        return new SandboxWithCache(sandbox, client, new HistoryCache(dir.resolve("history.db")));
    }

    @Override
    public void close() throws SQLException {
        cache.close();
        client.close();
        sandbox.close();
    }
}
