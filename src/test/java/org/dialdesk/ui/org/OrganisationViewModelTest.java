package org.dialdesk.ui.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.testing.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.RecordedRequest;
import org.dialdesk.ui.common.TaskRunner;

class OrganisationViewModelTest {
    MockWebServer server;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    final DirectTaskRunner runner = new DirectTaskRunner();
    DialClient client;
    OrgDirectory directory;
    OrganisationViewModel viewModel;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new DialClient(ClientConfig.of(server.url("/api/v1").toString(), ApiKey.of("k"))
                .withRetryPolicy(ClientConfig.RetryPolicy.NONE), TestClocks.ticking(), d -> { });
        directory = new OrgDirectory(client, CLOCK);
        viewModel = new OrganisationViewModel(directory, runner, CLOCK);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    /** Answers by path, since the four lists load independently. */
    void answer(int numbersStatus, String numbers) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.startsWith("/api/v1/numbers")) {
                    return new MockResponse().setResponseCode(numbersStatus).setBody(numbers);
                }
                if (path.startsWith("/api/v1/use-cases")) {
                    return new MockResponse().setBody("[{\"id\":\"u1\",\"name\":\"Reminders\",\"work_start\":\"08:00\","
                            + "\"work_end\":\"20:00\",\"timezone\":\"America/Chicago\"},{\"id\":\"u2\",\"name\":\"Old\",\"hidden\":true}]");
                }
                if (path.startsWith("/api/v1/agents")) {
                    return new MockResponse().setBody("[{\"id\":\"a1\",\"name\":\"Ava\",\"languages\":[\"english\",\"spanish\"]}]");
                }
                return new MockResponse().setBody("[{\"id\":\"m1\",\"name\":\"v3\",\"use_case_id\":\"u1\",\"status\":\"active\"},"
                        + "{\"id\":\"m2\",\"name\":\"v0\",\"use_case_id\":\"gone\",\"status\":\"failed\"}]");
            }
        });
    }

    @Test
    void loadsEveryList() {
        answer(200, "[{\"id\":\"n1\",\"number\":\"+14155550100\",\"title\":\"Support\"}]");
        viewModel.refresh();
        assertEquals(OrganisationViewModel.LoadState.LOADED, viewModel.stateProperty().get());
        assertEquals(1, viewModel.numbers().size());
        assertEquals(2, viewModel.useCases().size());
        assertEquals(1, viewModel.agents().size());
        assertEquals(2, viewModel.models().size());
        assertTrue(viewModel.summaryProperty().get().startsWith(
                "1 numbers · 2 use cases (1 hidden) · 1 agents · 2 models · loaded at "), viewModel.summaryProperty().get());
        assertTrue(viewModel.canRefreshProperty().get());
    }

    @Test
    void presentsRowsReadably() {
        answer(200, "[]");
        viewModel.refresh();
        assertEquals("Reminders", viewModel.useCaseName("u1"));
        assertEquals("gone", viewModel.useCaseName("gone"), "an unknown use case shows its ID");
        assertEquals("08:00–20:00 America/Chicago", OrganisationViewModel.callingHours(viewModel.useCases().get(0)));
        assertEquals("", OrganisationViewModel.callingHours(viewModel.useCases().get(1)));
        assertEquals("English, Spanish", OrganisationViewModel.languages(viewModel.agents().get(0)));
    }

    @Test
    void oneFailingListIsReportedInPlaceAndTheOthersLoad() {
        answer(404, "{\"message\":\"Cannot GET /numbers\"}");
        viewModel.refresh();
        assertEquals(OrganisationViewModel.LoadState.PARTLY_LOADED, viewModel.stateProperty().get());
        assertTrue(viewModel.numbersErrorProperty().get().contains("Cannot GET /numbers"));
        assertNull(viewModel.useCasesErrorProperty().get());
        assertEquals(2, viewModel.useCases().size());
        assertTrue(viewModel.summaryProperty().get().startsWith("1 of 4 lists could not be loaded"));
    }

    @Test
    void aFailedRefreshKeepsWhatWasShownAndARetryClearsTheError() {
        answer(200, "[{\"id\":\"n1\",\"number\":\"+14155550100\",\"title\":\"Support\"}]");
        viewModel.refresh();
        answer(500, "{}");
        viewModel.refresh();
        assertEquals(1, viewModel.numbers().size(), "stale rows stay");
        assertTrue(viewModel.numbersErrorProperty().get().contains("500"));
        answer(200, "[]");
        viewModel.refresh();
        assertNull(viewModel.numbersErrorProperty().get());
        assertEquals(0, viewModel.numbers().size());
    }

    @Test
    void unreachableServiceFailsEveryList() throws IOException {
        server.shutdown();
        viewModel.refresh();
        assertEquals(OrganisationViewModel.LoadState.FAILED, viewModel.stateProperty().get());
        assertTrue(viewModel.summaryProperty().get().contains("Nothing was sent"), viewModel.summaryProperty().get());
        assertFalse(viewModel.numbersErrorProperty().get().isEmpty());
    }

    @Test
    void refreshIsIgnoredWhileLoading() {
        List<Runnable> queued = new ArrayList<>();
        OrganisationViewModel slow = new OrganisationViewModel(directory, new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> ok,
                                Consumer<? super Throwable> failed) {
                queued.add(() -> { });
            }

            @Override
            public Runnable later(Duration delay, Runnable action) {
                return () -> { };
            }

            @Override
            public void shutdown() {
            }
        }, CLOCK);
        slow.refresh();
        slow.refresh();
        assertEquals(1, queued.size(), "the second refresh started nothing");
        assertFalse(slow.canRefreshProperty().get());
    }

    @Test
    void anotherScreensReloadShowsHereToo() {
        answer(200, "[]");
        viewModel.load();
        assertEquals(0, viewModel.numbers().size());
        answer(200, "[{\"id\":\"n1\",\"number\":\"+14155550100\",\"title\":\"Support\"}]");
        directory.reload(); // as the Dial form's "Refresh lists" does
        assertEquals(0, viewModel.numbers().size(), "the news reaches the UI thread later");
        runner.runDelayed();
        assertEquals(1, viewModel.numbers().size());
        assertEquals(OrganisationViewModel.LoadState.LOADED, viewModel.stateProperty().get());
    }
}
