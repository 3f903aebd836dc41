package org.dialdesk.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dial form keeps per profile: the draft, recent campaigns and the last picker choices.
 */
public record DialMemory(
        @JsonProperty("draft") DialDraft draft,
        @JsonProperty("recent_campaigns") List<String> recentCampaigns,
        @JsonProperty("last_choices") Map<String, String> lastChoices) {

    public static final int RECENT_CAMPAIGNS = 10;

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
