package org.dialdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The organisation's lists are fetched once per profile, shared, and fetched again only when asked. */
class OrgDirectoryTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    MockWebServer server;
    DialClient client;
    OrgDirectory directory;
    final AtomicInteger numbersAsked = new AtomicInteger();
    volatile int numbersStatus = 200;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().startsWith("/api/v1/numbers")) {
                    numbersAsked.incrementAndGet();
                    return numbersStatus == 200
                            ? new MockResponse().setBody("[{\"id\":\"n1\",\"number\":\"+14155550100\",\"title\":\"Support\"}]")
                            : new MockResponse().setResponseCode(numbersStatus).setBody("{\"message\":\"no access\"}");
                }
                if (request.getPath().startsWith("/api/v1/models")) {
                    return new MockResponse().setBody("[{\"id\":\"m1\",\"name\":\"v3\",\"use_case_id\":\"u1\",\"status\":\"active\"}]");
                }
                return new MockResponse().setBody("[]");
            }
        });
        server.start();
        client = new DialClient(ClientConfig.of(server.url("/api/v1").toString(), ApiKey.of("k"))
                .withRetryPolicy(ClientConfig.RetryPolicy.NONE), CLOCK, d -> { });
        directory = new OrgDirectory(client, CLOCK);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    @Test
    void twoScreensAskingShareOneLoad() {
        OrgDirectory.Snapshot first = directory.lists();
        OrgDirectory.Snapshot second = directory.lists();
        assertSame(first, second);
        assertEquals(1, numbersAsked.get(), "the Dial and Organisation screens no longer fetch each list twice");
        assertEquals(4, server.getRequestCount(), "numbers, use cases, agents, models: once each");
        assertEquals(CLOCK.instant(), first.loadedAt());
    }

    @Test
    void aReloadFetchesAgainAndEveryListenerHears() {
        directory.lists();
        List<OrgDirectory.Snapshot> heard = new ArrayList<>();
        Runnable stop = directory.onReload(heard::add);
        OrgDirectory.Snapshot reloaded = directory.reload();
        assertEquals(List.of(reloaded), heard);
        assertEquals(2, numbersAsked.get());
        stop.run();
        directory.reload();
        assertEquals(1, heard.size(), "a listener that stopped hears no more");
    }

    @Test
    void aListThatFailsKeepsWhatItHadAndSaysWhy() {
        directory.lists();
        numbersStatus = 403;
        OrgDirectory.Snapshot after = directory.reload();
        assertFalse(after.numbers().ok());
        assertTrue(after.numbers().problem().contains("no access"), after.numbers().problem());
        assertEquals(1, after.numbers().items().size(), "stale is better than empty");
        assertTrue(after.useCases().ok());
        assertEquals(1, after.failures());
    }

    @Test
    void aUseCasesActiveModelsAreAskedOncePerLoad() throws Exception {
        assertEquals("m1", directory.activeModelsOf("u1").get(0).id());
        directory.activeModelsOf("u1");
        int asked = server.getRequestCount();
        assertEquals(1, asked);
        String path = server.takeRequest().getPath();
        assertTrue(path.contains("use_case_id=u1") && path.contains("status=active"), path);
        directory.reload();
        directory.activeModelsOf("u1");
        assertEquals(asked + 4 + 1, server.getRequestCount(), "asked again after a reload");
    }
}
