package org.dialdesk.ui.common;

import org.dialdesk.api.Call;

/** The one way screens send the operator to another screen; the window that holds them decides how. */
public interface Navigation {
    /** Selects the call in History and shows that screen. */
    void showInHistory(String callId);

    /** Fills the Dial form from an earlier call and shows it; nothing is sent. */
    void openInDial(Call call);

    /** Whether there is a History to show a call in (its cache may be unavailable). */
    boolean historyAvailable();
}
