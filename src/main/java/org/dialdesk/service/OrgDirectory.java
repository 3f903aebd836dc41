package org.dialdesk.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
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

    /** The four lists as one load left them; {@code load} counts the loads, so an older one is never shown over a newer. */
    public record Snapshot(long load, Listing<CallerNumber> numbers, Listing<UseCase> useCases, Listing<Agent> agents,
                           Listing<CallModel> models, Instant loadedAt) {
        /** Whether this load came after {@code other} (a null other: nothing shown yet). */
        public boolean newerThan(Snapshot other) {
            return other == null || load > other.load;
        }

        public long failures() {
            return List.of(numbers, useCases, agents, models).stream().filter(l -> !l.ok()).count();
        }
    }

    private final DialClient client;
    private final Clock clock;
    private final Executor fanOut;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<CallModel>> activeModelsByUseCase = new ConcurrentHashMap<>();
    private Snapshot current;
    private long loads;

    /** Loads the lists one after the other, on the calling thread. */
    public OrgDirectory(DialClient client, Clock clock) {
        this(client, clock, Runnable::run);
    }

    /**
     * {@code fanOut} runs the four requests of a load beside each other, so a load takes as long as
     * the slowest list rather than all four in turn (on a real network, hundreds of milliseconds).
     */
    public OrgDirectory(DialClient client, Clock clock, Executor fanOut) {
        this.client = client;
        this.clock = clock;
        this.fanOut = fanOut;
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

    /** The models that can take calls for this use case (the dial form's model picker), asked once per load. */
    public List<CallModel> activeModelsOf(String useCaseId) {
        List<CallModel> known = activeModelsByUseCase.get(useCaseId);
        if (known != null) {
            return known;
        }
        // Asked outside any lock: a slow answer must not hold up a reload.
        List<CallModel> asked = List.copyOf(client.listModels(useCaseId, CallModel.STATUS_ACTIVE));
        activeModelsByUseCase.putIfAbsent(useCaseId, asked);
        return asked;
    }

    private Snapshot load(Snapshot before) {
        CompletableFuture<Listing<CallerNumber>> numbers = listing(client::listNumbers,
                before == null ? null : before.numbers());
        CompletableFuture<Listing<UseCase>> useCases = listing(client::listUseCases,
                before == null ? null : before.useCases());
        CompletableFuture<Listing<Agent>> agents = listing(client::listAgents, before == null ? null : before.agents());
        CompletableFuture<Listing<CallModel>> models = listing(() -> client.listModels(null, null),
                before == null ? null : before.models());
        return new Snapshot(++loads, numbers.join(), useCases.join(), agents.join(), models.join(), clock.instant());
    }

    /** One list's request on the fan-out; it never fails: a failure is the listing's problem. */
    private <T> CompletableFuture<Listing<T>> listing(Callable<List<T>> request, Listing<T> before) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new Listing<>(request.call(), null);
            } catch (Exception e) {
                // Keep what was shown before: stale is better than empty when the service blips.
                return new Listing<>(before == null ? List.of() : before.items(), ErrorMessages.describe(e));
            }
        }, fanOut);
    }
}
