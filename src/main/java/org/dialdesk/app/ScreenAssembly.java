package org.dialdesk.app;

import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.ui.common.Navigation;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.bulk.BulkView;
import org.dialdesk.ui.dial.DialView;
import org.dialdesk.ui.dnc.DoNotCallView;
import org.dialdesk.ui.history.HistoryView;
import org.dialdesk.ui.org.OrganisationView;
import org.dialdesk.ui.shell.ShellView;

/**
 * Puts a profile's screens into the window, and is the one way screens send the operator to
 * another ("show this call in History", "open this call in Dial").
 */
final class ScreenAssembly implements Navigation {
    static final String DIAL = "dial";
    static final String HISTORY = "history";
    static final String ORGANISATION = "organisation";
    static final String BULK = "bulk";
    static final String DO_NOT_CALL = "dnc";

    private final ShellView shell;
    /** The window's notice line: what the operator should know whatever screen is open. */
    private final java.util.function.Consumer<String> tellOperator;
    /** Takes back what it said once it no longer holds (a later notice stays). */
    private final java.util.function.Consumer<String> withdrawNotice;
    private final OnePerFrame frames;
    private final ZoneId operatorZone;
    private final ProfileSession session;
    /** Set when the profile's screens are taken out: its remaining steps do nothing. */
    private boolean withdrawn;

    /** For one profile's screens: the session's view models are made with this as their navigation. */
    ScreenAssembly(ShellView shell, OnePerFrame frames, ZoneId operatorZone, ProfileSession session,
                   java.util.function.Consumer<String> tellOperator, java.util.function.Consumer<String> withdrawNotice) {
        this.tellOperator = tellOperator;
        this.withdrawNotice = withdrawNotice;
        this.shell = shell;
        this.frames = frames;
        this.operatorZone = operatorZone;
        this.session = session;
    }

    /**
     * One screen per frame, after this frame (which made the view models): each screen's first
     * styling is long, and together they would freeze the window. The Dial form comes first and
     * queues its own fields as it goes in; the other screens are queued behind them. The history is
     * read once every screen is in place: reading 100,000 cached calls on the other core while the
     * screens are styled frame by frame made those frames wait for the CPU.
     */
    void show() {
        ProfileSession opened = session;
        frames.run(List.of(() -> {
            if (withdrawn) {
                return;
            }
            DialView dialView = new DialView(opened.dial(), frames, this);
            shell.addArea(DIAL, "Dial", dialView, dialView.builtProperty());
            frames.run(List.of(
                    () -> opened.history().filter(h -> !withdrawn).ifPresent(history -> shell.addArea(HISTORY, "History",
                            new HistoryView(history, frames, operatorZone, callerTitle(opened)))),
                    () -> opened.bulk().filter(b -> !withdrawn).ifPresent(bulk -> {
                        shell.addArea(BULK, "Bulk", new BulkView(bulk, frames));
                        bulk.loadLists();
                        bulk.offerUnfinished(tellOperator, withdrawNotice);
                    }),
                    () -> {
                        if (!withdrawn) {
                            // The list is read when the screen is shown (each time: it is shared), not at start-up.
                            shell.addArea(DO_NOT_CALL, "Do not call", new DoNotCallView(opened.doNotCall()));
                        }
                    },
                    () -> {
                        if (!withdrawn) {
                            shell.addArea(ORGANISATION, "Organisation", new OrganisationView(opened.organisation(), frames));
                        }
                    }));
            opened.history().ifPresent(history -> frames.whenAllDone(() -> {
                if (!withdrawn) {
                    history.open();
                }
            }));
        }));
    }

    /**
     * The profile is being switched away from: its screens still queued a frame at a time are not
     * put in (they would appear under the next profile's badge), nor is its history opened.
     */
    void withdraw() {
        withdrawn = true;
    }

    /** The organisation's name for a caller number (its title), or the number itself. */
    private static UnaryOperator<String> callerTitle(ProfileSession session) {
        return number -> session.dial().numbers().stream().filter(n -> number.equals(n.number()))
                .map(CallerNumber::title).findFirst().orElse(number);
    }

    @Override
    public void showInHistory(String callId) {
        session.history().ifPresent(history -> {
            history.reveal(callId);
            shell.select(HISTORY);
        });
    }

    @Override
    public void openInDial(Call call) {
        session.dial().prefill(call);
        shell.select(DIAL);
    }

    @Override
    public boolean historyAvailable() {
        return session.history().isPresent();
    }
}
