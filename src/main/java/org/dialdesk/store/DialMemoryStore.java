package org.dialdesk.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the dial form keeps per profile: the draft, recent campaigns and the last picker
 * choices, in {@code profiles/<profile>/dial.json}. Saves happen on one background thread and
 * only the newest state is written, so typing never waits on the disk.
 */
public final class DialMemoryStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.dialdesk.store");
    public static final int RECENT_CAMPAIGNS = 10;

    public record DialMemory(
            @JsonProperty("draft") DialDraft draft,
            @JsonProperty("recent_campaigns") List<String> recentCampaigns,
            @JsonProperty("last_choices") Map<String, String> lastChoices) {

        public DialMemory {
            recentCampaigns = recentCampaigns == null ? List.of() : List.copyOf(recentCampaigns);
            lastChoices = lastChoices == null ? Map.of() : Map.copyOf(lastChoices);
        }

        public static DialMemory empty() {
            return new DialMemory(null, List.of(), Map.of());
        }

        public DialMemory withDraft(DialDraft newDraft) {
            return new DialMemory(newDraft, recentCampaigns, lastChoices);
        }

        /** After a call was placed: its campaign goes first in the list, its picks become the defaults. */
        public DialMemory afterDial(String campaign, Map<String, String> choices) {
            List<String> campaigns = new ArrayList<>(recentCampaigns);
            if (campaign != null && !campaign.isBlank()) {
                campaigns.remove(campaign);
                campaigns.add(0, campaign);
            }
            Map<String, String> merged = new LinkedHashMap<>(lastChoices);
            choices.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    merged.put(k, v);
                }
            });
            return new DialMemory(draft, campaigns.subList(0, Math.min(RECENT_CAMPAIGNS, campaigns.size())), merged);
        }
    }

    private final Path file;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dialdesk-draft-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<DialMemory> pending = new AtomicReference<>();

    public DialMemoryStore(Path dataDir, String profile) {
        this.file = dataDir.resolve("profiles").resolve(profile).resolve("dial.json");
    }

    public DialMemory load() {
        if (!Files.exists(file)) {
            return DialMemory.empty();
        }
        try {
            return mapper.readValue(file.toFile(), DialMemory.class);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Dial draft unreadable, starting empty: " + e.getMessage());
            return DialMemory.empty();
        }
    }

    /** Queues a save; a newer one queued before it runs replaces it. */
    public void saveLater(DialMemory memory) {
        if (pending.getAndSet(memory) == null) {
            writer.execute(() -> {
                DialMemory latest = pending.getAndSet(null);
                if (latest != null) {
                    write(latest);
                }
            });
        }
    }

    private void write(DialMemory memory) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("dial.json.tmp");
            mapper.writeValue(temp.toFile(), memory);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save the dial draft: " + e.getMessage());
        }
    }

    /** Writes what is queued and stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
