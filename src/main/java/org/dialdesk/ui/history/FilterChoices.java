package org.dialdesk.ui.history;

import java.util.List;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.domain.HistoryRow;

/** The use cases and campaigns History's filters offer: every one seen in the cache, in order; they only grow. */
final class FilterChoices {
    private final ObservableList<String> useCaseNames = FXCollections.observableArrayList();
    private final ObservableList<String> campaigns = FXCollections.observableArrayList();
    private final ObservableList<String> useCaseNamesView = FXCollections.unmodifiableObservableList(useCaseNames);
    private final ObservableList<String> campaignsView = FXCollections.unmodifiableObservableList(campaigns);
    private final TreeSet<String> knownUseCases = new TreeSet<>();
    private final TreeSet<String> knownCampaigns = new TreeSet<>();

    /** Adds the use cases and campaigns of these calls. */
    void addOf(List<HistoryRow> newRows) {
        add(newRows.stream().map(HistoryRow::useCase).toList(), newRows.stream().map(HistoryRow::campaign).toList());
    }

    void add(List<String> useCases, List<String> campaignNames) {
        boolean grewUseCases = false;
        boolean grewCampaigns = false;
        for (String u : useCases) {
            grewUseCases |= u != null && !u.isBlank() && knownUseCases.add(u);
        }
        for (String c : campaignNames) {
            grewCampaigns |= c != null && !c.isBlank() && knownCampaigns.add(c);
        }
        if (grewUseCases) {
            useCaseNames.setAll(knownUseCases);
        }
        if (grewCampaigns) {
            campaigns.setAll(knownCampaigns);
        }
    }

    ObservableList<String> useCaseNames() {
        return useCaseNamesView;
    }

    ObservableList<String> campaigns() {
        return campaignsView;
    }
}
