package org.dialdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dialdesk.domain.Theme;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    final List<Theme> saved = new ArrayList<>();
    final ShellViewModel viewModel = new ShellViewModel(Theme.LIGHT, saved::add);

    @Test
    void themeTogglesAndIsSaved() {
        viewModel.toggleTheme();
        assertEquals(Theme.DARK, viewModel.themeProperty().get());
        viewModel.toggleTheme();
        assertEquals(List.of(Theme.DARK, Theme.LIGHT), saved);
    }

    @Test
    void sandboxProfileSaysCallsAreSimulated() {
        viewModel.startingSandbox();
        assertEquals("SANDBOX — calls are simulated", viewModel.profileBadgeProperty().get());
        assertTrue(viewModel.sandboxProfileProperty().get());
        assertEquals(ShellViewModel.ConnectionState.CONNECTING, viewModel.connectionStateProperty().get());
        assertNull(viewModel.startupProblemProperty().get());
    }

    @Test
    void connectionStatesReadAsSentences() {
        viewModel.reportReachability(ShellViewModel.ConnectionState.ONLINE, "http://127.0.0.1:1/api/v1", "");
        assertEquals("Connected · http://127.0.0.1:1/api/v1", viewModel.connectionTextProperty().get());
        viewModel.reportReachability(ShellViewModel.ConnectionState.OFFLINE, "http://127.0.0.1:1/api/v1", "refused");
        assertEquals("Cannot reach http://127.0.0.1:1/api/v1 · refused", viewModel.connectionTextProperty().get());
    }

    @Test
    void aSandboxThatCannotStartIsExplained() {
        viewModel.startingSandbox();
        viewModel.sandboxFailed("disk full");
        assertEquals(ShellViewModel.ConnectionState.OFFLINE, viewModel.connectionStateProperty().get());
        assertTrue(viewModel.startupProblemProperty().get().contains("disk full"));
    }
}
