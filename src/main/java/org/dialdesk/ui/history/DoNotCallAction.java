package org.dialdesk.ui.history;

/**
 * Puts a callee on the shared do-not-call list from History; answers with the sentence to show
 * ("+1… is on the do-not-call list now", or that it was already). Runs off the UI thread.
 */
@FunctionalInterface
public interface DoNotCallAction {
    /** For a history without the list (it could not be opened): the button is not shown. */
    DoNotCallAction NONE = null;

    String add(String e164) throws Exception;
}
