package org.dialdesk.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.dialdesk.api.Agent;
import org.dialdesk.api.CallModel;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.UseCase;

/**
 * What the profile's organisation offers: caller numbers, use cases, agents and models. Loaded
 * once per profile and shared by every screen that shows them; loaded again only when asked. Each
 * list loads on its own, so one failing endpoint leaves the others usable and says what went
 * wrong in its place. Methods that load block: call them off the UI thread.
 */
public final class OrgDirectory {

    /** One list as last loaded: its items, or why it could not be (the items of the load before stay). */
    public record Listing<T>(List<T> items, String problem) {
        public Listing {
            items = List.copyOf(items);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    /** The four lists as one load left them. */
    public record Snapshot(Listing<CallerNumber> numbers, Listing<UseCase> useCases, Listing<Agent> agents,
                           Listing<CallModel> models, Instant loadedAt) {
        public long failures() {
            return List.of(numbers, useCases, agents, models).stream().filter(l -> !l.ok()).count();
        }
    }

    private final DialClient client;
    private final Clock clock;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<CallModel>> activeModelsByUseCase = new ConcurrentHashMap<>();
    private Snapshot current;

    public OrgDirectory(DialClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Hears of every load after the first, on the thread that loaded; returns what stops it hearing. */
    public Runnable onReload(Consumer<Snapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The lists, loading them if this profile has not yet: two screens asking at once share one load. */
    public synchronized Snapshot lists() {
        if (current == null) {
            current = load(null);
        }
        return current;
    }

    /** Loads every list again; the screens that share the directory hear of it. */
    public Snapshot reload() {
        Snapshot loaded;
        synchronized (this) {
            activeModelsByUseCase.clear();
            current = load(current);
            loaded = current;
        }
        listeners.forEach(listener -> listener.accept(loaded));
        return loaded;
    }

    /** The lists as last loaded, without loading. */
    public synchronized Optional<Snapshot> loaded() {
        return Optional.ofNullable(current);
    }

    /** The models that can take calls for this use case (the dial form's model picker), asked once per load. */
    public List<CallModel> activeModelsOf(String useCaseId) {
        return activeModelsByUseCase.computeIfAbsent(useCaseId,
                id -> List.copyOf(client.listModels(id, CallModel.STATUS_ACTIVE)));
    }

    private Snapshot load(Snapshot before) {
        return new Snapshot(
                listing(client::listNumbers, before == null ? null : before.numbers()),
                listing(client::listUseCases, before == null ? null : before.useCases()),
                listing(client::listAgents, before == null ? null : before.agents()),
                listing(() -> client.listModels(null, null), before == null ? null : before.models()),
                clock.instant());
    }

    private static <T> Listing<T> listing(Callable<List<T>> request, Listing<T> before) {
        try {
            return new Listing<>(request.call(), null);
        } catch (Exception e) {
            // Keep what was shown before: stale is better than empty when the service blips.
            return new Listing<>(before == null ? List.of() : before.items(), ErrorMessages.describe(e));
        }
    }
}
