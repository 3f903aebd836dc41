package org.dialdesk.testing;

import java.util.ArrayList;
import java.util.List;
import org.dialdesk.api.Call;
import org.dialdesk.ui.common.Navigation;

/** A screen on its own in a test: where it would send the operator is only written down. */
public final class NoNavigation implements Navigation {
    private final List<String> shownInHistory = new ArrayList<>();
    private final List<Call> openedInDial = new ArrayList<>();

    @Override
    public void showInHistory(String callId) {
        shownInHistory.add(callId);
    }

    @Override
    public void openInDial(Call call) {
        openedInDial.add(call);
    }

    @Override
    public boolean historyAvailable() {
        return true;
    }

    public List<String> shownInHistory() {
        return shownInHistory;
    }

    public List<Call> openedInDial() {
        return openedInDial;
    }
}
