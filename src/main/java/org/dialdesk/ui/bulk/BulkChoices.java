package org.dialdesk.ui.bulk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.UseCase;
import org.dialdesk.bulk.BulkDesk;
import org.dialdesk.bulk.BulkPlanner;
import org.dialdesk.ui.common.FormFields;

/**
 * What the operator chooses for the rows that do not say: the number that calls, the use case and
 * the campaign, with the account's numbers and use cases to pick from; and whether people called in
 * the last 24 hours are rung again.
 */
public final class BulkChoices {
    private final ObservableList<CallerNumber> numbers = FXCollections.observableArrayList();
    private final ObservableList<CallerNumber> numbersView = FXCollections.unmodifiableObservableList(numbers);
    private final ObservableList<UseCase> useCases = FXCollections.observableArrayList();
    private final ObservableList<UseCase> useCasesView = FXCollections.unmodifiableObservableList(useCases);
    private final StringProperty numberId = new SimpleStringProperty();
    private final StringProperty useCaseId = new SimpleStringProperty();
    private final StringProperty campaign = new SimpleStringProperty("");
    /** Off: callees the account called in the last 24 hours, or has a call waiting for, are skipped. */
    private final BooleanProperty ringAgain = new SimpleBooleanProperty(false);
    /** On: a row outside calling hours now is scheduled for when they open, rather than skipped. */
    private final BooleanProperty waitForHours = new SimpleBooleanProperty(false);

    /** Starts from the profile's defaults. */
    BulkChoices(BulkDesk.Choice start) {
        numberId.set(start.numberId());
        useCaseId.set(start.useCaseId());
    }

    /** The account's lists, as loaded; an account with one number has it chosen. */
    void show(BulkDesk.Lists lists) {
        numbers.setAll(lists.numbers());
        useCases.setAll(lists.useCases());
        if (numberId.get() == null && lists.numbers().size() == 1) {
            numberId.set(lists.numbers().get(0).id());
        }
    }

    BulkDesk.Choice choice() {
        String typed = campaign.get() == null || campaign.get().isBlank() ? null : campaign.get().strip();
        return new BulkDesk.Choice(numberId.get(), useCaseId.get(), typed,
                new BulkPlanner.Options(ringAgain.get(), waitForHours.get()));
    }

    /**
     * What the use case picker says while none is chosen: which use case the caller number's default
     * is, by name; or that the account's lists do not name it (then its prompt's variables and hours
     * are not checked here, and the service decides).
     */
    public javafx.beans.binding.StringBinding defaultUseCaseText() {
        return FormFields.defaultUseCaseText(numberId, numbers, useCases);
    }

    public ObservableList<CallerNumber> numbers() {
        return numbersView;
    }

    public ObservableList<UseCase> useCases() {
        return useCasesView;
    }

    public StringProperty numberIdProperty() {
        return numberId;
    }

    public StringProperty useCaseIdProperty() {
        return useCaseId;
    }

    public StringProperty campaignProperty() {
        return campaign;
    }

    public BooleanProperty ringAgainProperty() {
        return ringAgain;
    }

    public BooleanProperty waitForHoursProperty() {
        return waitForHours;
    }
}
