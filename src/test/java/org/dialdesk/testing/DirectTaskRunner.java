package org.dialdesk.testing;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.dialdesk.ui.common.TaskRunner;

/** Runs work and its callback at once on the calling thread, so view-model tests need no toolkit. */
public final class DirectTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void shutdown() {
    }
}
