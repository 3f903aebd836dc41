package org.dialdesk.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dial form keeps per profile: the draft, recent campaigns and the last picker
 * choices, in {@code profiles/<profile>/dial.json}. Saves happen on one background thread and
 * only the newest state is written, so typing never waits on the disk.
 */
public final class DialMemoryStore implements AutoCloseable {
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

    private final JsonFile<DialMemory> file;

    public DialMemoryStore(Path dataDir, String profile) {
        this.file = new JsonFile<>(dataDir.resolve("profiles").resolve(profile).resolve("dial.json"), DialMemory.class);
    }

    public DialMemory load() {
        return file.load(DialMemory::empty);
    }

    /** Queues a save; a newer one queued before it runs replaces it. */
    public void saveLater(DialMemory memory) {
        file.saveLater(memory);
    }

    /** Writes what is queued and stops. */
    @Override
    public void close() {
        file.close();
    }
}
