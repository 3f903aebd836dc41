package org.dialdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dialdesk.domain.Theme;
import org.dialdesk.profile.Profile;
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
    void aNoticeThatNoLongerHoldsGoesButALaterOneStays() {
        viewModel.tell("A bulk run stopped before its end.");
        viewModel.withdraw("A bulk run stopped before its end.");
        assertNull(viewModel.noticeProperty().get());

        viewModel.tell("A bulk run stopped before its end.");
        viewModel.tell("Acme was not opened: its key is gone.");
        viewModel.withdraw("A bulk run stopped before its end.");
        assertEquals("Acme was not opened: its key is gone.", viewModel.noticeProperty().get());
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

    @Test
    void aSwitchSaysWhatOpensThenEverythingSaysLiveInTheProfilesColour() {
        Profile acme = new Profile("p-1", "Acme production", "https://api.acme.example/v1", "#1d4ed8",
                org.dialdesk.profile.KeyHolder.KEYRING, null, null);
        List<Profile> asked = new ArrayList<>();
        viewModel.setSwitcher(asked::add);
        viewModel.setProfiles(List.of(Profile.SANDBOX, acme));
        viewModel.startingSandbox();
        viewModel.reportReachability(ShellViewModel.ConnectionState.ONLINE, "http://127.0.0.1:1/api/v1", "");

        viewModel.requestSwitch(acme);
        assertEquals(List.of(acme), asked);
        assertTrue(viewModel.switchingProperty().get());
        assertEquals("Opening Acme production…", viewModel.connectionTextProperty().get());
        viewModel.requestSwitch(Profile.SANDBOX);
        assertEquals(List.of(acme), asked, "one switch at a time");

        viewModel.showProfile(acme);
        assertEquals("LIVE · Acme production", viewModel.profileBadgeProperty().get());
        assertEquals("#1d4ed8", viewModel.profileColourProperty().get());
        assertFalse(viewModel.sandboxProfileProperty().get());
        assertEquals(acme, viewModel.activeProfileProperty().get());
    }

    @Test
    void aFailedSwitchLeavesTheOpenProfileAndSaysWhy() {
        Profile acme = new Profile("p-1", "Acme", "https://api.acme.example/v1", null,
                org.dialdesk.profile.KeyHolder.ENCRYPTED_FILE, null, null);
        viewModel.setProfiles(List.of(Profile.SANDBOX, acme));
        viewModel.startingSandbox();
        viewModel.reportReachability(ShellViewModel.ConnectionState.ONLINE, "http://127.0.0.1:1/api/v1", "");
        viewModel.requestSwitch(acme);
        viewModel.switchFailed(acme, "its key is not in the system keyring any more.");
        assertEquals("Acme was not opened: its key is not in the system keyring any more.", viewModel.noticeProperty().get());
        assertEquals(Profile.SANDBOX, viewModel.activeProfileProperty().get());
        assertEquals("SANDBOX — calls are simulated", viewModel.profileBadgeProperty().get());
        assertEquals("Connected · http://127.0.0.1:1/api/v1", viewModel.connectionTextProperty().get());
        assertFalse(viewModel.switchingProperty().get());
        viewModel.dismissNotice();
        assertNull(viewModel.noticeProperty().get());
    }
}
